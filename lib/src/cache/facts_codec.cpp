// Varints for integers, length-prefixed strings, counts before lists; fields in declaration order.
// Any change here must bump kFormatVersion in facts_cache.cpp.
#include "cache/facts_codec.hpp"

#include "cache/binary_codec.hpp"

namespace testtier::cache {
namespace {

constexpr int kMaxValueDepth = 64;

void write_value(Writer& w, const Value& value) {
  w.number(static_cast<std::uint64_t>(value.kind));
  w.text(value.text);
  w.list(value.items, [&](const Value& item) { write_value(w, item); });
  w.list(value.keywords, [&](const auto& keyword) {
    w.text(keyword.first);
    write_value(w, keyword.second);
  });
  w.location(value.location);
}

void read_value(Reader& r, Value& value, int depth) {
  if (depth > kMaxValueDepth) return static_cast<void>(r.fail());
  const std::uint64_t kind = r.number();
  if (kind > static_cast<std::uint64_t>(Value::Kind::other)) return static_cast<void>(r.fail());
  value.kind = static_cast<Value::Kind>(kind);
  value.text = r.text();
  r.list(value.items, [&](Value& item) { read_value(r, item, depth + 1); });
  r.list(value.keywords, [&](auto& keyword) {
    keyword.first = r.text();
    read_value(r, keyword.second, depth + 1);
  });
  value.location = r.location();
}


void write_mark(Writer& w, const MarkUse& mark) {
  w.text(mark.name);
  w.text(mark.alias);
  w.strings(mark.args);
  write_value(w, mark.expression);
  w.number(static_cast<std::uint64_t>(mark.origin));
  w.location(mark.location);
}
void read_mark(Reader& r, MarkUse& mark) {
  mark.name = r.text();
  mark.alias = r.text();
  r.strings(mark.args);
  read_value(r, mark.expression, 0);
  mark.origin = static_cast<MarkUse::Origin>(r.number() % 3);
  mark.location = r.location();
}

void write_import(Writer& w, const Import& import);
void read_import(Reader& r, Import& import);

void write_uses(Writer& w, const BodyUses& uses) {
  w.list(uses.calls, [&](const CallUse& call) {
    w.text(call.name);
    w.location(call.location);
  });
  w.list(uses.settings, [&](const SettingUse& setting) {
    w.text(setting.key);
    w.text(setting.value);
    w.number(setting.literal);
    w.number(static_cast<std::uint64_t>(setting.via));
    w.location(setting.location);
  });
  w.list(uses.imports, [&](const Import& i) { write_import(w, i); });
  w.list(uses.envs, [&](const EnvUse& env) {
    w.text(env.name);
    w.location(env.location);
  });
}
void read_uses(Reader& r, BodyUses& uses) {
  r.list(uses.calls, [&](CallUse& call) {
    call.name = r.text();
    call.location = r.location();
  });
  r.list(uses.settings, [&](SettingUse& setting) {
    setting.key = r.text();
    setting.value = r.text();
    setting.literal = r.flag();
    setting.via = static_cast<SettingUse::Via>(r.number() % 5);
    setting.location = r.location();
  });
  r.list(uses.imports, [&](Import& i) { read_import(r, i); });
  r.list(uses.envs, [&](EnvUse& env) {
    env.name = r.text();
    env.location = r.location();
  });
}

void write_decorator(Writer& w, const Decorator& decorator) {
  w.text(decorator.name);
  write_value(w, decorator.expression);
  w.location(decorator.location);
}
void read_decorator(Reader& r, Decorator& decorator) {
  decorator.name = r.text();
  read_value(r, decorator.expression, 0);
  decorator.location = r.location();
}

void write_function(Writer& w, const FunctionFacts& function) {
  w.text(function.name);
  w.location(function.location);
  w.number(function.end_line);
  w.number(function.is_async);
  w.strings(function.parameters);
  w.list(function.decorators, [&](const Decorator& d) { write_decorator(w, d); });
  w.list(function.marks, [&](const MarkUse& m) { write_mark(w, m); });
  w.number(function.is_fixture);
  w.text(function.fixture.name);
  w.number(function.fixture.autouse);
  w.text(function.fixture.scope);
  write_uses(w, function.uses);
  w.list(function.applied_marks, [&](const MarkUse& m) { write_mark(w, m); });
}
void read_function(Reader& r, FunctionFacts& function) {
  function.name = r.text();
  function.location = r.location();
  function.end_line = r.small();
  function.is_async = r.flag();
  r.strings(function.parameters);
  r.list(function.decorators, [&](Decorator& d) { read_decorator(r, d); });
  r.list(function.marks, [&](MarkUse& m) { read_mark(r, m); });
  function.is_fixture = r.flag();
  function.fixture.name = r.text();
  function.fixture.autouse = r.flag();
  function.fixture.scope = r.text();
  read_uses(r, function.uses);
  r.list(function.applied_marks, [&](MarkUse& m) { read_mark(r, m); });
}

void write_class(Writer& w, const ClassFacts& cls) {
  w.text(cls.name);
  w.text(cls.qualname);
  w.location(cls.location);
  w.number(cls.end_line);
  w.list(cls.bases, [&](const ClassFacts::Base& base) {
    w.text(base.name);
    w.location(base.location);
  });
  w.list(cls.decorators, [&](const Decorator& d) { write_decorator(w, d); });
  w.list(cls.marks, [&](const MarkUse& m) { write_mark(w, m); });
  w.list(cls.methods, [&](const FunctionFacts& f) { write_function(w, f); });
  write_uses(w, cls.uses);
}
void read_class(Reader& r, ClassFacts& cls) {
  cls.name = r.text();
  cls.qualname = r.text();
  cls.location = r.location();
  cls.end_line = r.small();
  r.list(cls.bases, [&](ClassFacts::Base& base) {
    base.name = r.text();
    base.location = r.location();
  });
  r.list(cls.decorators, [&](Decorator& d) { read_decorator(r, d); });
  r.list(cls.marks, [&](MarkUse& m) { read_mark(r, m); });
  r.list(cls.methods, [&](FunctionFacts& f) { read_function(r, f); });
  read_uses(r, cls.uses);
}

void write_import(Writer& w, const Import& import) {
  w.text(import.module);
  w.number(static_cast<std::uint64_t>(import.level));
  w.text(import.name);
  w.text(import.bound_as);
  w.number(import.type_only);
  w.number(import.in_function);
  w.location(import.location);
}
void read_import(Reader& r, Import& import) {
  import.module = r.text();
  import.level = static_cast<int>(r.small());
  import.name = r.text();
  import.bound_as = r.text();
  import.type_only = r.flag();
  import.in_function = r.flag();
  import.location = r.location();
}

void write_alias(Writer& w, const Alias& alias) {
  w.text(alias.name);
  write_value(w, alias.value);
  w.text(alias.mark);
  w.strings(alias.mark_args);
  w.location(alias.location);
}
void read_alias(Reader& r, Alias& alias) {
  alias.name = r.text();
  read_value(r, alias.value, 0);
  alias.mark = r.text();
  r.strings(alias.mark_args);
  alias.location = r.location();
}

void write_diagnostic(Writer& w, const Diagnostic& d) {
  w.location(d.location);
  w.number(static_cast<std::uint64_t>(d.severity));
  w.text(d.code);
  w.text(d.message);
}
void read_diagnostic(Reader& r, Diagnostic& d) {
  d.location = r.location();
  d.severity = static_cast<Severity>(r.number() % 3);
  d.code = r.text();
  d.message = r.text();
}

}  // namespace

void encode_facts(const FileFacts& facts, std::string& out) {
  Writer w(out);
  w.text(facts.module);
  w.number(facts.content_hash);
  w.number(facts.size);
  w.list(facts.imports, [&](const Import& i) { write_import(w, i); });
  w.list(facts.classes, [&](const ClassFacts& c) { write_class(w, c); });
  w.list(facts.functions, [&](const FunctionFacts& f) { write_function(w, f); });
  w.list(facts.module_marks, [&](const MarkUse& m) { write_mark(w, m); });
  w.list(facts.aliases, [&](const Alias& a) { write_alias(w, a); });
  w.strings(facts.pytest_plugins);
  write_uses(w, facts.module_uses);
  w.list(facts.suppressions, [&](const Suppression& s) {
    w.location(s.location);
    w.strings(s.codes);
    w.number(s.noqa ? 1 : 0);
  });
  w.list(facts.diagnostics, [&](const Diagnostic& d) { write_diagnostic(w, d); });
}

bool decode_facts(std::string_view& in, FileFacts& facts) {
  Reader r(in);
  facts.module = r.text();
  facts.content_hash = r.number();
  facts.size = r.number();
  r.list(facts.imports, [&](Import& i) { read_import(r, i); });
  r.list(facts.classes, [&](ClassFacts& c) { read_class(r, c); });
  r.list(facts.functions, [&](FunctionFacts& f) { read_function(r, f); });
  r.list(facts.module_marks, [&](MarkUse& m) { read_mark(r, m); });
  r.list(facts.aliases, [&](Alias& a) { read_alias(r, a); });
  r.strings(facts.pytest_plugins);
  read_uses(r, facts.module_uses);
  r.list(facts.suppressions, [&](Suppression& s) {
    s.location = r.location();
    r.strings(s.codes);
    s.noqa = r.flag();
  });
  r.list(facts.diagnostics, [&](Diagnostic& d) { read_diagnostic(r, d); });
  for (Diagnostic& d : facts.diagnostics) d.path = facts.path;
  return r.ok();
}

}  // namespace testtier::cache
