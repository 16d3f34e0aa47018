#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <system_error>
#include <vector>

#include "testtier/discover.hpp"

namespace fs = std::filesystem;
using testtier::Diagnostic;
using testtier::DiscoverOptions;
using testtier::Discovery;
using testtier::Severity;
using Paths = std::vector<std::string>;

namespace {

// A fresh directory under the system's temporary directory, removed with everything in it.
class TempTree {
 public:
  TempTree() {
    std::random_device random;
    const fs::path base = fs::temp_directory_path();
    do {
      root_ = base / ("testtier-walk-" + std::to_string(random()) + std::to_string(random()));
    } while (!fs::create_directory(root_));
  }
  ~TempTree() {
    std::error_code ec;
    for (const fs::path& dir : locked_) fs::permissions(dir, fs::perms::owner_all, ec);
    fs::remove_all(root_, ec);
  }
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;

  [[nodiscard]] const fs::path& root() const { return root_; }

  void file(const std::string& rel) {
    fs::create_directories((root_ / rel).parent_path());
    std::ofstream(root_ / rel) << "x = 1\n";
  }
  void dir(const std::string& rel) { fs::create_directories(root_ / rel); }
  // Make `rel` a symlink whose text is `target` (relative to the link's directory, or absolute).
  void link(const std::string& rel, const fs::path& target) {
    fs::create_directories((root_ / rel).parent_path());
    fs::create_symlink(target, root_ / rel);
  }
  void lock(const std::string& rel) {
    locked_.push_back(root_ / rel);
    fs::permissions(root_ / rel, fs::perms::none);
  }

 private:
  fs::path root_;
  std::vector<fs::path> locked_;
};

Discovery discover_in(const TempTree& tree, const DiscoverOptions& options = {}) {
  return testtier::discover(tree.root(), options);
}

// Return the diagnostic for `path`, or a default one whose path is empty.
Diagnostic diagnostic_for(const Discovery& found, const std::string& path) {
  const auto it = std::find_if(found.diagnostics.begin(), found.diagnostics.end(),
                               [&](const Diagnostic& d) { return d.path == path; });
  return it == found.diagnostics.end() ? Diagnostic{} : *it;
}

}  // namespace

TEST_CASE("discover lists Python files in nested directories, sorted by bytes", "[discover]") {
  TempTree tree;
  for (const char* rel : {"b.py", "a/x.py", "a/b/c.py", "a/readme.txt", "A.py", "a-b.py", "a.py",
                          "dir.py/inner.py", "a/b/data.pyc"}) {
    tree.file(rel);
  }
  tree.dir("empty/deeper");
  const Discovery found = discover_in(tree);
  CHECK(found.python_files ==
        Paths{"A.py", "a-b.py", "a.py", "a/b/c.py", "a/x.py", "b.py", "dir.py/inner.py"});
  CHECK(found.diagnostics.empty());
}

TEST_CASE("discover skips VCS folders and __pycache__", "[discover]") {
  TempTree tree;
  for (const char* rel : {".git/hooks/x.py", ".hg/y.py", ".svn/z.py", "__pycache__/m.py",
                          "pkg/__pycache__/m.py", "pkg/m.py", ".github/ci.py"}) {
    tree.file(rel);
  }
  tree.link(".git/outside", "/");  // never looked at, so never reported
  const Discovery found = discover_in(tree);
  CHECK(found.python_files == Paths{".github/ci.py", "pkg/m.py"});
  CHECK(found.diagnostics.empty());
}

TEST_CASE("discover leaves out excluded files and prunes excluded directories", "[discover]") {
  TempTree tree;
  for (const char* rel : {"node_modules/a.py", "x/node_modules/b.py", "build/c.py", "src/build/d.py",
                          "vendored/e.py", "vendored/sub/f.py", "docs/g.py", "src/ok.py",
                          "src/skip_me.py"}) {
    tree.file(rel);
  }
  tree.link("node_modules/out", "/");  // inside a pruned directory: not reported
  DiscoverOptions options;
  options.exclude = {"**/node_modules/**", "build", "vendored/*.py", "docs/", "skip_*.py"};
  const Discovery found = discover_in(tree, options);
  CHECK(found.python_files == Paths{"src/ok.py", "vendored/sub/f.py"});
  CHECK(found.diagnostics.empty());
}

