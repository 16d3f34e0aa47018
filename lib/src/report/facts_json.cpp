#include "testtier/facts_json.hpp"
#include "report/json_dump.hpp"

#include <nlohmann/json.hpp>

namespace testtier {
namespace {

using Json = nlohmann::ordered_json;

std::string_view kind_name(Value::Kind kind) {
  switch (kind) {
    case Value::Kind::none: return "none";
    case Value::Kind::boolean: return "bool";
    case Value::Kind::number: return "number";
    case Value::Kind::string: return "string";
    case Value::Kind::name: return "name";
    case Value::Kind::call: return "call";
    case Value::Kind::list: return "list";
    case Value::Kind::dict: return "dict";
    case Value::Kind::other: return "other";
  }
  return "other";
}

std::string_view origin_name(MarkUse::Origin origin) {
  switch (origin) {
    case MarkUse::Origin::decorator: return "decorator";
    case MarkUse::Origin::pytestmark: return "pytestmark";
    case MarkUse::Origin::parametrize: return "parametrize";
  }
  return "decorator";
}

std::string_view via_name(SettingUse::Via via) {
  switch (via) {
    case SettingUse::Via::override_settings: return "override_settings";
    case SettingUse::Via::settings: return "self.settings";
    case SettingUse::Via::options: return "self.options";
    case SettingUse::Via::override_options: return "override_options";
    case SettingUse::Via::assignment: return "assignment";
  }
  return "override_settings";
}

Json location(SourceLocation where) { return Json::array({where.line, where.column}); }

Json to_json(const Value& value) {
  Json out{{"kind", kind_name(value.kind)}, {"text", value.text}};
  if (!value.items.empty()) {
    Json items = Json::array();
    for (const Value& item : value.items) items.push_back(to_json(item));
    out["items"] = std::move(items);
  }
  if (!value.keywords.empty()) {
    Json keywords = Json::object();
    for (const auto& [key, item] : value.keywords) keywords[key] = to_json(item);
    out["keywords"] = std::move(keywords);
  }
  return out;
}

Json to_json(const MarkUse& mark) {
  Json out{{"at", location(mark.location)}, {"origin", origin_name(mark.origin)}};
  if (!mark.name.empty()) out["mark"] = mark.name;
  if (!mark.alias.empty()) out["alias"] = mark.alias;
  if (!mark.args.empty()) out["args"] = mark.args;
  return out;
}

template <typename Item, typename Convert>
Json array_of(const std::vector<Item>& items, Convert convert) {
  Json out = Json::array();
  for (const Item& item : items) out.push_back(convert(item));
  return out;
}

Json to_json(const BodyUses& uses) {
  return Json{
      {"calls", array_of(uses.calls, [](const CallUse& call) {
         return Json{{"name", call.name}, {"at", location(call.location)}};
       })},
      {"settings", array_of(uses.settings, [](const SettingUse& setting) {
         Json out{{"key", setting.key}, {"via", via_name(setting.via)}, {"at", location(setting.location)}};
         out["value"] = setting.literal ? Json(setting.value) : Json(nullptr);
         return out;
       })},
      {"envs", array_of(uses.envs, [](const EnvUse& env) {
         return Json{{"name", env.name}, {"at", location(env.location)}};
       })}};
}

Json to_json(const FunctionFacts& function) {
  Json out{{"name", function.name},
           {"at", location(function.location)},
           {"end_line", function.end_line},
           {"async", function.is_async},
           {"parameters", function.parameters},
           {"decorators", array_of(function.decorators, [](const Decorator& decorator) {
              return Json{{"name", decorator.name}, {"at", location(decorator.location)},
                          {"expression", to_json(decorator.expression)}};
            })},
           {"marks", array_of(function.marks, [](const MarkUse& mark) { return to_json(mark); })}};
  if (function.is_fixture) {
    out["fixture"] = Json{{"name", function.fixture.name}, {"autouse", function.fixture.autouse},
                          {"scope", function.fixture.scope}};
  }
  out["uses"] = to_json(function.uses);
  return out;
}

Json to_json(const ClassFacts& cls) {
  return Json{
      {"name", cls.name},
      {"qualname", cls.qualname},
      {"at", location(cls.location)},
      {"end_line", cls.end_line},
      {"bases", array_of(cls.bases, [](const ClassFacts::Base& base) {
         return Json{{"name", base.name}, {"at", location(base.location)}};
       })},
      {"decorators", array_of(cls.decorators, [](const Decorator& decorator) {
         return Json{{"name", decorator.name}, {"at", location(decorator.location)}};
       })},
      {"marks", array_of(cls.marks, [](const MarkUse& mark) { return to_json(mark); })},
      {"methods", array_of(cls.methods, [](const FunctionFacts& method) { return to_json(method); })},
      {"uses", to_json(cls.uses)}};
}

Json to_json(const Import& import) {
  Json out{{"module", import.module}};
  if (import.level > 0) out["level"] = import.level;
  if (!import.name.empty()) out["name"] = import.name;
  out["bound_as"] = import.bound_as;
  if (import.type_only) out["type_only"] = true;
  if (import.in_function) out["in_function"] = true;
  out["at"] = location(import.location);
  return out;
}

Json to_json(const Diagnostic& diagnostic) {
  return Json{{"path", diagnostic.path},
              {"line", diagnostic.location.line},
              {"column", diagnostic.location.column},
              {"severity", to_string(diagnostic.severity)},
              {"code", diagnostic.code},
              {"message", diagnostic.message}};
}

Json to_json(const FileFacts& file) {
  return Json{
      {"path", file.path},
      {"module", file.module},
      {"size", file.size},
      {"imports", array_of(file.imports, [](const Import& import) { return to_json(import); })},
      {"module_marks", array_of(file.module_marks, [](const MarkUse& mark) { return to_json(mark); })},
      {"aliases", array_of(file.aliases, [](const Alias& alias) {
         return Json{{"name", alias.name}, {"at", location(alias.location)}, {"value", to_json(alias.value)},
                     {"mark", alias.mark}, {"mark_args", alias.mark_args}};
       })},
      {"pytest_plugins", file.pytest_plugins},
      {"classes", array_of(file.classes, [](const ClassFacts& cls) { return to_json(cls); })},
      {"functions", array_of(file.functions, [](const FunctionFacts& fn) { return to_json(fn); })},
      {"module_uses", to_json(file.module_uses)},
      {"suppressions", array_of(file.suppressions, [](const Suppression& suppression) {
         return Json{{"at", location(suppression.location)}, {"codes", suppression.codes}, {"noqa", suppression.noqa}};
       })},
      {"diagnostics", array_of(file.diagnostics, [](const Diagnostic& d) { return to_json(d); })}};
}

}  // namespace

std::string facts_to_json(const std::vector<FileFacts>& files) {
  Json document{{"schema", "testtier-facts/v1"},
                {"files", array_of(files, [](const FileFacts& file) { return to_json(file); })}};
  // Replace undecodable bytes rather than throw: paths may come from any file system.
  return report::dump_json(document, 2) + "\n";
}

}  // namespace testtier
