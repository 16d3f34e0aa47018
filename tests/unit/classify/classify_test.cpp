// classify()'s parse waves: the tests are parsed in a parallel wave; what they reach is parsed on
// demand while resolving, up to a number of bytes, and the rest in further parallel waves.
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

TEST_CASE("the bases a test reaches are parsed on demand as resolution meets them", "[classify][waves]") {
  const test::TempDir dir;
  write_deep_bases(dir);
  dir.write("src/app/cases.py", "from app.mixins import Mixin\n\nclass SnubaCase(Mixin):\n    pass\n");
  dir.write("src/app/mixins.py", "from app.deep import Deep\n\nclass Mixin(Deep):\n    pass\n");
  dir.write("tests/test_a.py",
            "from app.cases import SnubaCase\n\nclass TestA(SnubaCase):\n    def test_one(self):\n        pass\n");
  const Classification result = classify_dir(dir);
  check_all_snuba(result, 1);
  // one wave (the test), then cases, mixins, deep and deeper as resolution meets them
  CHECK(result.stats.timings.waves == 1);
  CHECK(result.stats.timings.parsed_on_demand == 4);
  CHECK(result.stats.parsed_files == 5);
  CHECK(result.stats.skipped_files == 2);  // app/__init__.py and app/unrelated.py
}

TEST_CASE("past 512 KiB parsed on demand, the files still needed go to a parallel wave", "[classify][waves]") {
  const test::TempDir dir;
  write_deep_bases(dir);
  constexpr int kTests = 40;
  const std::string padding(20'000, 'x');  // 40 bases of 20 KB: 800 KB in all
  for (int i = 0; i < kTests; ++i) {
    dir.write(fmt::format("src/app/base_{}.py", i),
              fmt::format("from app.deep import Deep\n\nPADDING = \"{}\"\n\nclass Base{}(Deep):\n    pass\n", padding, i));
    dir.write(fmt::format("tests/test_{}.py", i),
              fmt::format("from app.base_{0} import Base{0}\n\nclass TestX(Base{0}):\n    def test_one(self):\n        pass\n", i));
  }
  const Classification result = classify_dir(dir);
  check_all_snuba(result, kTests);
  // wave 1: the tests; deep, deeper and about 25 bases on demand; wave 2: the other bases
  CHECK(result.stats.timings.waves == 2);
  CHECK(result.stats.timings.parsed_on_demand > 2 + 20);
  CHECK(result.stats.timings.parsed_on_demand < 2 + 30);
  CHECK(result.stats.parsed_files == 2 * kTests + 2);
}
