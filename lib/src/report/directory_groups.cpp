#include "report/directory_groups.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <string_view>
#include <tuple>

#include <fmt/format.h>

namespace testtier::report {
namespace {

enum class Kind { directory, own_files, rest };

/// A group while the groups are being split.
struct Group {
  std::string prefix;  ///< its directory ("" for the root); for own_files and rest, the parent's
  std::size_t depth = 0;
  Kind kind = Kind::directory;
  std::size_t lumped = 0;  ///< for rest: how many parts of `prefix` it holds
  std::vector<std::size_t> files;
  std::size_t tests = 0;
  bool final = false;  ///< its parts did not fit: it stays whole
};

/// Return the directory of `path` ("" for a file at the root).
std::string_view directory_of(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

/// Return `child` below `prefix` ("" is the root).
std::string joined_path(const std::string& prefix, std::string_view child) {
  return prefix.empty() ? std::string(child) : prefix + "/" + std::string(child);
}

bool splittable(const Group& group, const std::vector<FileResult>& files, std::size_t max_depth) {
  if (group.kind != Kind::directory || group.final || group.depth >= max_depth) return false;
  return std::any_of(group.files.begin(), group.files.end(),
                     [&](std::size_t i) { return directory_of(files[i].path) != group.prefix; });
}

/// Return whether `a` should come before `b`: more tests, more files, then by prefix.
bool larger(const Group& a, const Group& b) {
  return std::tuple(b.tests, b.files.size(), a.prefix, a.kind) < std::tuple(a.tests, a.files.size(), b.prefix, b.kind);
}

/// Return the parts of `group`: one per subdirectory, and one for the files directly in it.
std::vector<Group> parts_of(const Group& group, const std::vector<FileResult>& files) {
  std::map<std::string, Group> parts;  // by child directory; "" for the files directly in the group's
  for (const std::size_t i : group.files) {
    std::string_view directory = directory_of(files[i].path);
    std::string key;
    if (directory != group.prefix) {
      directory.remove_prefix(group.prefix.empty() ? 0 : group.prefix.size() + 1);
      key = std::string(directory.substr(0, directory.find('/')));
    }
    Group& part = parts[key];
    if (part.files.empty()) {
      part.kind = key.empty() ? Kind::own_files : Kind::directory;
      part.prefix = key.empty() ? group.prefix : joined_path(group.prefix, key);
      part.depth = group.depth + 1;
    }
    part.files.push_back(i);
    part.tests += files[i].tests.size();
  }
  std::vector<Group> out;
  for (auto& [key, part] : parts) out.push_back(std::move(part));
  std::sort(out.begin(), out.end(), larger);
  return out;
}

/// Return `parts` (largest first) cut to `keep` with the others lumped into one group after them.
std::vector<Group> lump_smallest(std::vector<Group> parts, std::size_t keep, const Group& parent) {
  Group rest{parent.prefix, parent.depth + 1, Kind::rest, parts.size() - keep, {}, 0, true};
  for (auto part = parts.begin() + std::ptrdiff_t(keep); part != parts.end(); ++part) {
    rest.files.insert(rest.files.end(), part->files.begin(), part->files.end());
    rest.tests += part->tests;
  }
  std::sort(rest.files.begin(), rest.files.end());
  parts.resize(keep);
  parts.push_back(std::move(rest));
  return parts;
}

DirectoryGroup finished(const Group& group) {
  DirectoryGroup out{{}, {}, group.files, group.tests};
  std::sort(out.files.begin(), out.files.end());
  const std::string shown = group.prefix.empty() ? "." : group.prefix;
  switch (group.kind) {
    case Kind::directory:
      out.label = shown;
      out.description = fmt::format("the test files under {}", shown);
      break;
    case Kind::own_files:
      out.label = joined_path(group.prefix, "*.py");
      out.description = fmt::format("the test files directly in {}, not in a subdirectory", shown);
      break;
    case Kind::rest:
      out.label = joined_path(group.prefix, fmt::format("\u2026 ({} more)", group.lumped));
      out.description = fmt::format("the test files of {} more subdirectories (or files directly) in {}, "
                                    "each with fewer tests than those shown", group.lumped, shown);
      break;
  }
  return out;
}

/// Split the splittable group of `groups` with most tests into its parts, as many as fit in
/// `max_groups`; return false when no group can be split any more.
bool split_largest(std::vector<Group>& groups, const std::vector<FileResult>& files, std::size_t max_groups,
                   std::size_t max_depth) {
  auto candidate = groups.end();
  for (auto group = groups.begin(); group != groups.end(); ++group) {
    if (splittable(*group, files, max_depth) && (candidate == groups.end() || larger(*group, *candidate))) {
      candidate = group;
    }
  }
  if (candidate == groups.end()) return false;
  std::vector<Group> parts = parts_of(*candidate, files);
  const std::size_t room = max_groups - (groups.size() - 1);
  if (parts.size() > room) {
    if (room < 2) {  // not even one part beside the lumped rest
      candidate->final = true;
      return true;
    }
    parts = lump_smallest(std::move(parts), room - 1, *candidate);
  }
  groups.erase(candidate);
  std::move(parts.begin(), parts.end(), std::back_inserter(groups));
  return true;
}

}  // namespace

std::vector<DirectoryGroup> group_by_directory(const std::vector<FileResult>& files, std::size_t max_groups,
                                               std::size_t max_depth) {
  if (files.empty()) return {};
  std::vector<Group> groups(1);  // the root
  for (std::size_t i = 0; i < files.size(); ++i) {
    groups[0].files.push_back(i);
    groups[0].tests += files[i].tests.size();
  }
  while (split_largest(groups, files, std::max<std::size_t>(max_groups, 1), max_depth)) {
  }
  std::vector<DirectoryGroup> out;
  for (const Group& group : groups) out.push_back(finished(group));
  std::sort(out.begin(), out.end(), [](const DirectoryGroup& a, const DirectoryGroup& b) {
    return std::tie(b.tests, a.label) < std::tie(a.tests, b.label);
  });
  return out;
}

}  // namespace testtier::report
