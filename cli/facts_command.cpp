// `testtier facts PATH...`: the parse stage's FileFacts as JSON, for debugging rules and the parser.
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "output.hpp"
#include "testtier/discover.hpp"
#include "testtier/facts_json.hpp"
#include "testtier/parse.hpp"

namespace testtier::cli {
namespace {

namespace fs = std::filesystem;

struct FactsOptions {
  std::vector<std::string> paths;
  std::string root = ".";
  std::vector<std::string> import_roots = {"src", "."};
  std::string output;
  unsigned jobs = 0;
};

/// Return `path` relative to `root` with '/', or as given when it lies outside.
std::string display_path(const fs::path& path, const fs::path& root) {
  std::error_code error;
  const fs::path relative = fs::relative(path, root, error);
  if (error || relative.empty() || *relative.begin() == "..") return path.generic_string();
  return relative.generic_string();
}

/// Expand `options.paths` (files, or directories to walk) into parse requests.
/// Return false when a path does not exist.
bool collect_requests(const FactsOptions& options, std::vector<ParseRequest>& requests) {
  bool ok = true;
  const fs::path root(options.root);
  const auto add = [&](const fs::path& file) {
    const std::string shown = display_path(file, root);
    requests.push_back({file, shown, module_name_for(shown, options.import_roots)});
  };
  for (const std::string& given : options.paths) {
    std::error_code error;
    const fs::file_status status = fs::status(given, error);
    if (fs::is_directory(status)) {
      const Discovery found = discover(given, DiscoverOptions{});
      for (const std::string& file : found.python_files) add(fs::path(given) / file);
    } else if (fs::exists(status)) {
      add(given);
    } else {
      print_error("testtier: error: {}: no such file or directory\n", printable(given));
      ok = false;
    }
  }
  return ok;
}

int run_facts(const FactsOptions& options) {
  std::vector<ParseRequest> requests;
  const bool all_found = collect_requests(options, requests);
  const std::vector<FileFacts> facts = parse_files(requests, ParseOptions{}, options.jobs);
  if (!write_output(options.output, facts_to_json(facts))) return kUsage;
  return all_found ? kOk : kUsage;
}

}  // namespace

Command add_facts_command(CLI::App& parent) {
  auto options = std::make_shared<FactsOptions>();
  CLI::App* app = parent.add_subcommand("facts", "Print the facts the parse stage extracts, as JSON");
  app->add_option("paths", options->paths, "Python files or directories to parse")->required();
  app->add_option("--root", options->root, "Directory paths and module names are relative to")
      ->capture_default_str();
  app->add_option("--import-root", options->import_roots,
                  "Where dotted module names start (repeatable)")
      ->capture_default_str();
  app->add_option("-o,--output", options->output, "Write to FILE (atomically) instead of stdout");
  app->add_option("-j,--jobs", options->jobs, "Threads to parse on (0: one per core)")
      ->capture_default_str();
  app->footer("Exit status: 0 every path parsed (syntax errors are facts, not failures); 2 usage error, a path "
              "that does not exist, or output that cannot be written.");
  return {app, [options] { return run_facts(*options); }};
}

}  // namespace testtier::cli