TEST_CASE("discover selects test files by pattern within testpaths", "[discover]") {
  TempTree tree;
  for (const char* rel : {"tests/test_a.py", "tests/a_test.py", "tests/helper.py",
                          "tests/conftest.py", "tests/unit/test_deep.py", "src/test_in_src.py",
                          "testsuite/test_b.py", "test_root.py", "tests/test_excluded.py"}) {
    tree.file(rel);
  }
  DiscoverOptions options;
  options.exclude = {"tests/test_excluded.py"};
  const Paths all_tests = {"src/test_in_src.py", "test_root.py", "tests/a_test.py",
                           "tests/test_a.py", "tests/unit/test_deep.py", "testsuite/test_b.py"};
  SECTION("no testpaths, \"\" or \".\" mean the whole root") {
    for (const Paths& testpaths : {Paths{}, Paths{""}, Paths{"."}, Paths{"./"}}) {
      CAPTURE(testpaths);
      options.testpaths = testpaths;
      CHECK(discover_in(tree, options).test_files == all_tests);
    }
  }
  SECTION("a testpath is a directory, not a prefix") {
    options.testpaths = {"tests"};
    CHECK(discover_in(tree, options).test_files ==
          Paths{"tests/a_test.py", "tests/test_a.py", "tests/unit/test_deep.py"});
  }
  SECTION("testpaths are normalised and combined") {
    options.testpaths = {"./tests/unit/", "src"};
    CHECK(discover_in(tree, options).test_files ==
          Paths{"src/test_in_src.py", "tests/unit/test_deep.py"});
  }
  SECTION("test_files patterns may be anchored paths") {
    options.test_files = {"tests/**/test_*.py"};
    CHECK(discover_in(tree, options).test_files ==
          Paths{"tests/test_a.py", "tests/unit/test_deep.py"});
  }
  SECTION("python_files include the tests and everything else") {
    const Discovery found = discover_in(tree, options);
    CHECK(found.python_files.size() == 8);
    CHECK(std::includes(found.python_files.begin(), found.python_files.end(),
                        found.test_files.begin(), found.test_files.end()));
  }
}

TEST_CASE("discover does not follow symlink loops", "[discover]") {
  TempTree tree;
  tree.file("pkg/a.py");
  tree.link("pkg/loop", "..");
  tree.link("pkg/self", ".");
  const Discovery found = discover_in(tree);
  CHECK(found.python_files == Paths{"pkg/a.py"});
  REQUIRE(found.diagnostics.size() == 2);
  for (const Diagnostic& d : found.diagnostics) {
    CAPTURE(d.path, d.message);
    CHECK(d.severity == Severity::note);
    CHECK(d.location.line == 0);
    CHECK_THAT(d.message, Catch::Matchers::Contains("loop"));
  }
  CHECK(found.diagnostics[0].path == "pkg/loop");
  CHECK(found.diagnostics[1].path == "pkg/self");
}

TEST_CASE("discover does not follow symlinks out of the root", "[discover]") {
  TempTree outside;
  outside.file("lib/x.py");
  TempTree tree;
  tree.file("in.py");
  tree.link("ext", outside.root() / "lib");
  tree.link("ext.py", outside.root() / "lib/x.py");
  const Discovery found = discover_in(tree);
  CHECK(found.python_files == Paths{"in.py"});
  for (const char* path : {"ext", "ext.py"}) {
    CAPTURE(path);
    const Diagnostic d = diagnostic_for(found, path);
    CHECK(d.severity == Severity::note);
    CHECK_THAT(d.message, Catch::Matchers::Contains("outside the root"));
  }
}

