// `testtier classify [ROOT]`: per-file and per-test services and tiers, with their reasons.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <thread>

#include <fmt/format.h>

#include "cache_option.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "repository.hpp"
#include "terminal.hpp"
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
  CacheCli cache;
  ColorChoice color = ColorChoice::automatic;
  bool timings = false;
  bool test_reasons = false;
  const CLI::Option* format_option = nullptr;  ///< to tell `--format json` from the default
  const CLI::Option* output_option = nullptr;
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

/// Return the format to write: the one asked for; else text when standard output is a terminal
/// and neither -o nor --test-reasons (a JSON option) was given: a person is reading; else json (a
/// file or a pipe: a program is).
const ClassificationFormat* chosen_format(const ClassifyOptionsCli& options) {
  if (options.format_option->count() > 0 || options.output_option->count() > 0 || options.test_reasons ||
      !stdout_is_terminal()) {
    return options.format;
  }
  return find_format(classification_formats(), "text");
}

std::string render(const Classification& result, const ClassifyOptionsCli& options) {
  const ClassificationFormat* format = chosen_format(options);
  if (format->name == "text") {
    const bool to_stdout = options.output.empty() || options.output == "-";
    return classification_to_text(result, {.color = use_color(options.color, to_stdout)});
  }
  return format->write(result, {.test_reasons = options.test_reasons});
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
  apply_cache_options(options.cache, *repository, classify_options);
  const Classification result = classify(root, *rules, classify_options);
  const double classified = seconds_since(started);
  if (!options.quiet) print_diagnostics(result.diagnostics);
  if (result.stats.test_files == 0) print_no_tests(*repository);
  else if (!options.quiet) print_default_rules_note(*repository);
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
  CLI::Option* format = add_format_option(app, options->format, classification_formats());
  format->description(format->get_description() +
                      "; default: text when standard output is a terminal and neither -o nor --test-reasons is given, else "
                      "json");
  options->format_option = format;
  app->add_flag("--test-reasons", options->test_reasons,
                "JSON: give every test its reasons too, not only every file (a larger document)");
  options->output_option =
      app->add_option("-o,--output", options->output, "Write to FILE (atomically) instead of stdout");
  app->add_option("-j,--jobs", options->jobs, "Threads to parse on (default: one per core)");
  app->add_flag("-q,--quiet", options->quiet, "Do not print input problems on stderr");
  add_cache_options(app, options->cache);
  add_color_option(app, options->color);
  app->add_flag("--timings", options->timings, "Print where the time went, and how many files were parsed, on stderr");
  app->footer("Exit status: 0 classified (input problems are warnings on stderr); 2 usage error, bad rules, or "
              "output that cannot be written.");
  return {app, [options] { return run_classify(*options); }};
}

}  // namespace testtier::cli
