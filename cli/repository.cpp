#include "repository.hpp"

#include <cstdio>
#include <system_error>

#include <fmt/format.h>

#include "output.hpp"

namespace testtier::cli {

namespace fs = std::filesystem;

namespace {

/// Return `file` relative to the working directory when it lies below it, else as it is.
fs::path shown_from_here(const fs::path& file) {
  std::error_code error;
  const fs::path relative = fs::relative(file, fs::current_path(error), error);
  if (error || relative.empty() || *relative.begin() == "..") return file;
  return relative;
}

/// Return the rules of `root`, or nullopt after printing why not.
std::optional<Rules> load_rules(const fs::path& root, const std::string& rules_file) {
  try {
    Rules rules = find_rules(root, rules_file.empty() ? std::nullopt : std::optional<fs::path>(rules_file));
    protect_inputs(root, rules.origin.starts_with('<') ? std::string() : rules.origin);
    return rules;
  } catch (const RulesError& problem) {
    print_error("{}\n", problem.what());
    return std::nullopt;
  }
}

/// Return how `found` was found, for `testtier config`.
std::string found_by(const ProjectRoot& found) {
  if (found.config.empty()) return "no configuration file here or above: the starting directory";
  return fmt::format("{} ({})", found.config.filename().string(),
                     found.has_rules ? "nearest testtier rules" : "nearest pytest configuration, no testtier rules");
}

}  // namespace

std::string Repository::from_start(const std::string& path) const {
  if (started_in.empty() || path.empty() || path == "-" || fs::path(path).is_absolute()) return path;
  return (started_in / path).lexically_normal().string();
}

std::optional<Repository> open_repository(const std::string& root, const std::string& rules_file,
                                          const std::string& search_from) {
  std::error_code error;
  Repository repository;
  if (!root.empty()) {
    if (!fs::is_directory(root, error)) {
      print_error("testtier: error: {}: not a directory\n", printable(root));
      return std::nullopt;
    }
    repository.root = root;
    repository.found_by = "given on the command line";
    auto rules = load_rules(root, rules_file);
    if (!rules) return std::nullopt;
    repository.rules = std::move(*rules);
    return repository;
  }
  const fs::path start = search_from.empty() ? fs::path(".") : fs::path(search_from);
  if (!search_from.empty() && !fs::exists(start, error)) {
    print_error("testtier: error: {}: no such file or directory\n", printable(search_from));
    return std::nullopt;
  }
  ProjectRoot found = find_project_root(start);
  // Nothing found from a path given: the root is found from the working directory instead (then
  // the path must lie under it), never the path's own directory or one above it by default.
  if (found.config.empty() && !search_from.empty()) found = find_project_root(".");
  repository.found_by = found_by(found);
  repository.root = ".";
  const fs::path here = fs::current_path(error);
  if (!error && !fs::equivalent(here, found.root, error)) {
    // Work from the root found, as if started there: the same output paths, rules origin and
    // cache whatever the directory a run starts in.
    fs::current_path(found.root, error);
    if (error) {
      print_error("testtier: error: {}: cannot enter the root: {}\n", printable(found.root.string()), error.message());
      return std::nullopt;
    }
    repository.started_in = here;
  }
  std::string rules_path = repository.from_start(rules_file);
  if (!rules_path.empty()) rules_path = shown_from_here(rules_path).string();
  auto rules = load_rules(".", rules_path);
  if (!rules) return std::nullopt;
  repository.rules = std::move(*rules);
  return repository;
}

std::optional<std::vector<std::string>> paths_under_root(const std::vector<std::string>& paths,
                                                         const Repository& repository) {
  std::vector<std::string> relative;
  std::error_code error;
  const fs::path base = fs::weakly_canonical(repository.root, error);
  for (const std::string& given : paths) {
    const fs::path path = repository.from_start(given);
    const fs::file_status status = fs::status(path, error);
    if (!fs::exists(status)) {
      print_error("testtier: error: {}: no such file or directory\n", printable(given));
      return std::nullopt;
    }
    if (!fs::is_regular_file(status) && !fs::is_directory(status)) {
      print_error("testtier: error: {}: {}, not a file or directory\n", printable(given),
                  fs::is_fifo(status) ? "a FIFO" : fs::is_socket(status) ? "a socket" : "a device");
      return std::nullopt;
    }
    const fs::path inside = fs::weakly_canonical(path, error).lexically_relative(base);
    if (inside.empty() || *inside.begin() == "..") {
      print_error("testtier: error: {}: not under the root {}\n", printable(given),
                  printable(repository.started_in.empty() ? repository.root.string() : fs::current_path(error).string()));
      return std::nullopt;
    }
    relative.push_back(inside == "." ? std::string() : inside.generic_string());
  }
  return relative;
}

void print_no_tests(const Repository& repository, const char* severity, bool among_paths) {
  std::error_code error;
  const fs::path root = fs::weakly_canonical(fs::absolute(repository.root, error), error);
  print_error(
             "testtier: {}: no test file checked: none found {} the root {} (found by: {}); "
             "`testtier config` shows the root and what test discovery looks for\n",
             severity, among_paths ? "among the paths given, under" : "under", printable(root.string()), repository.found_by);
}

void print_default_rules_note(const Repository& repository) {
  if (repository.rules.origin != default_rules().origin) return;
  print_error(
      "testtier: note: no rules of the repository's own (testtier.toml, or [tool.testtier] in pyproject.toml): "
      "the built-in rules know only Django's database (postgres), so tests that need Redis, Kafka or any other "
      "service are in a tier without it until rules name it (see docs/rules.md); -q hides this note\n");
}

}  // namespace testtier::cli
