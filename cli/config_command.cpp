// `testtier config [PATH]`: the root a run from here uses, its effective rules, and where each
// part came from (ruff's --show-settings).
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cache_option.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "repository.hpp"
#include "testtier/lint.hpp"
#include "testtier/pytest_config.hpp"
#include "testtier/rules.hpp"

namespace testtier::cli {
namespace {

namespace fs = std::filesystem;

struct ConfigCli {
  std::string path;
  std::string root;
  std::string rules;
  std::string output;
  CacheCli cache;
};

/// Return `values` as a TOML array of strings.
std::string array(const std::vector<std::string>& values) {
  std::vector<std::string> quoted;
  for (const std::string& value : values) quoted.push_back(fmt::format("\"{}\"", value));
  return fmt::format("[{}]", fmt::join(quoted, ", "));
}

/// Return one `key = value` line with `origin` as a comment, aligned.
std::string line(const std::string& assignment, const std::string& origin) {
  return fmt::format("{:<52} # {}\n", assignment, origin);
}

/// Return where `location` is in the rules file.
std::string at(const Rules& rules, SourceLocation location) {
  if (location.line == 0) return rules.origin;
  return fmt::format("{}:{}", rules.origin, location.line);
}

/// Return the [project] section: each value from the rules, the pytest configuration or a default.
std::string project_section(const Rules& rules, const PytestConfig& pytest) {
  const ProjectRules& project = rules.project;
  const std::string from_rules = rules.origin + " [project]";
  const std::string from_pytest = pytest.origin.empty() ? "pytest's default" : pytest.origin;
  std::string out = "[project]\n";
  const bool default_roots = project.import_roots == ProjectRules{}.import_roots;
  out += line("import_roots = " + array(project.import_roots), default_roots ? "the default" : from_rules);
  if (project.test_files) {
    out += line("test_files = " + array(*project.test_files), from_rules + " (pytest's testpaths not used)");
  } else {
    out += line("test_files = " + array(pytest.python_files), from_pytest + " python_files");
    out += line("testpaths = " + array(pytest.testpaths), pytest.testpaths.empty() ? from_pytest + " (the whole root)"
                                                                                    : from_pytest + " testpaths");
  }
  out += line("exclude = " + array(project.exclude), project.exclude.empty() ? "none" : from_rules);
  out += line("test_classes = " + array(project.test_classes.value_or(pytest.python_classes)),
              project.test_classes ? from_rules : from_pytest + " python_classes");
  out += line("test_functions = " + array(project.test_functions.value_or(pytest.python_functions)),
              project.test_functions ? from_rules : from_pytest + " python_functions");
  return out;
}

/// Return the rest of the rules: services, signals, suspicious imports, tiers and [select].
std::string rules_sections(const Rules& rules) {
  std::string out;
  for (const auto& [name, service] : rules.services) {
    out += fmt::format("\n[services.{}]\n", name);
    std::vector<std::string> ports;
    for (int port : service.ports) ports.push_back(std::to_string(port));
    out += fmt::format("ports = [{}]\n", fmt::join(ports, ", "));
    if (!service.brings.empty()) out += "brings = " + array(service.brings) + "\n";
    if (service.startup_seconds > 0) out += fmt::format("startup_seconds = {}\n", service.startup_seconds);
  }
  for (const Signal& signal : rules.signals) {
    out += "\n" + line("[[signal]]", at(rules, signal.location));
    out += fmt::format("{} = {}\nneeds = {}\ndeclared = {}\n", to_string(signal.kind), array(signal.patterns),
                       array(signal.needs), signal.declared ? "true" : "false");
  }
  for (const SuspiciousRule& rule : rules.suspicious) {
    out += "\n" + line("[[suspicious]]", at(rules, rule.location));
    out += fmt::format("imports = {}\nservice = \"{}\"\n", array(rule.imports), rule.service);
  }
  for (const Tier& tier : rules.tiers) {
    out += fmt::format("\n[[tier]]\nname = \"{}\"\nprovides = {}\n", tier.name, array(tier.provides));
  }
  if (!rules.select.run_all.empty()) out += "\n[select]\nrun_all = " + array(rules.select.run_all) + "\n";
  return out;
}

/// Return `selectors` as a TOML array of strings.
std::string array(const std::vector<LintSelector>& selectors) {
  std::vector<std::string> codes;
  for (const LintSelector& selector : selectors) codes.push_back(selector.code);
  return array(codes);
}

/// Return the [lint] section: the rules' selection, each with its line, and the codes it leaves
/// on (what `testtier lint` reports before per-file-ignores and the command line's flags).
std::string lint_section(const Rules& rules) {
  const LintRules& lint = rules.lint;
  const auto origin = [&](const std::vector<LintSelector>& selectors) {
    return selectors.empty() ? std::string("none") : at(rules, selectors.front().location);
  };
  std::string out = "\n[lint]\n";
  out += lint.select ? line("select = " + array(*lint.select), origin(*lint.select))
                     : line("# select: not given", "the codes on by default");
  out += line("extend-select = " + array(lint.extend_select), origin(lint.extend_select));
  out += line("ignore = " + array(lint.ignore), origin(lint.ignore));
  out += fmt::format("# codes reported: {}\n", fmt::join(enabled_lint_codes(rules, {}), ", "));
  out += "\n[lint.per-file-ignores]\n";
  for (const PerFileIgnore& entry : lint.per_file_ignores) {
    out += line(fmt::format("\"{}\" = {}", entry.glob, array(entry.codes)), at(rules, entry.location));
  }
  return out;
}

int run_config(const ConfigCli& cli) {
  const auto repository = open_repository(cli.root, cli.rules, cli.path);
  if (!repository) return kUsage;
  const PytestConfig pytest = read_pytest_config(repository->root);
  std::error_code error;
  const fs::path root = fs::weakly_canonical(fs::absolute(repository->root, error), error);
  std::string out = fmt::format("# root: {}\n#   found by: {}\n# rules: {}\n# test discovery: {}\n", root.string(),
                                repository->found_by, repository->rules.origin,
                                repository->rules.project.test_files
                                    ? repository->rules.origin + " [project] test_files"
                                    : (pytest.origin.empty() ? std::string("pytest's defaults") : pytest.origin));
  const CacheDirectory cache = cache_directory(cli.cache, *repository);
  std::error_code ignored;
  out += fmt::format("# cache: {} (from {})\n\n", fs::weakly_canonical(fs::absolute(cache.path, ignored), ignored).string(),
                     cache.chosen);
  out += fmt::format("version = {}\n\n", kRulesVersion);
  out += project_section(repository->rules, pytest);
  out += rules_sections(repository->rules);
  out += lint_section(repository->rules);
  print_diagnostics(pytest.diagnostics);
  return write_output(repository->from_start(cli.output), out) ? kOk : kUsage;
}

}  // namespace

Command add_config_command(CLI::App& parent) {
  auto cli = std::make_shared<ConfigCli>();
  CLI::App* app = parent.add_subcommand(
      "config", "Show the root, the effective rules and where each part came from (as a run from here sees them)");
  app->add_option("path", cli->path, "Find the root from this file or directory (default: the working directory)");
  app->add_option("--root", cli->root, "Repository root (default: found upward from PATH)");
  app->add_option("--rules", cli->rules, "Rules file (default: as for classify)");
  app->add_option("-o,--output", cli->output, "Write to FILE (atomically) instead of stdout");
  add_cache_dir_option(app, cli->cache);
  app->footer("Exit status: 0 shown (a broken pytest configuration is a warning on stderr); 2 usage error, bad "
              "rules, or output that cannot be written.");
  return {app, [cli] { return run_config(*cli); }};
}

}  // namespace testtier::cli