TEST_CASE("discover lists a file reached by several paths once", "[discover]") {
  TempTree tree;
  tree.file("real/m.py");
  tree.link("links/b.py", "../real/m.py");
  tree.link("links/a.py", "../real/m.py");
  tree.link("alias", "real");  // a second path to a directory walked already
  const Discovery found = discover_in(tree);
  CHECK(found.python_files == Paths{"links/a.py"});  // the lexicographically first path
  CHECK_THAT(diagnostic_for(found, "links/b.py").message, Catch::Matchers::Contains("links/a.py"));
  CHECK_THAT(diagnostic_for(found, "real/m.py").message, Catch::Matchers::Contains("links/a.py"));
  CHECK_THAT(diagnostic_for(found, "alias").message,
             Catch::Matchers::Contains("already listed as 'real'"));
}

TEST_CASE("discover follows a link into a directory no walk reaches", "[discover]") {
  TempTree tree;
  tree.file("vendor/lib/v.py");
  tree.link("lib", "vendor/lib");
  tree.link("vendor/lib/back", "../../lib");  // leads back to the link's own target
  DiscoverOptions options;
  options.exclude = {"vendor/**"};
  const Discovery found = discover_in(tree, options);
  CHECK(found.python_files == Paths{"lib/v.py"});
  REQUIRE(found.diagnostics.size() == 1);
  CHECK(found.diagnostics[0].path == "lib/back");
  CHECK_THAT(found.diagnostics[0].message, Catch::Matchers::Contains("loop"));
}

TEST_CASE("discover reports broken symlinks to Python files", "[discover]") {
  TempTree tree;
  tree.link("gone.py", "missing.py");
  tree.link("gone_dir", "missing");  // not a Python file, so not worth a note
  const Discovery found = discover_in(tree);
  CHECK(found.python_files.empty());
  REQUIRE(found.diagnostics.size() == 1);
  CHECK(found.diagnostics[0].path == "gone.py");
}

TEST_CASE("discover reports an unreadable directory and goes on", "[discover]") {
  TempTree tree;
  tree.file("locked/x.py");
  tree.file("open/y.py");
  tree.lock("locked");
  std::error_code ec;
  fs::directory_iterator probe(tree.root() / "locked", ec);
  if (!ec) {
    WARN("'locked' is still readable (running as root?); skipping the unreadable-directory check");
    return;
  }
  const Discovery found = discover_in(tree);
  CHECK(found.python_files == Paths{"open/y.py"});
  REQUIRE(found.diagnostics.size() == 1);
  const Diagnostic& d = found.diagnostics[0];
  CHECK(d.path == "locked");
  CHECK(d.severity == Severity::warning);
  CHECK(d.code == testtier::codes::unreadable);
  CHECK(d.location.line == 0);
}

TEST_CASE("discover reports a root it cannot read", "[discover]") {
  TempTree tree;
  const Discovery found = testtier::discover(tree.root() / "missing", {});
  CHECK(found.python_files.empty());
  REQUIRE(found.diagnostics.size() == 1);
  CHECK(found.diagnostics[0].severity == Severity::error);
  CHECK(found.diagnostics[0].code == testtier::codes::unreadable);
}

TEST_CASE("discover gives the same answer every time", "[discover]") {
  TempTree tree;
  for (int i = 0; i < 30; ++i) {
    tree.file("d" + std::to_string(i % 7) + "/test_" + std::to_string(i) + ".py");
  }
  tree.link("d0/up", "..");
  tree.link("d1/same.py", "../d2/test_2.py");
  const Discovery first = discover_in(tree);
  const Discovery second = discover_in(tree);
  CHECK(first.python_files == second.python_files);
  CHECK(first.test_files == second.test_files);
  CHECK(first.diagnostics == second.diagnostics);
  CHECK(std::is_sorted(first.python_files.begin(), first.python_files.end()));
  CHECK(first.python_files.size() == 30);
}
