// `testtier report --html FILE [ROOT]`: one self-contained HTML page about the repository's tiers.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "output.hpp"
#include "repository.hpp"
#include "shards.hpp"
#include "testtier/classify.hpp"
#include "testtier/html_report.hpp"
#include "testtier/plan.hpp"

namespace testtier::cli {
namespace {

struct ReportCli {
  std::string html;  ///< the page to write
  std::string root;  ///< empty: found upward from the working directory
  std::string rules;
  std::vector<std::string> shards = {"1"};
  std::string durations;
  unsigned jobs = 0;
  bool no_cache = false;
  bool quiet = false;
};

int run_report(const ReportCli& cli) {
  const auto repository = open_repository(cli.root, cli.rules);
  if (!repository) return kUsage;
  std::size_t fallback = 1;
  std::map<std::string, std::size_t> per_tier;
  if (!parse_shards(cli.shards, repository->rules, fallback, per_tier)) return kUsage;
  std::map<std::string, double> durations;
  if (!cli.durations.empty()) {
    try {
      durations = read_durations(repository->from_start(cli.durations));
    } catch (const std::exception& problem) {
      print_error("testtier: error: {}\n", problem.what());
      return kUsage;
    }
  }
  ClassifyOptions options;
  options.threads = cli.jobs;
  options.use_cache = !cli.no_cache;
  const Classification classification = classify(repository->root, repository->rules, options);
  if (!cli.quiet) print_diagnostics(classification.diagnostics);
  if (classification.stats.test_files == 0) print_no_tests(*repository);
  const Plan plan = plan_shards(classification, repository->rules, fallback, per_tier, durations);
  const std::string page = classification_to_html(classification, repository->rules, plan);
  return write_output(repository->from_start(cli.html), page) ? kOk : kUsage;
}

}  // namespace

Command add_report_command(CLI::App& parent) {
  auto cli = std::make_shared<ReportCli>();
  CLI::App* app = parent.add_subcommand(
      "report", "Write one self-contained HTML page: tier shares, start-up saved, suspicious imports, explain chains");
  app->add_option("--html", cli->html, "Write the page to FILE (atomically; - for stdout)")->required()->type_name("FILE");
  app->add_option("root", cli->root, "Repository root (default: found upward from the working directory, as for classify)");
  app->add_option("--rules", cli->rules, "Rules file (default: as for classify)");
  app->add_option("--shards", cli->shards,
                  "Shards per tier for the start-up saved, as for plan: N, or TIER=N (repeatable, comma-separated)")
      ->delimiter(',');
  app->add_option("--durations", cli->durations, "pytest-split .test_durations or a JUnit XML report, as for plan");
  app->add_option("-j,--jobs", cli->jobs, "Threads to parse on (default: one per core)");
  app->add_flag("--no-cache", cli->no_cache, "Neither read nor write the facts cache");
  app->add_flag("-q,--quiet", cli->quiet, "Do not print input problems on stderr");
  return {app, [cli] { return run_report(*cli); }};
}

}  // namespace testtier::cli
