#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <system_error>
#include <tuple>
#include <utility>
#include <vector>

#include "testtier/discover.hpp"
#include "testtier/glob.hpp"

namespace testtier {
namespace {

namespace fs = std::filesystem;

bool is_python(std::string_view name) { return name.ends_with(".py"); }

bool is_vcs_or_cache(std::string_view name) {
  return name == ".git" || name == ".hg" || name == ".svn" || name == "__pycache__";
}

std::string join(const std::string& dir, const std::string& name) {
  return dir.empty() ? name : dir + '/' + name;
}

// Return how a relative path reads in a message: the root itself is ".".
std::string shown(const std::string& rel) { return rel.empty() ? "." : rel; }

// Return whether the canonical `path` is `base` or lies below it.
bool is_within(const fs::path& path, const fs::path& base) {
  return std::mismatch(base.begin(), base.end(), path.begin(), path.end()).first == base.end();
}

// Return `dir` without leading "./" and trailing '/'; ".", "./" and "" all become "" (the root).
std::string_view normalise_dir(std::string_view dir) {
  while (dir.starts_with("./")) dir.remove_prefix(2);
  while (dir.ends_with('/')) dir.remove_suffix(1);
  return dir == "." ? std::string_view{} : dir;
}

std::vector<Glob> compile(const std::vector<std::string>& patterns) {
  return {patterns.begin(), patterns.end()};
}

bool any_matches(const std::vector<Glob>& globs, std::string_view path) {
  return std::any_of(globs.begin(), globs.end(), [&](const Glob& g) { return g.matches(path); });
}

// Walks a canonical root in two passes: real directories first, then directory symlinks in path
// order, so a directory reachable both ways is listed under its real path, and a link is followed
// only to a directory inside the root that no walk has reached yet.
class Walker {
 public:
  Walker(fs::path root, const DiscoverOptions& options)
      : root_(std::move(root)), exclude_(compile(options.exclude)), exclude_matched_(exclude_.size(), false) {}

  // Walk the whole root; return the Python files found, sorted.
  std::vector<std::string> run() {
    walk_dir("", root_);
    while (!pending_links_.empty()) {
      auto link = pending_links_.extract(pending_links_.begin());
      follow_link(link.key(), link.mapped());
    }
    return python_files();
  }

  std::vector<Diagnostic> take_diagnostics() { return std::move(diagnostics_); }

  /// Return, per exclude glob, whether it left out anything.
  [[nodiscard]] const std::vector<bool>& exclude_matched() const { return exclude_matched_; }

 private:
  void walk_dir(const std::string& rel, const fs::path& canon);
  void visit_entry(const std::string& dir_rel, const fs::path& dir_canon,
                   const fs::directory_entry& entry);
  void visit_link(const std::string& rel, const fs::path& dir_canon, const fs::path& link);
  void follow_link(const std::string& rel, const fs::path& dir_canon);
  std::vector<std::string> python_files();

  bool skipped_dir(std::string_view name, const std::string& rel) const {
    const bool vcs = is_vcs_or_cache(name);  // excluded anyway; still marks the globs that match it
    return excluded(rel, true) || vcs;
  }

  /// Return whether an exclude glob matches `rel` (a directory's: or everything below it), and
  /// mark every glob that does.
  bool excluded(const std::string& rel, bool directory) const {
    bool any = false;
    for (std::size_t i = 0; i < exclude_.size(); ++i) {
      if (exclude_[i].matches(rel) || (directory && exclude_[i].matches_everything_below(rel))) {
        exclude_matched_[i] = true;
        any = true;
      }
    }
    return any;
  }

  void report(const std::string& rel, Severity severity, std::string message) {
    diagnostics_.push_back(Diagnostic{.path = shown(rel), .location = {}, .severity = severity,
                                      .code = std::string(codes::unreadable),
                                      .message = std::move(message)});
  }

