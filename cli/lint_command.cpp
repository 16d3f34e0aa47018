// `testtier lint [PATH...]`: undeclared services, suspicious imports and input problems.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cache_option.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "repository.hpp"
#include "terminal.hpp"
#include "testtier/lint.hpp"
#include "testtier/lint_report.hpp"
#include "testtier/report.hpp"

namespace testtier::cli {
namespace {

struct LintCli {
  std::vector<std::string> paths;
  std::string root;  ///< empty: found upward from the first path, else the working directory
  std::string rules;
  const LintFormat* format = &lint_formats().front();
  std::string output;
  std::vector<std::string> select;
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
  bool exit_zero = false;
  bool statistics = false;
  ColorChoice color = ColorChoice::automatic;
  CacheCli cache;
  std::string explain;
  unsigned jobs = 0;
};

int explain_code(const std::string& code) {
  const LintCode* known = find_lint_code(code);
  if (known == nullptr) {
    print_error("testtier: error: unknown lint code `{}`; codes:", code);
    for (const LintCode& each : lint_codes()) print_error(" {}", each.code);
    print_error("\n");
    return kUsage;
  }
  write_output("", explain_lint_code(*known));
  return kOk;
}

/// Split comma-separated selectors ("TT001,TT9") as ruff does, upper-cased.
std::vector<std::string> split_codes(const std::vector<std::string>& given) {
  std::vector<std::string> codes;
  for (const std::string& item : given) {
    std::string code;
    for (const char c : item + ",") {
      if (c == ',') {
        if (!code.empty()) codes.push_back(std::exchange(code, {}));
      } else if (c != ' ') {
        code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      }
    }
  }
  return codes;
}

/// Return `paths` (root-relative) with each `conftest.py` replaced by its directory: what a
/// changed conftest can change is the tests it applies to (pre-commit passes conftests too).
/// The root itself among them is the whole repository: no list, so that what concerns the whole
/// (TT906 on the rules file) is reported too.
std::vector<std::string> scopes_of(std::vector<std::string> paths) {
  if (std::find(paths.begin(), paths.end(), std::string()) != paths.end()) return {};
  for (std::string& path : paths) {
    const std::filesystem::path file(path);
    if (file.filename() == "conftest.py") path = file.parent_path().generic_string();
  }
  return paths;
}

/// Return `result` as `cli` asks: the counts per code (`--statistics`), or the findings in the
/// format chosen; text coloured when use_color() says so.
std::string render(const LintResult& result, const LintCli& cli) {
  const bool to_stdout = cli.output.empty() || cli.output == "-";
  const TextStyle style{.color = use_color(cli.color, to_stdout)};
  if (cli.statistics) return lint_statistics_to_text(result, style);
  if (cli.format->name == "text") return lint_to_text(result, style);
  return cli.format->write(result);
}

int run_lint(const LintCli& cli) {
  if (!cli.explain.empty()) return explain_code(cli.explain);
  const auto repository = open_repository(cli.root, cli.rules, cli.paths.empty() ? std::string() : cli.paths.front());
  if (!repository) return kUsage;
  const auto paths = paths_under_root(cli.paths, *repository);
  if (!paths) return kUsage;
  LintOptions options;
  options.select = split_codes(cli.select);
  options.extend_select = split_codes(cli.extend_select);
  options.ignore = split_codes(cli.ignore);
  options.classify.only_files = scopes_of(*paths);
  options.classify.threads = cli.jobs;
  apply_cache_options(cli.cache, *repository, options.classify);
  LintResult result;
  try {
    result = lint(repository->root, repository->rules, options);
  } catch (const UnknownLintCode& problem) {
    print_error("testtier: error: {}\n", problem.what());
    return kUsage;
  }
  if (!write_output(repository->from_start(cli.output), render(result, cli))) return kUsage;
  if (result.files_checked == 0) {
    print_no_tests(*repository, "error", !cli.paths.empty());
    return kUsage;
  }
  const bool failing = std::any_of(result.findings.begin(), result.findings.end(),
                                  [](const Finding& finding) { return finding.severity != Severity::note; });
  return !failing || cli.exit_zero ? kOk : kFindings;
}

}  // namespace

Command add_lint_command(CLI::App& parent) {
  auto cli = std::make_shared<LintCli>();
  CLI::App* app = parent.add_subcommand("lint", "Find tests that use a service they do not declare");
  app->add_option("paths", cli->paths,
                  "Test files or directories to lint (default: the whole root); a conftest.py stands for the tests "
                  "below it");
  app->add_option("--root", cli->root,
                  "Repository root (default: found upward from the first PATH, else from the working directory)");
  app->add_option("--rules", cli->rules, "Rules file (default: as for classify)");
  CLI::Option* format = add_format_option(app, cli->format, lint_formats());
  app->add_option("-o,--output", cli->output, "Write to FILE (atomically) instead of stdout");
  app->add_option("--select", cli->select,
                  "Codes or prefixes to report (e.g. TT003, TT9, ALL), instead of the rules' [lint] select and ignore")
      ->delimiter(',');
  app->add_option("--extend-select", cli->extend_select, "Codes or prefixes to report as well")->delimiter(',');
  app->add_option("--ignore", cli->ignore, "Codes or prefixes not to report (on top of the rules' [lint] ignore)")
      ->delimiter(',');
  app->add_flag("--exit-zero", cli->exit_zero, "Exit 0 even when there are findings");
  app->add_flag("--statistics", cli->statistics,
                "Print the number of findings per code (COUNT  CODE  NAME, most frequent first) instead of the "
                "findings")
      ->excludes(format);
  add_cache_options(app, cli->cache);
  app->add_option("--explain", cli->explain, "Print the documentation of CODE and exit");
  app->add_option("-j,--jobs", cli->jobs, "Threads to parse on (default: one per core)");
  add_color_option(app, cli->color);
  app->footer("Exit status: 0 no findings, or notes only (or --exit-zero), or --explain CODE printed; 1 findings "
              "(warnings or errors); 2 usage error, bad rules, an unknown code, no test file to check, or output "
              "that cannot be written.");
  return {app, [cli] { return run_lint(*cli); }};
}

}  // namespace testtier::cli
