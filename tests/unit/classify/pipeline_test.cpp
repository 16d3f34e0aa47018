// The pipeline (classify/pipeline.cpp): the tests are parsed in a parallel wave; what they reach is
// parsed on demand while resolving, up to a number of bytes, and the rest in further parallel waves;
// and its output does not depend on the thread count or the order files are asked for in.
#include <catch2/catch.hpp>

#include <algorithm>

#include <fmt/format.h>

#include "../rules/temp_dir.hpp"
#include "testtier/classify.hpp"
#include "testtier/lint.hpp"
#include "testtier/lint_report.hpp"
#include "testtier/report.hpp"
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

namespace {

/// Every writer's bytes for `result`, in one string, to compare runs by.
std::string every_format(const Classification& result) {
  return classification_to_json(result, {.test_reasons = true}) + classification_to_text(result) +
         classification_to_sentry(result) + classification_to_csv(result);
}

std::vector<std::string> test_files_of(const Classification& result) {
  std::vector<std::string> paths;
  for (const FileResult& file : result.files) paths.push_back(file.path);
  return paths;
}

}  // namespace

TEST_CASE("classify and every writer give the same bytes on any thread count and file order",
          "[classify][determinism]") {
  const std::filesystem::path corpus = std::filesystem::path(TESTTIER_SOURCE_DIR) / "corpus/sentry-like";
  const Rules rules = load_rules_file(corpus / "testtier.toml");
  ClassifyOptions options;
  options.threads = 1;
  const Classification one_thread = classify(corpus, rules, options);
  REQUIRE(one_thread.files.size() > 10);
  const std::string expected = every_format(one_thread);
  for (const unsigned threads : {2u, 7u}) {
    INFO(threads << " threads");
    options.threads = threads;
    CHECK(every_format(classify(corpus, rules, options)) == expected);
  }
  // The files asked for in path order, reversed, then interleaved: the output stays in path order.
  // (Some files only: the run-wide checks, TT906, are left out, so the orders are compared.)
  std::vector<std::string> files = test_files_of(one_thread);
  options.only_files = files;
  const Classification in_order = classify(corpus, rules, options);
  CHECK(in_order.files == one_thread.files);
  const std::string expected_in_order = every_format(in_order);
  std::reverse(files.begin(), files.end());
  options.only_files = files;
  CHECK(every_format(classify(corpus, rules, options)) == expected_in_order);
  std::stable_partition(files.begin(), files.end(), [](const std::string& path) { return path.size() % 2 == 0; });
  options.only_files = files;
  CHECK(every_format(classify(corpus, rules, options)) == expected_in_order);
}

TEST_CASE("lint gives the same bytes on any thread count and file order", "[classify][determinism]") {
  const std::filesystem::path corpus = std::filesystem::path(TESTTIER_SOURCE_DIR) / "corpus/sentry-like";
  const Rules rules = load_rules_file(corpus / "testtier.toml");
  LintOptions options;
  options.select = {"ALL"};
  options.classify.threads = 1;
  const LintResult one_thread = lint(corpus, rules, options);
  REQUIRE_FALSE(one_thread.findings.empty());
  const auto every_lint_format = [](const LintResult& result) {
    return lint_to_text(result) + lint_to_json(result) + lint_to_sarif(result) + lint_to_github(result);
  };
  const std::string expected = every_lint_format(one_thread);
  options.classify.threads = 5;
  CHECK(every_lint_format(lint(corpus, rules, options)) == expected);
  std::vector<std::string> files;
  for (const Finding& finding : one_thread.findings) files.push_back(finding.path);
  files.erase(std::unique(files.begin(), files.end()), files.end());
  files.push_back("tests");  // and everything else, after them
  // Some files only: the run-wide checks (TT906) are left out, so compare two orders of them.
  options.classify.only_files = files;
  const std::string in_order = every_lint_format(lint(corpus, rules, options));
  CHECK_THAT(in_order, Catch::Contains("TT001"));
  std::reverse(files.begin(), files.end());
  options.classify.only_files = files;
  CHECK(every_lint_format(lint(corpus, rules, options)) == in_order);
}