  fs::path root_;
  std::vector<Glob> exclude_;
  mutable std::vector<bool> exclude_matched_;
  std::map<std::string, std::string> walked_;       ///< canonical dir → the path it was walked as
  std::map<std::string, fs::path> pending_links_;   ///< directory symlink → canonical dir holding it
  std::map<std::string, std::vector<std::string>> files_;  ///< canonical file → paths reaching it
  std::vector<Diagnostic> diagnostics_;
};

// List the directory `canon` (reached as `rel`) and visit its entries in name order. A directory
// that cannot be read is reported and whatever was listed of it is kept.
void Walker::walk_dir(const std::string& rel, const fs::path& canon) {
  const auto [walked, inserted] = walked_.emplace(canon.string(), rel);
  if (!inserted) {
    report(rel, Severity::note, "same directory as '" + shown(walked->second) + "'; listed once");
    return;
  }
  std::vector<fs::directory_entry> entries;
  std::error_code ec;
  for (fs::directory_iterator it(canon, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    entries.push_back(*it);
  }
  if (ec) report(rel, Severity::warning, "cannot read directory: " + ec.message());
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
  for (const fs::directory_entry& entry : entries) visit_entry(rel, canon, entry);
}

void Walker::visit_entry(const std::string& dir_rel, const fs::path& dir_canon,
                         const fs::directory_entry& entry) {
  const std::string name = entry.path().filename().string();
  const std::string rel = join(dir_rel, name);
  std::error_code ec;
  if (entry.is_symlink(ec)) {
    visit_link(rel, dir_canon, entry.path());
  } else if (entry.is_directory(ec)) {
    // Below a canonical directory, a real subdirectory's path is canonical too.
    if (!skipped_dir(name, rel)) walk_dir(rel, entry.path());
  } else if (entry.is_regular_file(ec) && is_python(name) && !excluded(rel, false)) {
    files_[entry.path().string()].push_back(rel);
  }
}

// Queue a link to a directory for the second pass; list a link to a Python file inside the root.
void Walker::visit_link(const std::string& rel, const fs::path& dir_canon, const fs::path& link) {
  const std::string name = link.filename().string();
  std::error_code ec;
  const fs::file_status target = fs::status(link, ec);
  if (fs::is_directory(target)) {
    if (!skipped_dir(name, rel)) pending_links_.emplace(rel, dir_canon);
    return;
  }
  if (ec && target.type() != fs::file_type::not_found) {
    report(rel, Severity::note, "cannot resolve symlink: " + ec.message() + "; left out");
    return;
  }
  if (!is_python(name) || excluded(rel, false)) return;
  if (!fs::exists(target)) return report(rel, Severity::note, "broken symlink; left out");
  if (!fs::is_regular_file(target)) return;
  const fs::path canon = fs::canonical(link, ec);
  if (ec) return report(rel, Severity::note, "cannot resolve symlink: " + ec.message());
  if (!is_within(canon, root_)) {
    return report(rel, Severity::note, "symlink leads outside the root; left out");
  }
  files_[canon.string()].push_back(rel);
}

// Walk the target of the directory link `rel` (held in `dir_canon`) unless it lies outside the
// root or was walked already, as an enclosing directory (a loop) or by another path.
void Walker::follow_link(const std::string& rel, const fs::path& dir_canon) {
  std::error_code ec;
  const fs::path target = fs::canonical(dir_canon / fs::path(rel).filename(), ec);
  if (ec) return report(rel, Severity::note, "cannot resolve symlink: " + ec.message());
  if (!is_within(target, root_)) {
    return report(rel, Severity::note, "symlink leads outside the root; not followed");
  }
  if (const auto walked = walked_.find(target.string()); walked != walked_.end()) {
    const std::string other = shown(walked->second);
    return report(rel, Severity::note,
                  is_within(dir_canon, target)
                      ? "symlink loop: leads back to enclosing '" + other + "'; not followed"
                      : "symlink to a directory already listed as '" + other + "'; not followed");
  }
  walk_dir(rel, target);
}

// Return one path per real file, the lexicographically first, and note the others.
std::vector<std::string> Walker::python_files() {
  std::vector<std::string> files;
  for (auto& [canon, paths] : files_) {
    std::sort(paths.begin(), paths.end());
    files.push_back(paths.front());
    for (std::size_t i = 1; i < paths.size(); ++i) {
      report(paths[i], Severity::note, "same file as '" + paths.front() + "'; listed once");
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool is_under(std::string_view path, std::string_view dir) {
  return dir.empty() || path == dir ||
         (path.starts_with(dir) && path.size() > dir.size() && path[dir.size()] == '/');
}

std::vector<std::string> select_tests(const std::vector<std::string>& python_files,
                                      const DiscoverOptions& options) {
  const std::vector<Glob> patterns = compile(options.test_files);
  std::vector<std::string_view> testpaths;
  for (const std::string& dir : options.testpaths) testpaths.push_back(normalise_dir(dir));
  if (testpaths.empty()) testpaths.emplace_back();
  std::vector<std::string> tests;
  for (const std::string& file : python_files) {
    const bool in_testpaths = std::any_of(testpaths.begin(), testpaths.end(),
                                          [&](std::string_view dir) { return is_under(file, dir); });
    if (in_testpaths && any_matches(patterns, file)) tests.push_back(file);
  }
  return tests;
}

}  // namespace

Discovery discover(const std::filesystem::path& root, const DiscoverOptions& options) {
  Discovery found;
  std::error_code ec;
  fs::path canon = fs::canonical(root, ec);
  if (ec) {
    found.diagnostics.push_back(Diagnostic{.path = ".", .location = {}, .severity = Severity::error,
                                           .code = std::string(codes::unreadable),
                                           .message = "cannot read root: " + ec.message()});
    return found;
  }
  Walker walker(std::move(canon), options);
  found.python_files = walker.run();
  found.test_files = select_tests(found.python_files, options);
  found.diagnostics = walker.take_diagnostics();
  found.exclude_matched = walker.exclude_matched();
  std::sort(found.diagnostics.begin(), found.diagnostics.end(), [](const auto& a, const auto& b) {
    return std::tie(a.path, a.message) < std::tie(b.path, b.message);
  });
  return found;
}

}  // namespace testtier
