#include "git_changes.hpp"

#include <sys/wait.h>

#include <cstdio>
#include <sstream>

#include <fmt/format.h>

#include "output.hpp"

namespace testtier::cli {
namespace {

std::string shell_quoted(const std::string& text) {
  std::string quoted = "'";
  for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

/// Run `command` and return its stdout, or nullopt when it exits non-zero. Its stderr is
/// discarded: the caller says in one line what went wrong (git outside a repository prints
/// pages of usage text).
std::optional<std::string> output_of(const std::string& command) {
  FILE* pipe = ::popen((command + " 2>/dev/null").c_str(), "r");
  if (pipe == nullptr) return std::nullopt;
  std::string out;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  const int status = ::pclose(pipe);
  if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return out;
}

/// Split git's `-z` output at its NUL bytes (names come unquoted, whatever bytes they hold).
std::vector<std::string> nul_fields(const std::string& text) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\0', start)) != std::string::npos; start = end + 1) {
    fields.push_back(text.substr(start, end - start));
  }
  if (start < text.size()) fields.push_back(text.substr(start));
  return fields;
}

}  // namespace

std::vector<ChangedPath> parse_name_status(const std::string& text) {
  const std::vector<std::string> fields = nul_fields(text);
  std::vector<ChangedPath> changes;
  for (std::size_t i = 0; i < fields.size();) {
    const std::string& status = fields[i++];
    if (status.empty()) continue;
    const bool two_paths = status[0] == 'R' || status[0] == 'C';
    if (i + (two_paths ? 2 : 1) > fields.size()) break;
    ChangedPath change;
    switch (status[0]) {
      case 'A': change.kind = ChangedPath::Kind::added; break;
      case 'D': change.kind = ChangedPath::Kind::deleted; break;
      case 'R':
      case 'C': change.kind = ChangedPath::Kind::renamed; break;
      default: change.kind = ChangedPath::Kind::modified; break;
    }
    if (two_paths) change.old_path = fields[i++];
    change.path = fields[i++];
    changes.push_back(std::move(change));
  }
  return changes;
}

std::optional<std::vector<ChangedPath>> changed_since(const std::filesystem::path& root, const std::string& ref) {
  const std::string git = "git -C " + shell_quoted(root.string());
  if (!output_of(git + " rev-parse --is-inside-work-tree")) {
    print_error("testtier: error: --since: {} is not in a git work tree (or git is missing)\n", printable(root.string()));
    return std::nullopt;
  }
  // The ref is checked as a commit, after --end-of-options, so that user text is never an option
  // (`--since=--output=FILE` would have git write FILE).
  const std::string commit = git + " rev-parse --verify --quiet --end-of-options " + shell_quoted(ref + "^{commit}");
  if (ref.empty() || ref.starts_with('-') || !output_of(commit)) {
    print_error("testtier: error: --since: `{}` is not a commit in {}\n", printable(ref), printable(root.string()));
    return std::nullopt;
  }
  const auto diff = output_of(git + " diff -z --name-status -M --relative --end-of-options " + shell_quoted(ref) + " --");
  const auto untracked = output_of(git + " ls-files -z --others --exclude-standard");
  if (!diff || !untracked) {
    print_error("testtier: error: git could not list the changes since `{}` in {}\n", printable(ref), printable(root.string()));
    return std::nullopt;
  }
  std::vector<ChangedPath> changes = parse_name_status(*diff);
  for (const std::string& path : nul_fields(*untracked)) {
    if (!path.empty()) changes.push_back({ChangedPath::Kind::added, path, ""});
  }
  return changes;
}

}  // namespace testtier::cli
