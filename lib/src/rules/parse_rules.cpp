#include <algorithm>
#include <cctype>
#include <array>
#include <span>
#include <utility>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "rules/evidence_kind.hpp"
#include "rules/parse_toml.hpp"
#include "rules/toml_reader.hpp"
#include "rules/validate.hpp"
#include "testtier/lint.hpp"
#include "testtier/rules.hpp"
#include "util/file_io.hpp"

namespace testtier {
namespace {

using rules::check_globs;
using rules::check_services;
using rules::check_settings;
using rules::check_tiers;
using rules::Item;
using rules::location_of;
using rules::texts;
using rules::TomlReader;

/// The keys of a [[signal]]: its evidence kind's (one of kEvidenceKinds'), then its own.
constexpr auto kSignalKeys = [] {
  std::array<std::string_view, kEvidenceKinds.size() + 2> keys{};
  for (std::size_t i = 0; i < kEvidenceKinds.size(); ++i) keys[i] = kEvidenceKinds[i].key;
  keys[kEvidenceKinds.size()] = "needs";
  keys[kEvidenceKinds.size() + 1] = "declared";
  return keys;
}();
constexpr std::span<const std::string_view> kKindKeys(kSignalKeys.data(), kEvidenceKinds.size());

/// Larger rules files are refused rather than read.
constexpr std::uintmax_t kMaxRulesBytes = 8u << 20;

/// Throw unless `root` says `version = 1`.
void check_version(const TomlReader& reader, const toml::table& root) {
  const toml::node* node = root.get("version");
  if (node == nullptr) {
    reader.fail(location_of(root), "version",
                fmt::format("missing `version` in {}; add `version = {}`", reader.section(""),
                            kRulesVersion));
  }
  const auto* version = node->as_integer();
  if (version == nullptr) {
    reader.fail(location_of(*node), "version",
                fmt::format("`version` must be the integer {}", kRulesVersion));
  }
  if (version->get() != kRulesVersion) {
    reader.fail(location_of(*node), "version",
                fmt::format("unsupported rules version {}; this testtier reads version {}",
                            version->get(), kRulesVersion));
  }
}

/// Return the list `name` of `table`, which must be there and not be empty.
std::vector<Item> required_list(const TomlReader& reader, const toml::table& table,
                                std::string_view name, const std::string& key,
                                std::string_view what) {
  auto items = reader.strings(table, name, key + "." + std::string(name));
  if (!items) {
    reader.fail(location_of(table), key + "." + std::string(name),
                fmt::format("{} has no `{}`; give {}", reader.section(key), name, what));
  }
  if (items->empty()) {
    reader.fail(location_of(*table.get(name)), key + "." + std::string(name),
                fmt::format("`{}` is empty; give {}", name, what));
  }
  return std::move(*items);
}

/// Return the globs `name` of [project], checked; nullopt when absent. Where each is written goes
/// to `locations` when given.
std::optional<std::vector<std::string>> project_globs(const TomlReader& reader,
                                                      const toml::table& table,
                                                      std::string_view name,
                                                      std::vector<SourceLocation>* locations = nullptr) {
  const std::string key = "project." + std::string(name);
  auto items = reader.strings(table, name, key);
  if (!items) return std::nullopt;
  check_globs(reader, *items, name, key);
  for (const Item& item : *items) {
    if (locations != nullptr) locations->push_back(item.location);
  }
  return texts(*items);
}

/// Read the [select] table `table`: what makes `testtier affected` answer "everything".
SelectRules read_select(const TomlReader& reader, const toml::table& table) {
  reader.check_keys(table, "select", {"run_all"});
  SelectRules select;
  if (auto items = reader.strings(table, "run_all", "select.run_all")) {
    check_globs(reader, *items, "run_all", "select.run_all");
    select.run_all = texts(*items);
  }
  return select;
}

/// Return the codes of the list `name` of [lint] `table`, upper-cased (as the command line's);
/// nullopt when absent. Each must name a lint code, a prefix of one, or ALL (else a problem at it).
std::optional<std::vector<LintSelector>> lint_selectors(const TomlReader& reader, const toml::table& table,
                                                        std::string_view name, const std::string& key) {
  auto items = reader.strings(table, name, key);
  if (!items) return std::nullopt;
  std::vector<LintSelector> selectors;
  for (const Item& item : *items) {
    std::string code = item.text;
    for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (!is_lint_selector(code)) {
      reader.report(item.location, key,
                    fmt::format("unknown lint code or prefix `{}` in `{}`; `testtier lint --explain CODE` takes "
                                "a code such as TT001, and a prefix (TT0, TT9) or ALL selects several",
                                item.text, name));
      continue;
    }
    selectors.push_back({std::move(code), item.location});
  }
  return selectors;
}

/// Read `per-file-ignores` of [lint] `table`: a table from glob to codes.
std::vector<PerFileIgnore> read_per_file_ignores(const TomlReader& reader, const toml::table& table) {
  std::vector<PerFileIgnore> entries;
  const toml::table* globs = reader.table(table, "per-file-ignores", "lint.per-file-ignores");
  if (globs == nullptr) return entries;
  for (auto&& [glob, node] : *globs) {
    const std::string key = fmt::format("lint.per-file-ignores.\"{}\"", glob.str());
    reader.recover([&] {
      const SourceLocation where = location_of(glob, node);
      const std::string_view pattern = glob.str().starts_with('!') ? glob.str().substr(1) : glob.str();
      check_globs(reader, {Item{std::string(pattern), where}}, "per-file-ignores", key);
      auto codes = lint_selectors(reader, *globs, glob.str(), key);
      entries.push_back({std::string(glob.str()), std::move(codes).value_or(std::vector<LintSelector>{}), where});
    });
  }
  // toml++ keeps a table's keys sorted; the file's order is the one users read.
  std::stable_sort(entries.begin(), entries.end(),
                   [](const PerFileIgnore& a, const PerFileIgnore& b) { return a.location < b.location; });
  return entries;
}

/// Read the [lint] table `table`: ruff's code selection, for `testtier lint`.
LintRules read_lint(const TomlReader& reader, const toml::table& table) {
  reader.check_keys(table, "lint", {"select", "extend-select", "ignore", "per-file-ignores"});
  LintRules lint;
  lint.select = lint_selectors(reader, table, "select", "lint.select");
  lint.extend_select = lint_selectors(reader, table, "extend-select", "lint.extend-select").value_or(std::vector<LintSelector>{});
  lint.ignore = lint_selectors(reader, table, "ignore", "lint.ignore").value_or(std::vector<LintSelector>{});
  lint.per_file_ignores = read_per_file_ignores(reader, table);
  return lint;
}

/// Read the integer `name` of `table` (full key `key`) into `into` when present, checked to lie in
/// [`low`, `high`].
void read_bounded(const TomlReader& reader, const toml::table& table, std::string_view name, const std::string& key,
                  std::int64_t low, std::int64_t high, int& into) {
  const auto value = reader.number(table, name, key);
  if (!value) return;
  const toml::node& node = *table.get(name);
  if (!node.is_integer() || *value < static_cast<double>(low) || *value > static_cast<double>(high)) {
    reader.fail(location_of(node), key, fmt::format("`{}` must be a whole number from {} to {}", name, low, high));
  }
  into = static_cast<int>(*value);
}

/// Read the [analysis] table `table`: how far calls are followed.
AnalysisRules read_analysis(const TomlReader& reader, const toml::table& table) {
  reader.check_keys(table, "analysis", {"call_depth", "call_budget"});
  AnalysisRules analysis;
  read_bounded(reader, table, "call_depth", "analysis.call_depth", 0, 32, analysis.call_depth);
  read_bounded(reader, table, "call_budget", "analysis.call_budget", 1, 1000000, analysis.call_budget);
  return analysis;
}

/// Read the [project] table `table`.
ProjectRules read_project(const TomlReader& reader, const toml::table& table) {
  reader.check_keys(table, "project",
                    {"import_roots", "test_files", "exclude", "test_classes", "test_functions"});
  ProjectRules project;
  if (auto roots = reader.strings(table, "import_roots", "project.import_roots")) {
    project.import_roots = texts(*roots);
  }
  project.test_files = project_globs(reader, table, "test_files", &project.test_files_locations);
  project.exclude =
      project_globs(reader, table, "exclude", &project.exclude_locations).value_or(std::vector<std::string>{});
  project.test_classes = project_globs(reader, table, "test_classes");
  project.test_functions = project_globs(reader, table, "test_functions");
  return project;
}

/// Return the ports of service `key`, each checked to be a TCP port.
std::vector<int> read_ports(const TomlReader& reader, const toml::table& table,
                            const std::string& key) {
  std::vector<int> ports;
  const auto values = reader.integers(table, "ports", key + ".ports");
  if (!values) return ports;
  const toml::array& array = *table.get("ports")->as_array();
  for (std::size_t i = 0; i < values->size(); ++i) {
    const std::int64_t port = (*values)[i];
    if (port < 1 || port > 65535) {
      reader.report(location_of(*array.get(i)), key + ".ports",
                    fmt::format("port {} is not between 1 and 65535", port));
      continue;
    }
    ports.push_back(static_cast<int>(port));
  }
  return ports;
}

/// Read `[services.NAME]` table `table` into `service`; `services` knows every name already.
void read_service(const TomlReader& reader, const toml::table& table, Service& service,
                  const std::map<std::string, Service>& services) {
  const std::string key = "services." + service.name;
  reader.check_keys(table, key, {"ports", "brings", "startup_seconds"});
  service.ports = read_ports(reader, table, key);
  if (auto brings = reader.strings(table, "brings", key + ".brings")) {
    check_services(reader, *brings, services, "brings", key + ".brings");
    service.brings = texts(*brings);
  }
  if (auto seconds = reader.number(table, "startup_seconds", key + ".startup_seconds")) {
    if (*seconds < 0) {
      reader.fail(location_of(*table.get("startup_seconds")), key + ".startup_seconds",
                  "`startup_seconds` must not be negative");
    }
    service.startup_seconds = *seconds;
  }
}

/// Read the [services] of `root`, checking names first so that `brings` may name any of them.
/// Each service is read on its own: the problems of every one are reported.
std::map<std::string, Service> read_services(const TomlReader& reader, const toml::table& root) {
  std::map<std::string, Service> services;
  const toml::table* table = reader.table(root, "services", "services");
  if (table == nullptr) return services;
  for (auto&& [name, node] : *table) {
    const std::string key = "services." + std::string(name.str());
    if (!node.is_table()) {
      reader.report(location_of(name, node), key,
                    fmt::format("`{}` must be a table, written [{}]", key, reader.dotted(key)));
      continue;
    }
    if (name.str() == "*") {
      reader.report(location_of(name, node), key,
                    "`*` cannot name a service: in `provides` it means every service");
      continue;
    }
    services[std::string(name.str())].name = name.str();
  }
  for (auto&& [name, node] : *table) {
    const auto service = services.find(std::string(name.str()));
    if (service == services.end()) continue;
    reader.recover([&] { read_service(reader, *node.as_table(), service->second, services); });
  }
  return services;
}

/// Return the one evidence kind that [[signal]] `table` gives; throw on none or several.
EvidenceKind signal_kind(const TomlReader& reader, const toml::table& table,
                         const std::string& key) {
  std::vector<std::pair<SourceLocation, EvidenceKind>> present;
  for (const EvidenceKindRow& row : kEvidenceKinds) {
    if (const toml::node* node = table.get(row.key)) present.emplace_back(location_of(*node), row.kind);
  }
  if (present.empty()) {
    reader.fail(location_of(table), key,
                fmt::format("{} has no evidence kind; give exactly one of: {}", reader.section(key),
                            fmt::join(kKindKeys, ", ")));
  }
  std::sort(present.begin(), present.end());
  if (present.size() > 1) {
    std::vector<std::string> names;
    for (const auto& [location, kind] : present) {
      names.push_back(fmt::format("`{}`", to_string(kind)));
    }
    reader.fail(present[1].first, key + "." + std::string(to_string(present[1].second)),
                fmt::format("{} has {} evidence kinds ({}); give exactly one per {} and split "
                            "the rest into signals of their own",
                            reader.section(key), present.size(), fmt::join(names, ", "),
                            reader.section(key)));
  }
  return present.front().second;
}

/// Read the [[signal]] `table`, the `index`th.
Signal read_signal(const TomlReader& reader, const toml::table& table, std::size_t index,
                   const std::map<std::string, Service>& services) {
  const std::string key = fmt::format("signal[{}]", index);
  reader.check_keys(table, key, kSignalKeys);
  Signal signal;
  signal.kind = signal_kind(reader, table, key);
  signal.location = location_of(table);
  const std::string_view kind = to_string(signal.kind);
  const std::string kind_key = key + "." + std::string(kind);
  const auto patterns = required_list(reader, table, kind, key, "at least one pattern");
  if (signal.kind == EvidenceKind::path) check_globs(reader, patterns, kind, kind_key);
  if (signal.kind == EvidenceKind::setting) check_settings(reader, patterns, kind, kind_key);
  if (signal.kind == EvidenceKind::env) {
    check_globs(reader, patterns, kind, kind_key);
    for (const Item& item : patterns) {
      if (item.text.find('/') == std::string::npos) continue;
      reader.report(item.location, kind_key,
                    fmt::format("`env` glob \"{}\" holds '/'; it is matched against an environment variable's "
                                "name, e.g. \"REDIS_URL\" or \"SENTRY_PYTHON_TEST_POSTGRES_*\"",
                                item.text));
    }
  }
  signal.patterns = texts(patterns);
  for (const Item& item : patterns) signal.pattern_locations.push_back(item.location);
  const auto needs = required_list(reader, table, "needs", key,
                                   "the services this evidence means, e.g. needs = [\"postgres\"]");
  check_services(reader, needs, services, "needs", key + ".needs");
  signal.needs = texts(needs);
  signal.declared = reader.boolean(table, "declared", key + ".declared")
                        .value_or(declares_by_default(signal.kind));
  return signal;
}

/// Read the [[suspicious]] `table`, the `index`th.
SuspiciousRule read_suspicious(const TomlReader& reader, const toml::table& table,
                               std::size_t index, const std::map<std::string, Service>& services) {
  const std::string key = fmt::format("suspicious[{}]", index);
  reader.check_keys(table, key, {"imports", "service"});
  SuspiciousRule rule;
  rule.location = location_of(table);
  rule.imports = texts(required_list(reader, table, "imports", key, "at least one module name"));
  const auto service = reader.string(table, "service", key + ".service");
  if (!service) {
    reader.fail(location_of(table), key + ".service",
                fmt::format("{} has no `service`; give the service whose imports these are",
                            reader.section(key)));
  }
  check_services(reader, {*service}, services, "service", key + ".service");
  rule.service = service->text;
  return rule;
}

/// Read the [[tier]] `table`, the `index`th.
Tier read_tier(const TomlReader& reader, const toml::table& table, std::size_t index,
               const std::map<std::string, Service>& services) {
  const std::string key = fmt::format("tier[{}]", index);
  reader.check_keys(table, key, {"name", "provides"});
  const auto name = reader.string(table, "name", key + ".name");
  if (!name) {
    reader.fail(location_of(table), key + ".name",
                fmt::format("{} has no `name`", reader.section(key)));
  }
  Tier tier;
  tier.name = name->text;
  if (auto provides = reader.strings(table, "provides", key + ".provides")) {
    check_services(reader, *provides, services, "provides", key + ".provides", true);
    tier.provides = texts(*provides);
  }
  tier.provides_everything =
      std::find(tier.provides.begin(), tier.provides.end(), "*") != tier.provides.end();
  return tier;
}

/// Return the [[tier]] tables of `root`, checking that their names differ; `complete` says
/// whether every one could be read (each is read on its own, reporting its problems).
std::vector<Tier> read_tiers(const TomlReader& reader, const toml::table& root,
                             const std::map<std::string, Service>& services, bool& complete) {
  std::vector<Tier> tiers;
  complete = true;
  const toml::array* tables = reader.tables(root, "tier", "tier");
  if (tables == nullptr) return tiers;
  std::map<std::string, SourceLocation> seen;
  for (std::size_t i = 0; i < tables->size(); ++i) {
    const toml::table& table = *tables->get(i)->as_table();
    complete = reader.recover([&] {
      Tier tier = read_tier(reader, table, i, services);
      const SourceLocation here = location_of(*table.get("name"));
      if (const auto [it, added] = seen.emplace(tier.name, here); !added) {
        reader.report(here, fmt::format("tier[{}].name", i),
                      fmt::format("duplicate tier name `{}` (first at line {})", tier.name,
                                  it->second.line));
      }
      tiers.push_back(std::move(tier));
    }) && complete;
  }
  return tiers;
}

/// Call `read(table, index)` for each table of the array of tables `name` in `root`, each on its
/// own (recording its problems and going on to the next).
template <typename Read>
void for_each_table(const TomlReader& reader, const toml::table& root, std::string_view name,
                    Read read) {
  reader.recover([&] {
    const toml::array* tables = reader.tables(root, name, name);
    if (tables == nullptr) return;
    for (std::size_t i = 0; i < tables->size(); ++i) {
      reader.recover([&] { read(*tables->get(i)->as_table(), i); });
    }
  });
}

/// Read and validate the rules table `root`. Each part is read on its own, so that the problems
/// of every part are reported together (TomlReader::throw_problems); a wrong `version` stops at once.
Rules read_rules(const TomlReader& reader, const toml::table& root) {
  check_version(reader, root);
  reader.recover([&] {
    reader.check_keys(root, "", {"version", "project", "services", "signal", "suspicious", "tier", "select", "lint", "analysis"});
  });
  Rules rules;
  rules.origin = reader.origin();
  reader.recover([&] {
    if (const toml::table* project = reader.table(root, "project", "project")) {
      rules.project = read_project(reader, *project);
    }
  });
  reader.recover([&] {
    if (const toml::table* select = reader.table(root, "select", "select")) {
      rules.select = read_select(reader, *select);
    }
  });
  reader.recover([&] {
    if (const toml::table* lint = reader.table(root, "lint", "lint")) rules.lint = read_lint(reader, *lint);
  });
  reader.recover([&] {
    if (const toml::table* analysis = reader.table(root, "analysis", "analysis")) {
      rules.analysis = read_analysis(reader, *analysis);
    }
  });
  reader.recover([&] { rules.services = read_services(reader, root); });
  for_each_table(reader, root, "signal", [&](const toml::table& table, std::size_t i) {
    rules.signals.push_back(read_signal(reader, table, i, rules.services));
  });
  for_each_table(reader, root, "suspicious", [&](const toml::table& table, std::size_t i) {
    rules.suspicious.push_back(read_suspicious(reader, table, i, rules.services));
  });
  bool tiers_complete = true;
  reader.recover([&] { rules.tiers = read_tiers(reader, root, rules.services, tiers_complete); });
  // Whether the tiers place every service is only known when every tier could be read.
  if (tiers_complete) reader.recover([&] { check_tiers(reader, rules, root); });
  reader.throw_problems();
  return rules;
}

}  // namespace

namespace rules {

toml::table parse_toml(std::string_view text, const std::string& origin) {
  try {
    return toml::parse(text, origin);
  } catch (const toml::parse_error& error) {
    const auto& begin = error.source().begin;
    throw RulesError(origin, {begin.line, begin.column}, "", std::string(error.description()));
  }
}

}  // namespace rules

Rules parse_rules(std::string_view toml_text, std::string origin) {
  const toml::table root = rules::parse_toml(toml_text, origin);
  return read_rules(TomlReader(std::move(origin), ""), root);
}

std::optional<Rules> parse_pyproject_rules(std::string_view toml_text, std::string origin) {
  const toml::table root = rules::parse_toml(toml_text, origin);
  const toml::table* tool = root.get_as<toml::table>("tool");
  const toml::node* node = tool != nullptr ? tool->get("testtier") : nullptr;
  if (node == nullptr) return std::nullopt;
  TomlReader reader(std::move(origin), "tool.testtier.");
  if (!node->is_table()) {
    reader.fail(location_of(*node), "", "`tool.testtier` must be a table, written [tool.testtier]");
  }
  return read_rules(reader, *node->as_table());
}

Rules load_rules_file(const std::filesystem::path& file) {
  FileRead read = read_file(file, kMaxRulesBytes);
  if (!read.ok) throw RulesError(file.string(), {}, "", "cannot read rules: " + read.error);
  return parse_rules(read.bytes, file.string());
}

}  // namespace testtier
