#include "git_changes.hpp"

#include <sys/wait.h>

#include <cstdio>
#include <sstream>

#include <fmt/format.h>

namespace testtier::cli {
namespace {

std::string shell_quoted(const std::string& text) {
  std::string quoted = "'";
  for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

/// Run `command` and return its stdout, or nullopt when it exits non-zero (stderr passes through).
std::optional<std::string> output_of(const std::string& command) {
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return std::nullopt;
  std::string out;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  const int status = ::pclose(pipe);
  if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return out;
}

}  // namespace

std::vector<ChangedPath> parse_name_status(const std::string& text) {
  std::vector<ChangedPath> changes;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    std::vector<std::string> fields;
    std::istringstream split(line);
    for (std::string field; std::getline(split, field, '\t');) fields.push_back(field);
    if (fields.size() < 2 || fields[0].empty()) continue;
    ChangedPath change;
    change.path = fields.back();
    switch (fields[0][0]) {
      case 'A': change.kind = ChangedPath::Kind::added; break;
      case 'D': change.kind = ChangedPath::Kind::deleted; break;
      case 'R':
      case 'C':
        change.kind = ChangedPath::Kind::renamed;
        if (fields.size() >= 3) change.old_path = fields[1];
        break;
      default: change.kind = ChangedPath::Kind::modified; break;
    }
    changes.push_back(std::move(change));
  }
  return changes;
}

std::optional<std::vector<ChangedPath>> changed_since(const std::filesystem::path& root, const std::string& ref) {
  const std::string git = "git -C " + shell_quoted(root.string());
  const auto diff = output_of(git + " diff --name-status -M --relative " + shell_quoted(ref) + " --");
  const auto untracked = output_of(git + " ls-files --others --exclude-standard");
  if (!diff || !untracked) {
    fmt::print(stderr, "testtier: error: git could not list the changes since `{}` in {}\n", ref, root.string());
    return std::nullopt;
  }
  std::vector<ChangedPath> changes = parse_name_status(*diff);
  std::istringstream lines(*untracked);
  for (std::string path; std::getline(lines, path);) {
    if (!path.empty()) changes.push_back({ChangedPath::Kind::added, path, ""});
  }
  return changes;
}

}  // namespace testtier::cli
