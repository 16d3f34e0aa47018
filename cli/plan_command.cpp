// `testtier plan [ROOT]`: CI shards per tier, balanced by test durations.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cache_option.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "repository.hpp"
#include "shards.hpp"
#include "testtier/classify.hpp"
#include "testtier/plan.hpp"
#include "testtier/plan_report.hpp"

namespace testtier::cli {
namespace {

enum class PlanFormat { text, json, github_matrix, markdown };

struct PlanCli {
  std::string root;  ///< empty: found upward from the working directory
  std::string rules;
  std::vector<std::string> shards = {"1"};
  std::string durations;
  PlanFormat format = PlanFormat::text;
  std::string tests_dir;
  std::string output;
  CacheCli cache;
  bool quiet = false;
};

using Json = nlohmann::ordered_json;

std::string shard_file_name(const Shard& shard) { return fmt::format("{}-{}.txt", shard.tier, shard.index); }

Json shard_json(const Shard& shard, const std::string& tests_dir) {
  Json entry{{"tier", shard.tier}, {"services", shard.services}, {"shard", shard.index}, {"shards", shard.count},
             {"estimated_seconds", std::round(shard.estimated_seconds * 10) / 10}};
  if (tests_dir.empty()) entry["tests"] = shard.tests;
  else entry["tests_file"] = (std::filesystem::path(tests_dir) / shard_file_name(shard)).generic_string();
  return entry;
}

Json shards_json(const Plan& plan, const std::string& tests_dir) {
  Json include = Json::array();
  for (const Shard& shard : plan.shards) include.push_back(shard_json(shard, tests_dir));
  return include;
}

/// GitHub keeps at most 1 MB of a job's outputs and runs at most 256 jobs of one matrix.
constexpr std::size_t kGithubOutputBytes = 1'000'000;
constexpr std::size_t kGithubMatrixJobs = 256;
/// A matrix larger than this names per-shard files instead of holding node ids: a quarter of the
/// output limit, so the job's other outputs and the workflow's growth have room.
constexpr std::size_t kInlineMatrixBytes = kGithubOutputBytes / 4;
constexpr std::string_view kAutomaticTestsDir = "testtier-shards";

/// Return the one-line `{"include": [...]}` matrix of `plan`. Node ids are inline unless
/// `tests_dir` is set or they would make the matrix larger than kInlineMatrixBytes; then
/// `tests_dir` receives them and each entry names its file. When it was empty, it becomes
/// kAutomaticTestsDir beside `output` (the working directory when that is stdout).
std::string github_matrix(const Plan& plan, const std::string& output, std::string& tests_dir) {
  if (plan.shards.size() > kGithubMatrixJobs) {
    print_error("testtier: warning: {} shards; GitHub runs at most {} jobs of one matrix\n", plan.shards.size(),
                kGithubMatrixJobs);
  }
  std::string text = dump_json(Json{{"include", shards_json(plan, tests_dir)}}, -1) + "\n";
  if (!tests_dir.empty() || text.size() <= kInlineMatrixBytes) return text;
  tests_dir = (std::filesystem::path(output).parent_path() / kAutomaticTestsDir).generic_string();
  print_error("testtier: note: with node ids the matrix would be {} KB; they are in {}/TIER-N.txt instead, "
              "which each entry names as tests_file (keep the directory for the jobs: an artifact)\n",
              text.size() / 1000, printable(tests_dir));
  return dump_json(Json{{"include", shards_json(plan, tests_dir)}}, -1) + "\n";
}

std::string render_text(const Plan& plan) {
  std::string out = fmt::format("{:<16} {:>6} {:>7} {:>12}  {}\n", "tier", "shards", "tests", "longest s", "services");
  for (std::size_t i = 0; i < plan.shards.size();) {
    const Shard& first = plan.shards[i];
    std::size_t tests = 0;
    double longest = 0;
    for (std::size_t j = i; j < i + first.count; ++j) {
      tests += plan.shards[j].tests.size();
      longest = std::max(longest, plan.shards[j].estimated_seconds);
    }
    out += fmt::format("{:<16} {:>6} {:>7} {:>12.1f}  {}\n", first.tier, first.count, tests, longest,
                       first.services.empty() ? "-" : fmt::format("{}", fmt::join(first.services, ", ")));
    i += first.count;
  }
  const double saved = plan.startup_seconds_baseline - plan.startup_seconds_planned;
  out += fmt::format(
      "\nservice start-up, summed over shards: {:.0f} s planned, {:.0f} s if every shard started every service; "
      "saves {:.0f} s ({:.0f}%)\n",
      plan.startup_seconds_planned, plan.startup_seconds_baseline, saved,
      plan.startup_seconds_baseline > 0 ? 100 * saved / plan.startup_seconds_baseline : 0.0);
  if (!plan.used_durations) out += "shards balanced by test counts (no durations)\n";
  return out;
}

bool write_test_files(const Plan& plan, const std::string& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  for (const Shard& shard : plan.shards) {
    std::string text;
    for (const std::string& id : shard.tests) text += id + "\n";
    if (!write_output((std::filesystem::path(dir) / shard_file_name(shard)).string(), text)) return false;
  }
  return true;
}

int run_plan(const PlanCli& cli) {
  const auto repository = open_repository(cli.root, cli.rules);
  if (!repository) return kUsage;
  const Rules* rules = &repository->rules;
  const std::optional<ShardRequest> request = read_shard_request(cli.shards, cli.durations, *repository);
  if (!request) return kUsage;
  ClassifyOptions options;
  apply_cache_options(cli.cache, *repository, options);
  const Classification classification = classify(repository->root, *rules, options);
  if (!cli.quiet) {
    print_diagnostics(classification.diagnostics);
    if (classification.stats.test_files > 0) print_default_rules_note(*repository);
  }
  const Plan plan = plan_shards(classification, *rules, request->fallback, request->per_tier, request->durations);
  if (!plan.used_durations) print_error("testtier: warning: no durations given; shards balanced by test counts\n");
  if (plan.tests_without_duration > 0) {
    print_error("testtier: warning: {} tests have no duration in {}; counted at the median\n",
               plan.tests_without_duration, cli.durations);
  }
  std::string tests_dir = cli.tests_dir;
  std::string text;
  if (cli.format == PlanFormat::text) {
    text = render_text(plan);
  } else if (cli.format == PlanFormat::markdown) {
    text = plan_to_markdown(plan);
  } else if (cli.format == PlanFormat::github_matrix) {
    text = github_matrix(plan, cli.output, tests_dir);
  } else {
    text = dump_json(Json{{"schema", "testtier-plan/v1"},
                          {"balanced_by", plan.used_durations ? "durations" : "counts"},
                          {"startup_seconds_planned", plan.startup_seconds_planned},
                          {"startup_seconds_baseline", plan.startup_seconds_baseline},
                          {"shards", shards_json(plan, tests_dir)}},
                     2) + "\n";
  }
  if (!tests_dir.empty() && !write_test_files(plan, repository->from_start(tests_dir))) return kUsage;
  return write_output(repository->from_start(cli.output), text) ? kOk : kUsage;
}

}  // namespace

Command add_plan_command(CLI::App& parent) {
  auto cli = std::make_shared<PlanCli>();
  CLI::App* app = parent.add_subcommand("plan", "Split each tier's tests into CI shards and say what each starts");
  app->add_option("root", cli->root, "Repository root (default: found upward from the working directory, as for classify)");
  app->add_option("--rules", cli->rules, "Rules file (default: as for classify)");
  app->add_option("--shards", cli->shards, "Shards per tier: N, or TIER=N (repeatable, comma-separated)")
      ->delimiter(',');
  app->add_option("--durations", cli->durations, "pytest-split .test_durations or a JUnit XML report");
  add_format_option<PlanFormat>(app, cli->format, {
      {"text", PlanFormat::text}, {"json", PlanFormat::json}, {"github-matrix", PlanFormat::github_matrix},
      {"markdown", PlanFormat::markdown}}, "text, json, github-matrix or markdown");
  app->add_option("--tests-dir", cli->tests_dir, "Write each shard's node ids to DIR/TIER-N.txt and name the file (github-matrix does so by "
                  "itself past 250 KB, into testtier-shards/ beside -o)");
  app->add_option("-o,--output", cli->output, "Write to FILE (atomically) instead of stdout");
  add_cache_options(app, cli->cache);
  app->add_flag("-q,--quiet", cli->quiet, "Do not print input problems on stderr");
  app->footer("Exit status: 0 planned (input problems are warnings on stderr); 2 usage error (a bad --shards), bad "
              "rules, durations that cannot be read, or output that cannot be written.");
  return {app, [cli] { return run_plan(*cli); }};
}

}  // namespace testtier::cli
