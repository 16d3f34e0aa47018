#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "testtier/glob.hpp"

using testtier::Glob;

namespace {

struct Case {
  const char* pattern;
  const char* path;
  bool matches;
};

void check_all(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    CAPTURE(c.pattern, c.path);
    CHECK(Glob(c.pattern).matches(c.path) == c.matches);
  }
}

}  // namespace

TEST_CASE("** at the start, middle and end spans segments", "[glob]") {
  check_all({
      {"**/test_*.py", "test_a.py", true},
      {"**/test_*.py", "a/test_a.py", true},
      {"**/test_*.py", "a/b/c/test_a.py", true},
      {"**/test_*.py", "a/xtest_a.py", false},
      {"a/**/b", "a/b", true},
      {"a/**/b", "a/x/b", true},
      {"a/**/b", "a/x/y/b", true},
      {"a/**/b", "a/x/y/c", false},
      {"a/**/b", "x/a/b", false},
      {"a/**/b", "a/b/c", false},
      {"a/**", "a/x", true},
      {"a/**", "a/x/y", true},
      {"a/**", "a", false},
      {"a/**", "ab/x", false},
      {"**", "x", true},
      {"**", "x/y/z", true},
      {"**", "", false},
      {"tests/**/test_*.py", "tests/test_a.py", true},
      {"tests/**/test_*.py", "tests/unit/deep/test_a.py", true},
      {"tests/**/test_*.py", "src/tests/test_a.py", false},
      {"**/node_modules/**", "node_modules/x.py", true},
      {"**/node_modules/**", "a/node_modules/b/c.py", true},
      {"**/node_modules/**", "node_modules", false},
      {"a/**/**/b", "a/b", true},
      {"a/**/x*/**", "a/p/xy/q", true},
  });
}

TEST_CASE("* and ** inside a segment do not cross '/'", "[glob]") {
  check_all({
      {"a/*.py", "a/x.py", true},
      {"a/*.py", "a/.py", true},
      {"a/*.py", "a/b/x.py", false},
      {"./*", "x", true},
      {"./*", "a/x", false},
      {"./a*b", "axxb", true},
      {"./a*b", "ab", true},
      {"./a*b", "a/b", false},
      {"./a**b", "axyb", true},  // `**` within a segment is a plain `*`
      {"./a**b", "a/x/b", false},
      {"a**b", "dir/axyb", true},
      {"*_test.py", "x_test.py", true},
      {"*_test.py", "x_test.pyc", false},
  });
}

TEST_CASE("? matches one character, never '/'", "[glob]") {
  check_all({
      {"./?.py", "a.py", true},
      {"./?.py", "ab.py", false},
      {"./?.py", ".py", false},
      {"./a?b", "a/b", false},
      {"./a?b", "axb", true},
      {"./?", "\xC3\xA9", true},  // é is one character of two bytes
      {"./??", "\xC3\xA9", false},
      {"./*??", "\xE2\x82\xAC", false},  // € is one character of three bytes
  });
}

TEST_CASE("character classes: sets, ranges, negation, literals", "[glob]") {
  check_all({
      {"./[abc].py", "a.py", true},
      {"./[abc].py", "d.py", false},
      {"./[a-c]", "b", true},
      {"./[a-c]", "d", false},
      {"./[!a-c]", "b", false},
      {"./[!a-c]", "d", true},
      {"./[^a]", "b", true},
      {"./[^a]", "a", false},
      {"./[]]", "]", true},
      {"./[!]]", "]", false},
      {"./[!]]", "a", true},
      {"./[a-]", "-", true},
      {"./[-a]", "-", true},
      {"./[*]", "*", true},
      {"./[*]", "x", false},
      {"./[0-9a-f]x", "7x", true},
      {"./[0-9a-f]x", "gx", false},
      {"./[\xC3\xA9-\xC3\xAB]", "\xC3\xAA", true},  // é-ë contains ê
      {"./a[!x]b", "a/b", false},
  });
}

TEST_CASE("a pattern without '/' matches the base name at any depth", "[glob]") {
  check_all({
      {"test_*.py", "test_a.py", true},
      {"test_*.py", "tests/test_a.py", true},
      {"test_*.py", "a/b/test_a.py", true},
      {"test_*.py", "test_dir/a.py", false},
      {"conftest.py", "a/b/conftest.py", true},
      {"build/", "x/build", true},  // a trailing '/' is dropped
      {"Test*", "test_a", false},   // case-sensitive
  });
}

TEST_CASE("a leading ./ or / anchors the pattern at the root", "[glob]") {
  check_all({
      {"./test_*.py", "test_a.py", true},
      {"./test_*.py", "tests/test_a.py", false},
      {"/test_*.py", "test_a.py", true},
      {"/test_*.py", "tests/test_a.py", false},
      {"./tests", "tests", true},
      {"./tests", "a/tests", false},
      {"tests/**", "./tests/test_a.py", true},  // a leading ./ in the path is ignored too
      {"a//b", "a/b", true},
  });
}

