// classify()'s parse waves: what the tests reach is parsed in parallel waves, and after a small
// wave the rest is parsed on demand while resolving; either way the answer is the same.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "../rules/temp_dir.hpp"
#include "testtier/classify.hpp"
#include "testtier/rules.hpp"

using namespace testtier;

namespace {

const char* const kRules = R"(version = 1
[project]
import_roots = ["src"]
test_files = ["tests/**/test_*.py"]
[services.snuba]
ports = [1218]
[[signal]]
marker = ["snuba"]
needs = ["snuba"]
[[tier]]
name = "none"
provides = []
[[tier]]
name = "all"
provides = ["*"]
)";

Classification classify_dir(const test::TempDir& dir) {
  ClassifyOptions options;
  options.use_cache = false;
  return classify(dir.root(), parse_rules(kRules, "rules.toml"), options);
}

/// Write `src/app/deep.py`, whose class Deep inherits the snuba mark from app/deeper.py.
void write_deep_bases(const test::TempDir& dir) {
  dir.write("src/app/__init__.py", "");
  dir.write("src/app/deep.py", "from app.deeper import Deeper\n\nclass Deep(Deeper):\n    pass\n");
  dir.write("src/app/deeper.py", "import pytest\n\n@pytest.mark.snuba\nclass Deeper:\n    pass\n");
  dir.write("src/app/unrelated.py", "import os\n");
}

void check_all_snuba(const Classification& result, std::size_t files) {
  REQUIRE(result.files.size() == files);
  for (const FileResult& file : result.files) {
    REQUIRE(file.tests.size() == 1);
    CHECK(file.tests[0].services == std::vector<std::string>{"snuba"});
  }
}

}  // namespace

TEST_CASE("after a small wave, the deeper bases are parsed on demand", "[classify][waves]") {
  const test::TempDir dir;
  write_deep_bases(dir);
  dir.write("src/app/cases.py", "from app.mixins import Mixin\n\nclass SnubaCase(Mixin):\n    pass\n");
  dir.write("src/app/mixins.py", "from app.deep import Deep\n\nclass Mixin(Deep):\n    pass\n");
  dir.write("tests/test_a.py",
            "from app.cases import SnubaCase\n\nclass TestA(SnubaCase):\n    def test_one(self):\n        pass\n");
  const Classification result = classify_dir(dir);
  check_all_snuba(result, 1);
  // wave 1: the test; wave 2: app/cases.py; then mixins, deep and deeper as resolution meets them
  CHECK(result.stats.timings.waves == 2);
  CHECK(result.stats.timings.parsed_on_demand == 3);
  CHECK(result.stats.parsed_files == 5);
  CHECK(result.stats.skipped_files == 2);  // app/__init__.py and app/unrelated.py
}

TEST_CASE("after a wave of more than 64 files, what they need next is another parallel wave", "[classify][waves]") {
  const test::TempDir dir;
  write_deep_bases(dir);
  constexpr int kTests = 65;
  for (int i = 0; i < kTests; ++i) {
    dir.write(fmt::format("src/app/base_{}.py", i), fmt::format("from app.deep import Deep\n\nclass Base{}(Deep):\n    pass\n", i));
    dir.write(fmt::format("tests/test_{}.py", i),
              fmt::format("from app.base_{0} import Base{0}\n\nclass TestX(Base{0}):\n    def test_one(self):\n        pass\n", i));
  }
  const Classification result = classify_dir(dir);
  check_all_snuba(result, kTests);
  // wave 1: the tests; wave 2: the 65 bases; wave 3: app/deep.py; then app/deeper.py on demand
  CHECK(result.stats.timings.waves == 3);
  CHECK(result.stats.timings.parsed_on_demand == 1);
  CHECK(result.stats.parsed_files == 2 * kTests + 2);
}
