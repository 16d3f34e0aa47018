// Fields in declaration order; a field added to Rules, ClassifyOptions, PytestConfig or Discovery
// must be added here too (result_key_test.cpp changes each one and expects a new key).
#include "cache/result_key.hpp"

#include "cache/binary_codec.hpp"

namespace testtier::cache {
namespace {

void write_strings(Writer& w, const std::vector<std::string>& strings) {
  w.list(strings, [&](const std::string& s) { w.text(s); });
}

void write_optional_strings(Writer& w, const std::optional<std::vector<std::string>>& strings) {
  w.number(strings.has_value());
  if (strings) write_strings(w, *strings);
}

void write_diagnostics(Writer& w, const std::vector<Diagnostic>& diagnostics) {
  w.list(diagnostics, [&](const Diagnostic& d) {
    w.text(d.path);
    w.location(d.location);
    w.number(static_cast<std::uint64_t>(d.severity));
    w.text(d.code);
    w.text(d.message);
  });
}

void write_rules(Writer& w, const Rules& rules) {
  w.text(rules.origin);
  const ProjectRules& project = rules.project;
  write_strings(w, project.import_roots);
  write_optional_strings(w, project.test_files);
  write_strings(w, project.exclude);
  write_optional_strings(w, project.test_classes);
  write_optional_strings(w, project.test_functions);
  w.number(rules.services.size());
  for (const auto& [name, service] : rules.services) {
    w.text(name);
    w.list(service.ports, [&](int port) { w.number(static_cast<std::uint64_t>(port)); });
    write_strings(w, service.brings);
    w.text(std::to_string(service.startup_seconds));
  }
  w.list(rules.signals, [&](const Signal& signal) {
    w.number(static_cast<std::uint64_t>(signal.kind));
    write_strings(w, signal.patterns);
    write_strings(w, signal.needs);
    w.number(signal.declared);
    w.location(signal.location);
  });
  w.list(rules.suspicious, [&](const SuspiciousRule& rule) {
    write_strings(w, rule.imports);
    w.text(rule.service);
    w.location(rule.location);
  });
  w.list(rules.tiers, [&](const Tier& tier) {
    w.text(tier.name);
    write_strings(w, tier.provides);
    w.number(tier.provides_everything);
  });
  write_strings(w, rules.select.run_all);
}

}  // namespace

std::string result_key(const std::filesystem::path& root, const Rules& rules, const ClassifyOptions& options,
                       const PytestConfig& pytest, const Discovery& found) {
  std::string key;
  Writer w(key);
  w.text(root.generic_string());
  write_rules(w, rules);
  write_strings(w, options.only_files);
  w.number(options.parse.max_file_bytes);
  w.number(options.parse.timeout_micros);
  w.text(pytest.origin);
  write_strings(w, pytest.testpaths);
  write_strings(w, pytest.python_files);
  write_strings(w, pytest.python_classes);
  write_strings(w, pytest.python_functions);
  write_diagnostics(w, pytest.diagnostics);
  write_strings(w, found.python_files);
  write_strings(w, found.test_files);
  write_diagnostics(w, found.diagnostics);
  return key;
}

}  // namespace testtier::cache
