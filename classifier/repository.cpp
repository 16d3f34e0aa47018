#include "repository.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "output.hpp"

namespace testtier::cli {

namespace fs = std::filesystem;

std::optional<Rules> open_repository(const fs::path& root, const std::string& rules_file) {
  std::error_code error;
  if (!fs::is_directory(root, error)) {
    print_error("testtier: error: {}: not a directory\n", root.string());
    return std::nullopt;
  }
  try {
    Rules rules = find_rules(root, rules_file.empty() ? std::nullopt : std::optional<fs::path>(rules_file));
    protect_inputs(root, rules.origin.starts_with('<') ? std::string() : rules.origin);
    return rules;
  } catch (const RulesError& problem) {
    print_error("{}\n", problem.what());
    return std::nullopt;
  }
}

std::optional<std::vector<std::string>> paths_under_root(const std::vector<std::string>& paths, const fs::path& root) {
  std::vector<std::string> relative;
  std::error_code error;
  const fs::path base = fs::weakly_canonical(root, error);
  for (const std::string& given : paths) {
    const fs::file_status status = fs::status(given, error);
    if (!fs::exists(status)) {
      print_error("testtier: error: {}: no such file or directory\n", given);
      return std::nullopt;
    }
    if (!fs::is_regular_file(status) && !fs::is_directory(status)) {
      print_error("testtier: error: {}: {}, not a file or directory\n", given,
                  fs::is_fifo(status) ? "a FIFO" : fs::is_socket(status) ? "a socket" : "a device");
      return std::nullopt;
    }
    const fs::path inside = fs::weakly_canonical(given, error).lexically_relative(base);
    if (inside.empty() || *inside.begin() == "..") {
      print_error("testtier: error: {}: not under the root {}\n", given, root.string());
      return std::nullopt;
    }
    relative.push_back(inside == "." ? std::string() : inside.generic_string());
  }
  return relative;
}

}  // namespace testtier::cli
