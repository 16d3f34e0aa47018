#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "testtier/discover.hpp"

TEST_CASE("module_name_for maps paths under import roots to dotted names", "[discover]") {
  struct Case {
    std::string path;
    std::vector<std::string> roots;
    std::string name;
  };
  const std::vector<Case> cases = {
      {"src/sentry/utils/x.py", {"src"}, "sentry.utils.x"},
      {"src/sentry/__init__.py", {"src"}, "sentry"},
      {"src/sentry/utils/__init__.py", {"src/"}, "sentry.utils"},
      {"./src/a.py", {"./src/"}, "a"},
      {"lib/src/m.py", {"lib/src"}, "m"},
      {"conftest.py", {"."}, "conftest"},
      {"conftest.py", {""}, "conftest"},
      {"tests/conftest.py", {"./"}, "tests.conftest"},
      {"tests/x.py", {"src"}, ""},
      {"tests/x.py", {"src", "."}, "tests.x"},
      {"src/a.py", {"src", "."}, "a"},  // the first root that contains the path wins
      {"src/a.py", {".", "src"}, "src.a"},
      {"srcx/a.py", {"src"}, ""},  // a root is a directory, not a prefix
      {"src/a.txt", {"src"}, ""},
      {"src/a.pyc", {"src"}, ""},
      {"src", {"src"}, ""},
      {"src/.py", {"src"}, ""},
      {"src/__init__.py", {"src"}, ""},  // the root itself is no package ...
      {"src/__init__.py", {"src", "."}, "src"},  // ... unless a later root makes it one
      {"__init__.py", {"."}, ""},
      {"a/b/c.py", {}, ""},
      {"tests/pkg/__init__helpers.py", {"."}, "tests.pkg.__init__helpers"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.path, c.roots);
    CHECK(testtier::module_name_for(c.path, c.roots) == c.name);
  }
}
