// `testtier report --html FILE [ROOT]`: one self-contained HTML page about the repository's tiers.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cache_option.hpp"
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
  CacheCli cache;
  bool quiet = false;
};

int run_report(const ReportCli& cli) {
  const auto repository = open_repository(cli.root, cli.rules);
  if (!repository) return kUsage;
  const std::optional<ShardRequest> request = read_shard_request(cli.shards, cli.durations, *repository);
  if (!request) return kUsage;
  ClassifyOptions options;
  options.threads = cli.jobs;
  apply_cache_options(cli.cache, *repository, options);
  const Classification classification = classify(repository->root, repository->rules, options);
  if (!cli.quiet) print_diagnostics(classification.diagnostics);
  if (classification.stats.test_files == 0) print_no_tests(*repository);
  else if (!cli.quiet) print_default_rules_note(*repository);
  const Plan plan = plan_shards(classification, repository->rules, request->fallback, request->per_tier,
                                request->durations);
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
  add_cache_options(app, cli->cache);
  app->add_flag("-q,--quiet", cli->quiet, "Do not print input problems on stderr");
  app->footer("Exit status: 0 written (input problems are warnings on stderr); 2 usage error (no --html, a bad "
              "--shards), bad rules, durations that cannot be read, or a page that cannot be written.");
  return {app, [cli] { return run_report(*cli); }};
}

}  // namespace testtier::cli
