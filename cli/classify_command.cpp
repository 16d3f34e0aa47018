// `testtier classify [ROOT]`: per-file and per-test services and tiers, with their reasons.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <thread>

#include <fmt/format.h>

#include "commands.hpp"
#include "output.hpp"
#include "repository.hpp"
#include "testtier/classify.hpp"
#include "testtier/report.hpp"
#include "testtier/rules.hpp"

namespace testtier::cli {
namespace {

namespace fs = std::filesystem;

struct ClassifyOptionsCli {
  std::string root;  ///< empty: found upward from the working directory
  std::string rules;
  const ClassificationFormat* format = &classification_formats().front();
  std::string output;
  unsigned jobs = 0;
  bool quiet = false;
  bool no_cache = false;
  bool timings = false;
  bool test_reasons = false;
};

/// Print where the time went and how much was parsed, on stderr.
void print_timings(const ClassifyStats& stats, double output_seconds, double total_seconds) {
  const ClassifyTimings& t = stats.timings;
  if (stats.reused) {
    print_error(
               "testtier: timings (seconds)\n"
               "  discover           {:8.3f}\n"
               "  result cache       {:8.3f}  load, and check the files it depends on\n"
               "    read+hash cpu    {:8.3f}\n"
               "  output             {:8.3f}\n"
               "  total              {:8.3f}\n"
               "testtier: {} Python files, {} test files; nothing changed since the last run: its classification "
               "reused after reading and hashing the {} files it parsed ({:.2f} MB)\n",
               t.discover, t.cache, t.read_cpu, output_seconds, total_seconds, stats.python_files, stats.test_files,
               stats.parsed_files, static_cast<double>(stats.parsed_bytes) / 1e6);
    return;
  }
  print_error(
             "testtier: timings (seconds)\n"
             "  discover           {:8.3f}\n"
             "  facts cache        {:8.3f}  load and save\n"
             "  parse (wall)       {:8.3f}  {} wave(s); {} file(s) parsed on demand while resolving\n"
             "    read+hash cpu    {:8.3f}\n"
             "    tree-sitter cpu  {:8.3f}\n"
             "    extraction cpu   {:8.3f}\n"
             "  analysis (wall)    {:8.3f}\n"
             "    resolve          {:8.3f}  what the tests reach, after each wave\n"
             "    graph            {:8.3f}  class graph and fixture scopes\n"
             "    classify         {:8.3f}  each test's evidence and tier\n"
             "  output             {:8.3f}\n"
             "  total              {:8.3f}\n"
             "testtier: {} Python files, {} test files; {} parsed ({} from the cache, {:.2f} MB); {} never "
             "reached, not parsed\n",
             t.discover, t.cache, t.parse, t.waves, t.parsed_on_demand, t.read_cpu, t.tree_sitter_cpu, t.extract_cpu, t.analysis,
             t.resolve, t.graph, t.classify,
             output_seconds, total_seconds, stats.python_files, stats.test_files, stats.parsed_files,
             stats.cached_files, static_cast<double>(stats.parsed_bytes) / 1e6, stats.skipped_files);
}

std::string render(const Classification& result, const ClassifyOptionsCli& options) {
  return options.format->write(result, {.test_reasons = options.test_reasons});
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int run_classify(const ClassifyOptionsCli& options) {
  const auto started = std::chrono::steady_clock::now();
  const std::optional<Repository> repository = open_repository(options.root, options.rules);
  if (!repository) return kUsage;
  const fs::path& root = repository->root;
  const Rules* rules = &repository->rules;
  ClassifyOptions classify_options;
  classify_options.threads = options.jobs;
  classify_options.use_cache = !options.no_cache;
  const Classification result = classify(root, *rules, classify_options);
  const double classified = seconds_since(started);
  if (!options.quiet) print_diagnostics(result.diagnostics);
  if (result.stats.test_files == 0) print_no_tests(*repository);
  if (!write_output(repository->from_start(options.output), render(result, options))) return kUsage;
  if (options.timings) print_timings(result.stats, seconds_since(started) - classified, seconds_since(started));
  return kOk;
}

}  // namespace

Command add_classify_command(CLI::App& parent) {
  auto options = std::make_shared<ClassifyOptionsCli>();
  CLI::App* app = parent.add_subcommand(
      "classify", "Say which services each test file and test needs, and which CI tier that puts it in");
  app->add_option("root", options->root,
                  "Repository root (default: the nearest directory at or above the working directory with "
                  "testtier.toml or [tool.testtier] in pyproject.toml, else with a pytest configuration file)");
  app->add_option("--rules", options->rules,
                  "Rules file (default: ROOT/testtier.toml, else [tool.testtier] in ROOT/pyproject.toml, "
                  "else the built-in rules); does not move the root");
  add_format_option(app, options->format, classification_formats());
  app->add_flag("--test-reasons", options->test_reasons,
                "JSON: give every test its reasons too, not only every file (a larger document)");
  app->add_option("-o,--output", options->output, "Write to FILE (atomically) instead of stdout");
  app->add_option("-j,--jobs", options->jobs, "Threads to parse on (default: one per core)");
  app->add_flag("-q,--quiet", options->quiet, "Do not print input problems on stderr");
  app->add_flag("--no-cache", options->no_cache, "Neither read nor write the facts cache (ROOT/.testtier_cache)");
  app->add_flag("--timings", options->timings, "Print where the time went, and how many files were parsed, on stderr");
  return {app, [options] { return run_classify(*options); }};
}

}  // namespace testtier::cli
