// `testtier report --html` on the Sentry-shaped corpus: the reviewed golden page, its counts
// against classify's and plan's own, and the page written whole or not at all.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <regex>

#include "cli.hpp"

using namespace testtier::e2e;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const fs::path kExpected = source_path("corpus/expected/sentry-like");

/// Return the number in attribute `name` of the first element matching `element` (a regex
/// prefix such as `<section id="summary"`), or -1.
long attribute(const std::string& page, const std::string& element, const std::string& name) {
  const std::regex pattern(element + "[^>]*\\b" + name + "=\"(\\d+)\"");
  std::smatch match;
  return std::regex_search(page, match, pattern) ? std::stol(match[1]) : -1;
}

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

/// Return `text` with the characters HTML reads as entities (what the page does to plain ASCII).
std::string escaped(const std::string& text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("report --html, cold then warm with the cache on, writes the reviewed golden page", "[e2e][report]") {
  const CorpusCopy corpus("corpus/sentry-like");
  const auto to_stdout = run_cold_then_warm({"report", "--quiet", "--shards", "2,snuba_tier=3", "--html", "-"},
                                            corpus.path());
  CHECK(to_stdout.status == 0);
  CHECK(to_stdout.out == read_text(kExpected / "report.html"));
  const auto to_file = run_testtier({"report", "--shards", "2,snuba_tier=3", "--html", "report.html"}, corpus.path());
  CHECK(to_file.status == 0);
  CHECK(to_file.out.empty());
  CHECK_THAT(to_file.err, Catch::Contains("TT901"));  // input problems on stderr, as classify prints them
  CHECK(read_text(corpus.path() / "report.html") == read_text(kExpected / "report.html"));
}

TEST_CASE("report --html: the page's counts are classify's and plan's", "[e2e][report]") {
  const CorpusCopy corpus("corpus/sentry-like");
  const auto report = run_testtier({"report", "-q", "--shards", "3", "--html", "out.html"}, corpus.path());
  REQUIRE(report.status == 0);
  const std::string page = read_text(corpus.path() / "out.html");
  const json classify = json::parse(run_testtier({"classify", "-q", "--format", "json"}, corpus.path()).out);
  const json plan = json::parse(run_testtier({"plan", "-q", "--shards", "3", "--format", "json"}, corpus.path()).out);
  const json& summary = classify.at("summary");
  CHECK(attribute(page, "<section id=\"summary\"", "data-files") == summary.at("files").get<long>());
  CHECK(attribute(page, "<section id=\"summary\"", "data-tests") == summary.at("tests").get<long>());
  for (const auto& [tier, tests] : summary.at("tier_counts").items()) {
    INFO(tier);
    const std::string row = "<tr class=\"tier\" data-tier=\"" + tier + "\"";
    CHECK(attribute(page, row, "data-test-count") == tests.get<long>());
    CHECK(attribute(page, row, "data-file-count") == summary.at("file_tier_counts").value(tier, 0L));
    CHECK(occurrences(page, "<details class=\"test\" data-tier=\"" + tier + "\"") == tests.get<std::size_t>());
  }
  const double saved = plan.at("startup_seconds_baseline").get<double>() - plan.at("startup_seconds_planned").get<double>();
  CHECK(saved > 0);
  CHECK(attribute(page, "<section id=\"startup\"", "data-saved-seconds") == std::lround(saved));
  std::size_t suspicious = 0;
  for (const json& file : classify.at("files")) suspicious += file.at("suspicious").size();
  CHECK(suspicious > 0);
  CHECK(attribute(page, "<section id=\"suspicious\"", "data-count") == long(suspicious));
  CHECK(occurrences(page, "<tr class=\"suspicious\">") == suspicious);
  CHECK(attribute(page, "<section id=\"diagnostics\"", "data-count") == long(classify.at("diagnostics").size()));
  // A test's folded chain is what `testtier explain` prints for it.
  const std::string id = "tests/sentry/api/endpoints/test_group_events.py::GroupEventsTest::test_empty_group";
  const auto explain = run_testtier({"explain", id}, corpus.path());
  REQUIRE(explain.status == 0);
  // The page leaves out where the call walk stopped, which explain alone records.
  const std::string chain = explain.out.substr(0, explain.out.find("  calls not followed"));
  CHECK(chain.size() < explain.out.size());
  CHECK_THAT(page, Catch::Contains("<pre>" + escaped(chain) + "</pre>"));
}

TEST_CASE("report --html from a subdirectory finds the root and writes where it was started", "[e2e][report]") {
  const CorpusCopy corpus("corpus/sentry-like");
  const auto result = run_testtier({"report", "-q", "--html", "page.html"}, corpus.path() / "tests" / "sentry");
  CHECK(result.status == 0);
  CHECK_THAT(read_text(corpus.path() / "tests" / "sentry" / "page.html"),
             Catch::Contains("<section id=\"summary\" data-files=\"29\" data-tests=\"89\">"));
  CHECK_FALSE(fs::exists(corpus.path() / "page.html"));
}

TEST_CASE("report --html: usage errors write nothing and leave an old page as it was", "[e2e][report]") {
  const CorpusCopy corpus("corpus/sentry-like");
  corpus.write("old.html", "old page\n");
  const auto missing = run_testtier({"report"}, corpus.path());
  CHECK(missing.status == 2);
  CHECK_THAT(missing.err, Catch::Contains("--html"));
  for (const std::vector<std::string>& args : {std::vector<std::string>{"--shards", "0"},
                                               std::vector<std::string>{"--shards", "nope=2"},
                                               std::vector<std::string>{"--durations", "nope.json"},
                                               std::vector<std::string>{"--rules", "nope.toml"}}) {
    std::vector<std::string> command = {"report", "-q", "--html", "old.html"};
    command.insert(command.end(), args.begin(), args.end());
    INFO(args.front() << " " << args.back());
    CHECK(run_testtier(command, corpus.path()).status == 2);
    CHECK(read_text(corpus.path() / "old.html") == "old page\n");
  }
  // Not over a directory, nor over one of the run's inputs.
  fs::create_directory(corpus.path() / "adir");
  const auto directory = run_testtier({"report", "-q", "--html", "adir"}, corpus.path());
  CHECK(directory.status == 2);
  CHECK_THAT(directory.err, Catch::Contains("a directory"));
  const std::string conftest = read_text(corpus.path() / "conftest.py");
  const auto input = run_testtier({"report", "-q", "--html", "conftest.py"}, corpus.path());
  CHECK(input.status == 2);
  CHECK(read_text(corpus.path() / "conftest.py") == conftest);
}

TEST_CASE("report --html on a repository without tests writes a whole page and warns", "[e2e][report]") {
  const TemporaryDirectory dir;
  dir.write("pyproject.toml", "[tool.pytest.ini_options]\n");
  const auto result = run_testtier({"report", "--html", "page.html"}, dir.path());
  CHECK(result.status == 0);
  CHECK_THAT(result.err, Catch::Contains("no test file checked"));
  const std::string page = read_text(dir.path() / "page.html");
  CHECK_THAT(page, Catch::Contains("data-files=\"0\" data-tests=\"0\"") && Catch::EndsWith("</html>\n"));
}

TEST_CASE("report --html: hostile file names are escaped on the page", "[e2e][report][robust]") {
  const TemporaryDirectory dir;
  dir.write("pyproject.toml", "[tool.pytest.ini_options]\npython_files = [\"test_*.py\"]\n");
  const std::string name = "tests/test_<img src=x onerror=alert(1)>\"&'\xFF\n.py";
  dir.write(name, "def test_a():\n    pass\n");
  const auto result = run_cold_then_warm({"report", "-q", "--html", "-"}, dir.path());
  REQUIRE(result.status == 0);
  CHECK_THAT(result.out, Catch::Contains("data-files=\"1\" data-tests=\"1\""));
  CHECK_THAT(result.out, !Catch::Contains("<img") && !Catch::Contains("\"&'"));  // "src=" stays, as text
  CHECK_THAT(result.out,
             Catch::Contains("<code>tests/test_&lt;img src=x onerror=alert(1)&gt;&quot;&amp;&#39;\\xFF\\n.py</code>"));
}
