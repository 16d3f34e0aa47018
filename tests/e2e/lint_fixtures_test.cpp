// `testtier lint` on corpus/lint/<CODE>/: exactly the `# expect:` lines are reported, and each
// output format equals the reviewed golden file. (tests/unit/lint/codes_test.cpp checks that every
// registered code has documentation, a fixture and golden files.)
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <regex>
#include <set>
#include <tuple>

#include "cli.hpp"

using namespace testtier::e2e;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const fs::path kLintCorpus = source_path("corpus/lint");

using Expected = std::set<std::tuple<std::string, int, std::string>>;  // path, line, code

/// Collect the `# expect: CODE [CODE...]` comments of every .py file under `root`, and the lines
/// of `root/expect.txt` ("path line code", line 0 for the whole file, path `-` for the run itself)
/// for findings no comment can sit beside (binary files, configuration, the cache).
Expected expected_findings(const fs::path& root) {
  Expected expected;
  std::ifstream listed(root / "expect.txt");
  std::string listed_path, listed_code;
  for (int line = 0; listed >> listed_path >> line >> listed_code;) {
    expected.emplace(listed_path == "-" ? "" : listed_path, line, listed_code);
  }
  const std::regex expect(R"(# expect: ((?:TT\d+ ?)+))");
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".py") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    int line_number = 0;
    for (std::string line; std::getline(in, line);) {
      ++line_number;
      std::smatch match;
      if (!std::regex_search(line, match, expect)) continue;
      std::istringstream codes(match[1].str());
      for (std::string code; codes >> code;) {
        expected.emplace(fs::relative(entry.path(), root).generic_string(), line_number, code);
      }
    }
  }
  return expected;
}

Expected reported_findings(const json& document) {
  Expected reported;
  for (const json& finding : document.at("findings")) {
    reported.emplace(finding.at("path"), finding.at("line").get<int>(), finding.at("code"));
  }
  return reported;
}

/// Return the arguments that lint the fixture of `code` with every code on and `format`. The
/// fixtures share one rules file, naming what each of them uses, so in any one fixture most of
/// its names appear nowhere: TT906 is left to its own fixture. The cache stays off (nothing is
/// written into the source tree) but in TT908's, whose case is a cache that cannot be used.
std::vector<std::string> lint_args(const std::string& code, const std::string& format) {
  std::vector<std::string> args = {"lint", "--select", "ALL", "--format", format};
  if (code != "TT908") args.emplace_back("--no-cache");
  if (code != "TT906") args.insert(args.end(), {"--ignore", "TT906"});
  return args;
}

/// Return the SARIF log `sarif` as its golden file holds it: without the rules (every code's
/// documentation, which tests/unit/report/lint_sarif_test.cpp compares with the registry) and
/// without each result's index into them, after checking that the index names the result's rule.
/// So a new code changes no fixture's golden file.
std::string without_rules(const std::string& sarif) {
  nlohmann::ordered_json log = nlohmann::ordered_json::parse(sarif);
  for (auto& run : log.at("runs")) {
    auto& rules = run.at("tool").at("driver").at("rules");
    for (auto& result : run.at("results")) {
      CHECK(rules.at(result.at("ruleIndex").get<std::size_t>()).at("id") == result.at("ruleId"));
      result.erase("ruleIndex");
    }
    rules = nlohmann::ordered_json::array();
  }
  return log.dump(2) + "\n";
}

std::vector<std::string> fixture_codes() {
  std::vector<std::string> codes;
  for (const auto& entry : fs::directory_iterator(kLintCorpus)) {
    if (entry.is_directory()) codes.push_back(entry.path().filename().string());
  }
  std::sort(codes.begin(), codes.end());
  return codes;
}

}  // namespace

TEST_CASE("lint reports exactly the lines each fixture expects", "[e2e][lint]") {
  for (const std::string& code : fixture_codes()) {
    INFO("fixture " << code);
    const fs::path root = kLintCorpus / code;
    const auto result = run_testtier(lint_args(code, "json"), root);
    const json document = json::parse(result.out);
    const bool failing = std::any_of(document.at("findings").begin(), document.at("findings").end(),
                                     [](const json& finding) { return finding.at("severity") != "note"; });
    CHECK(result.status == (failing ? 1 : 0));  // notes alone do not fail a run
    CHECK(reported_findings(document) == expected_findings(root));
  }
}

TEST_CASE("lint output of each fixture equals the reviewed golden files", "[e2e][lint]") {
  const std::vector<std::pair<std::string, std::string>> formats = {
      {"text", "text.txt"}, {"json", "lint.json"}, {"sarif", "lint.sarif"}, {"github", "github.txt"},
      {"markdown", "lint.md"}};
  for (const std::string& code : fixture_codes()) {
    for (const auto& [format, golden] : formats) {
      INFO("fixture " << code << ", format " << format);
      const fs::path root = kLintCorpus / code;
      const auto result = run_testtier(lint_args(code, format), root);
      CHECK((format == "sarif" ? without_rules(result.out) : result.out) == read_text(root / "expected" / golden));
    }
  }
}