TEST_CASE("invalid patterns throw, naming the pattern and the problem", "[glob]") {
  using Catch::Matchers::Contains;
  CHECK_THROWS_WITH(Glob(""), Contains("empty pattern"));
  CHECK_THROWS_WITH(Glob("./"), Contains("empty pattern"));
  CHECK_THROWS_WITH(Glob("/"), Contains("empty pattern"));
  CHECK_THROWS_WITH(Glob("tests/[abc"), Contains("'tests/[abc'") && Contains("unclosed '['"));
  CHECK_THROWS_WITH(Glob("a/[b/c]"), Contains("unclosed '['"));
  CHECK_THROWS_WITH(Glob("[!"), Contains("unclosed '['"));
  CHECK_THROWS_WITH(Glob("[z-a]"), Contains("reversed range"));
  CHECK_THROWS_AS(Glob("[]"), std::invalid_argument);
  CHECK_NOTHROW(Glob("a**b"));
  CHECK(Glob("tests/*.py").pattern() == "tests/*.py");
}

TEST_CASE("matches_everything_below says when a walk may prune", "[glob]") {
  struct Below {
    const char* pattern;
    const char* dir;
    bool all;
  };
  const std::vector<Below> cases = {
      {"**/node_modules/**", "node_modules", true},
      {"**/node_modules/**", "a/node_modules", true},
      {"**/node_modules/**", "a/node_modules/b", true},
      {"**/node_modules/**", "a", false},
      {"**/node_modules/**", "node_modules_x", false},
      {"build/**", "build", true},
      {"build/**", "build/x", true},
      {"build/**", "builds", false},
      {"build/**", "", false},
      {"**", "", true},
      {"**", "a/b", true},
      {"*/**", "", false},
      {"*/**", "x", true},
      {"a/**/b/**", "a/x/b", true},
      {"a/**/b/**", "a", false},
      {"tests/*.py", "tests", false},
      {"node_modules", "node_modules", false},  // matches the directory, not what is below
  };
  for (const Below& c : cases) {
    CAPTURE(c.pattern, c.dir);
    CHECK(Glob(c.pattern).matches_everything_below(c.dir) == c.all);
  }
}

TEST_CASE("pathological patterns match without exponential backtracking", "[glob]") {
  const std::string run(200, 'a');
  std::string path;
  for (int i = 0; i < 200; ++i) path += run + '/';
  path += run;
  const Glob segments("**/**/**/**/**/**/a*a*a*a*a*a*a*a*a*b");
  CHECK_FALSE(segments.matches(path));
  CHECK(segments.matches(path + "b"));
  const Glob one_segment("a*a*a*a*a*a*a*a*a*a*a*a*b");
  const std::string long_name(20000, 'a');
  CHECK_FALSE(one_segment.matches(long_name));
  CHECK(one_segment.matches(long_name + "b"));
  CHECK_FALSE(Glob("**/a/**/a/**/a/**/a/**/b").matches(std::string(4000, 'x') + path));
}

TEST_CASE("{a,b} matches either alternative, nested and with '/' inside", "[glob]") {
  check_all({
      {"tests/{unit,api}/**", "tests/unit/test_a.py", true},
      {"tests/{unit,api}/**", "tests/api/v1/test_b.py", true},
      {"tests/{unit,api}/**", "tests/acceptance/test_c.py", false},
      {"tests/{unit,api}/**", "tests/{unit,api}/test_d.py", false},  // never literal
      {"{test_*,*_test}.py", "pkg/test_a.py", true},                  // each alternative a base name
      {"{test_*,*_test}.py", "pkg/a_test.py", true},
      {"{test_*,*_test}.py", "pkg/a.py", false},
      {"{tests,src/{app,lib}/tests}/**", "src/lib/tests/test_x.py", true},
      {"{tests,src/{app,lib}/tests}/**", "src/other/tests/test_x.py", false},
      {"test_a{,_slow}.py", "test_a.py", true},                       // an empty alternative
      {"test_a{,_slow}.py", "test_a_slow.py", true},
  });
}

TEST_CASE("braces inside a class are literal, unbalanced braces are refused", "[glob]") {
  CHECK(Glob("x[{]y.py").matches("x{y.py"));
  CHECK(Glob("x[},]y.py").matches("x,y.py"));
  CHECK_THROWS_WITH(Glob("tests/{unit,api/**"), "invalid glob 'tests/{unit,api/**': unclosed '{'");
  CHECK_THROWS_WITH(Glob("tests/unit}/**"), "invalid glob 'tests/unit}/**': '}' without a '{' before it");
  std::string many;
  for (int i = 0; i < 6; ++i) many += "{a,b,c}";  // 729 alternatives
  CHECK_THROWS_WITH(Glob(many), Catch::Contains("more than 256 alternatives"));
}

TEST_CASE("a brace alternative ending in /** prunes the directories it covers", "[glob]") {
  const Glob glob("{build,dist}/**");
  CHECK(glob.matches_everything_below("build"));
  CHECK(glob.matches_everything_below("dist/x"));
  CHECK_FALSE(glob.matches_everything_below("src"));
}
