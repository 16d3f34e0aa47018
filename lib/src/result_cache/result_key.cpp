// Fields in declaration order; a field added to Rules, ClassifyOptions, PytestConfig or Discovery
// must be added here too (result_key_test.cpp changes each one and expects a new key).
#include "result_cache/result_key.hpp"

#include "cache/binary_codec.hpp"

namespace testtier::result_cache {
namespace {

using cache::Writer;

void write_optional_strings(Writer& w, const std::optional<std::vector<std::string>>& strings) {
  w.number(strings.has_value());
  if (strings) w.strings(*strings);
}

void write_rules(Writer& w, const Rules& rules) {
  w.text(rules.origin);
  const ProjectRules& project = rules.project;
  w.strings(project.import_roots);
  write_optional_strings(w, project.test_files);
  w.strings(project.exclude);
  write_optional_strings(w, project.test_classes);
  write_optional_strings(w, project.test_functions);
  w.number(rules.services.size());
  for (const auto& [name, service] : rules.services) {
    w.text(name);
    w.list(service.ports, [&](int port) { w.number(static_cast<std::uint64_t>(port)); });
    w.strings(service.brings);
    w.text(std::to_string(service.startup_seconds));
  }
  w.list(rules.signals, [&](const Signal& signal) {
    w.number(static_cast<std::uint64_t>(signal.kind));
    w.strings(signal.patterns);
    w.strings(signal.needs);
    w.number(signal.declared);
    w.location(signal.location);
  });
  w.list(rules.suspicious, [&](const SuspiciousRule& rule) {
    w.strings(rule.imports);
    w.text(rule.service);
    w.location(rule.location);
  });
  w.list(rules.tiers, [&](const Tier& tier) {
    w.text(tier.name);
    w.strings(tier.provides);
    w.number(tier.provides_everything);
  });
  w.strings(rules.select.run_all);
  w.number(static_cast<std::uint64_t>(rules.analysis.call_depth));
  w.number(static_cast<std::uint64_t>(rules.analysis.call_budget));
}

}  // namespace

std::string result_key(const std::filesystem::path& root, const Rules& rules, const ClassifyOptions& options,
                       const PytestConfig& pytest, const Discovery& found) {
  std::string key;
  Writer w(key);
  w.text(root.generic_string());
  write_rules(w, rules);
  w.strings(options.only_files);
  w.number(options.parse.max_file_bytes);
  w.number(options.parse.timeout_micros);
  w.text(pytest.origin);
  w.strings(pytest.testpaths);
  w.strings(pytest.python_files);
  w.strings(pytest.python_classes);
  w.strings(pytest.python_functions);
  w.list(pytest.diagnostics, [&](const Diagnostic& d) { w.diagnostic(d); });
  w.strings(found.python_files);
  w.strings(found.test_files);
  w.list(found.diagnostics, [&](const Diagnostic& d) { w.diagnostic(d); });
  w.list(found.exclude_matched, [&](bool matched) { w.number(matched); });
  return key;
}

}  // namespace testtier::result_cache
