// `testtier affected`: the tests to run for a change, in the formats CI scripts expect.
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cache_option.hpp"
#include "commands.hpp"
#include "git_changes.hpp"
#include "output.hpp"
#include "repository.hpp"
#include "testtier/affected.hpp"
#include "testtier/text.hpp"

namespace testtier::cli {
namespace {

enum class AffectedFormat { list, json, codecov_json, codecov };

struct AffectedCli {
  std::string root;  ///< empty: found upward from the working directory
  std::string rules;
  std::vector<std::string> changed;
  std::string changed_from;
  std::string since;
  AffectedFormat format = AffectedFormat::list;
  bool node_ids = false;
  std::string output;
  CacheCli cache;
  bool quiet = false;
};

// Codecov ATS ran pytest with coverage contexts per test; its dry run printed these options.
const std::vector<std::string> kRunnerOptions = {"--cov-context=test"};

std::string shell_quoted(const std::string& text) {
  std::string quoted = "'";
  for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string render_list(const Affected& result, bool node_ids) {
  std::string out;
  if (node_ids) {
    for (const std::string& id : result.tests_to_run) out += printable(id) + "\n";
  } else {
    for (const auto& [path, why] : result.test_files) out += printable(path) + "\n";
  }
  return out;
}

std::string render_json(const Affected& result) {
  nlohmann::ordered_json document{{"schema", "testtier-affected/v1"}, {"run_all", result.run_all},
                                  {"run_all_reasons", result.run_all_reasons}};
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  for (const auto& [path, why] : result.test_files) files.push_back({{"path", path}, {"why", why}});
  document["test_files"] = files;
  document["tests_to_run"] = result.tests_to_run;
  document["tests_to_skip_count"] = result.tests_to_skip.size();
  return dump_json(document, 2) + "\n";
}

std::string render_codecov_json(const Affected& result) {
  nlohmann::ordered_json document{{"runner_options", kRunnerOptions},
                                  {"ats_tests_to_run", result.tests_to_run},
                                  {"ats_tests_to_skip", result.tests_to_skip}};
  return dump_json(document, 2) + "\n";
}

std::string render_codecov(const Affected& result) {
  const auto line = [](const std::string& name, const std::vector<std::string>& tests) {
    std::string text = name + "=";
    for (const std::string& option : kRunnerOptions) text += shell_quoted(option);
    for (const std::string& test : tests) text += " " + shell_quoted(test);
    return text + "\n";
  };
  return line("TESTS_TO_RUN", result.tests_to_run) + line("TESTS_TO_SKIP", result.tests_to_skip);
}

std::optional<std::vector<ChangedPath>> gather_changes(const AffectedCli& cli, const Repository& repository) {
  std::vector<ChangedPath> changes;
  for (const std::string& path : cli.changed) changes.push_back({ChangedPath::Kind::modified, path, ""});
  if (!cli.changed_from.empty()) {
    std::ifstream in(repository.from_start(cli.changed_from));
    if (!in) {
      print_error("testtier: error: {}: cannot read\n", printable(cli.changed_from));
      return std::nullopt;
    }
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) changes.push_back({ChangedPath::Kind::modified, line, ""});
    }
  }
  if (!cli.since.empty()) {
    const auto since = changed_since(repository.root, cli.since);
    if (!since) return std::nullopt;
    changes.insert(changes.end(), since->begin(), since->end());
  }
  return changes;
}

int run_affected(const AffectedCli& cli) {
  const auto repository = open_repository(cli.root, cli.rules);
  if (!repository) return kUsage;
  if (cli.changed.empty() && cli.changed_from.empty() && cli.since.empty()) {
    print_error("testtier: error: say what changed: --changed PATH..., --changed-from FILE or --since REF\n");
    return kUsage;
  }
  const auto changes = gather_changes(cli, *repository);
  if (!changes) return kUsage;
  ClassifyOptions options;
  apply_cache_options(cli.cache, *repository, options);
  const Affected result = affected_tests(repository->root, repository->rules, *changes, options);
  if (!cli.quiet) print_diagnostics(result.diagnostics);
  for (const std::string& reason : result.run_all_reasons) print_error("testtier: running everything: {}\n", printable(reason));
  std::string text;
  switch (cli.format) {
    case AffectedFormat::list: text = render_list(result, cli.node_ids); break;
    case AffectedFormat::json: text = render_json(result); break;
    case AffectedFormat::codecov_json: text = render_codecov_json(result); break;
    case AffectedFormat::codecov: text = render_codecov(result); break;
  }
  return write_output(repository->from_start(cli.output), text) ? kOk : kUsage;
}

}  // namespace

Command add_affected_command(CLI::App& parent) {
  auto cli = std::make_shared<AffectedCli>();
  CLI::App* app = parent.add_subcommand("affected", "List the tests a change affects");
  app->add_option("--root", cli->root, "Repository root (default: found upward from the working directory, as for classify)");
  app->add_option("--rules", cli->rules, "Rules file (default: as for classify)");
  app->add_option("--changed", cli->changed, "Changed paths, relative to the root");
  app->add_option("--changed-from", cli->changed_from, "A file listing changed paths, one per line");
  app->add_option("--since", cli->since, "A git ref: the changes between it and the working tree");
  add_format_option<AffectedFormat>(app, cli->format, {{"list", AffectedFormat::list},
                                                         {"json", AffectedFormat::json},
                                                         {"codecov-json", AffectedFormat::codecov_json},
                                                         {"codecov", AffectedFormat::codecov}}, "list, json, codecov-json or codecov");
  app->add_flag("--node-ids", cli->node_ids, "List test node ids instead of test files (format list)");
  app->add_option("-o,--output", cli->output, "Write to FILE (atomically) instead of stdout");
  add_cache_options(app, cli->cache);
  app->add_flag("-q,--quiet", cli->quiet, "Do not print input problems on stderr");
  app->footer("Exit status: 0 listed (none affected is 0 too); 2 usage error (no change given), bad rules, a "
              "--changed-from file or git that cannot be read, or output that cannot be written.");
  return {app, [cli] { return run_affected(*cli); }};
}

}  // namespace testtier::cli
