// `testtier classify [ROOT]`: per-file and per-test services and tiers, with their reasons.
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

enum class ClassifyFormat { json, text, sentry, csv };

struct ClassifyOptionsCli {
  std::string root = ".";
  std::string rules;
  ClassifyFormat format = ClassifyFormat::json;
  std::string output;
  unsigned jobs = 0;
  bool quiet = false;
};

std::string render(const Classification& result, ClassifyFormat format) {
  switch (format) {
    case ClassifyFormat::json: return classification_to_json(result);
    case ClassifyFormat::text: return classification_to_text(result);
    case ClassifyFormat::sentry: return classification_to_sentry(result);
    case ClassifyFormat::csv: return classification_to_csv(result);
  }
  return {};
}

void print_diagnostics(const Classification& result) {
  for (const Diagnostic& d : result.diagnostics) {
    fmt::print(stderr, "{}:{}:{}: {}: {} [{}]\n", d.path, d.location.line, d.location.column,
               to_string(d.severity), d.message, d.code);
  }
}

int run_classify(const ClassifyOptionsCli& options) {
  const fs::path root(options.root);
  const std::optional<Rules> rules = open_repository(root, options.rules);
  if (!rules) return kUsage;
  ClassifyOptions classify_options;
  classify_options.threads = options.jobs;
  const Classification result = classify(root, *rules, classify_options);
  if (!options.quiet) print_diagnostics(result);
  if (!write_output(options.output, render(result, options.format))) return kUsage;
  return kOk;
}

}  // namespace

Command add_classify_command(CLI::App& parent) {
  auto options = std::make_shared<ClassifyOptionsCli>();
  CLI::App* app = parent.add_subcommand(
      "classify", "Say which services each test file and test needs, and which CI tier that puts it in");
  app->add_option("root", options->root, "Repository root")->capture_default_str();
  app->add_option("--rules", options->rules,
                  "Rules file (default: ROOT/testtier.toml, else [tool.testtier] in ROOT/pyproject.toml, "
                  "else the built-in rules)");
  const std::map<std::string, ClassifyFormat> formats = {{"json", ClassifyFormat::json},
                                                         {"text", ClassifyFormat::text},
                                                         {"sentry", ClassifyFormat::sentry},
                                                         {"csv", ClassifyFormat::csv}};
  app->add_option("--format", options->format, "Output format: json, text, sentry or csv")
      ->transform(CLI::CheckedTransformer(formats, CLI::ignore_case))
      ->default_str("json");
  app->add_option("-o,--output", options->output, "Write to FILE (atomically) instead of stdout");
  app->add_option("-j,--jobs", options->jobs, "Threads to parse on (default: one per core)");
  app->add_flag("-q,--quiet", options->quiet, "Do not print input problems on stderr");
  return {app, [options] { return run_classify(*options); }};
}

}  // namespace testtier::cli
