#include "repository.hpp"

#include <cstdio>

#include <fmt/format.h>

namespace testtier::cli {

namespace fs = std::filesystem;

std::optional<Rules> open_repository(const fs::path& root, const std::string& rules_file) {
  std::error_code error;
  if (!fs::is_directory(root, error)) {
    fmt::print(stderr, "testtier: error: {}: not a directory\n", root.string());
    return std::nullopt;
  }
  try {
    return find_rules(root, rules_file.empty() ? std::nullopt : std::optional<fs::path>(rules_file));
  } catch (const RulesError& problem) {
    fmt::print(stderr, "{}\n", problem.what());
    return std::nullopt;
  }
}

std::optional<std::vector<std::string>> paths_under_root(const std::vector<std::string>& paths, const fs::path& root) {
  std::vector<std::string> relative;
  std::error_code error;
  const fs::path base = fs::weakly_canonical(root, error);
  for (const std::string& given : paths) {
    if (!fs::exists(given, error)) {
      fmt::print(stderr, "testtier: error: {}: no such file or directory\n", given);
      return std::nullopt;
    }
    const fs::path inside = fs::weakly_canonical(given, error).lexically_relative(base);
    if (inside.empty() || *inside.begin() == "..") {
      fmt::print(stderr, "testtier: error: {}: not under the root {}\n", given, root.string());
      return std::nullopt;
    }
    relative.push_back(inside == "." ? std::string() : inside.generic_string());
  }
  return relative;
}

}  // namespace testtier::cli
