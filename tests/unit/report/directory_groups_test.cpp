#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "report/directory_groups.hpp"

using namespace testtier;
using namespace testtier::report;

namespace {

/// Return test files at `paths`, each with as many tests as its count.
std::vector<FileResult> files_with(const std::vector<std::pair<std::string, std::size_t>>& paths) {
  std::vector<FileResult> files;
  for (const auto& [path, tests] : paths) {
    FileResult file;
    file.path = path;
    for (std::size_t i = 0; i < tests; ++i) {
      TestResult test;
      test.id = path + "::t" + std::to_string(i);
      file.tests.push_back(test);
    }
    files.push_back(file);
  }
  return files;
}

/// Return label -> tests of `groups`, CHECKing that every file is in exactly one group.
std::map<std::string, std::size_t> labels_of(const std::vector<DirectoryGroup>& groups, std::size_t files) {
  std::map<std::string, std::size_t> out;
  std::multiset<std::size_t> seen;
  for (const DirectoryGroup& group : groups) {
    out[group.label] = group.tests;
    seen.insert(group.files.begin(), group.files.end());
  }
  CHECK(seen.size() == files);
  CHECK(std::set<std::size_t>(seen.begin(), seen.end()).size() == files);
  return out;
}

}  // namespace

TEST_CASE("directory groups: split down to the depth allowed when they fit", "[report][html]") {
  const auto files = files_with({{"tests/sentry/api/endpoints/test_a.py", 3}, {"tests/sentry/api/test_b.py", 2},
                                 {"tests/sentry/models/test_c.py", 4}, {"tests/sentry/test_d.py", 1},
                                 {"tests/snuba/api/test_e.py", 5}, {"test_root.py", 1}});
  const auto groups = group_by_directory(files, 10, 3);
  CHECK(labels_of(groups, files.size()) == std::map<std::string, std::size_t>{
                                               {"tests/sentry/api", 5}, {"tests/sentry/models", 4},
                                               {"tests/sentry/*.py", 1}, {"tests/snuba/api", 5}, {"*.py", 1}});
  // Most tests first, then by label.
  REQUIRE(groups.size() == 5);
  CHECK(groups[0].label == "tests/sentry/api");
  CHECK(groups[1].label == "tests/snuba/api");
  CHECK(groups[2].label == "tests/sentry/models");
  CHECK(groups[3].label == "*.py");
  CHECK(groups[4].label == "tests/sentry/*.py");
  CHECK(groups[0].files == std::vector<std::size_t>{0, 1});
}

TEST_CASE("directory groups: the largest parts kept, the rest lumped, when they do not fit", "[report][html]") {
  std::vector<std::pair<std::string, std::size_t>> paths;
  for (int i = 0; i < 10; ++i) paths.push_back({"tests/sentry/d" + std::to_string(i) + "/test_x.py", 10 + i});
  paths.push_back({"tests/other/test_y.py", 100});
  const auto files = files_with(paths);
  const auto groups = group_by_directory(files, 5, 3);
  // tests/other, then tests/sentry split: 3 parts fit beside it and the lump.
  CHECK(labels_of(groups, files.size()) == std::map<std::string, std::size_t>{
                                               {"tests/other", 100}, {"tests/sentry/d9", 19}, {"tests/sentry/d8", 18},
                                               {"tests/sentry/d7", 17},
                                               {"tests/sentry/\xE2\x80\xA6 (7 more)", 10 + 11 + 12 + 13 + 14 + 15 + 16}});
  CHECK(groups.size() == 5);
  CHECK(groups[1].label == "tests/sentry/\xE2\x80\xA6 (7 more)");  // 91 tests
}

TEST_CASE("directory groups: one group at most, depth 1, no files", "[report][html]") {
  const auto files = files_with({{"a/x/test_1.py", 1}, {"b/test_2.py", 2}});
  CHECK(labels_of(group_by_directory(files, 1, 3), 2) == std::map<std::string, std::size_t>{{".", 3}});
  CHECK(labels_of(group_by_directory(files, 0, 3), 2) == std::map<std::string, std::size_t>{{".", 3}});
  CHECK(labels_of(group_by_directory(files, 10, 1), 2) == std::map<std::string, std::size_t>{{"a", 1}, {"b", 2}});
  CHECK(group_by_directory({}, 10, 3).empty());
}

TEST_CASE("directory groups: a chain of single directories goes down to where it branches", "[report][html]") {
  const auto files = files_with({{"src/pkg/tests/unit/test_a.py", 1}, {"src/pkg/tests/unit/test_b.py", 1}});
  CHECK(labels_of(group_by_directory(files, 10, 3), 2) ==
        std::map<std::string, std::size_t>{{"src/pkg/tests", 2}});
  CHECK(labels_of(group_by_directory(files, 10, 8), 2) ==
        std::map<std::string, std::size_t>{{"src/pkg/tests/unit", 2}});
}
