// ruff's habits in `testtier lint`: --statistics, the rules' [lint] table (select, extend-select,
// ignore, per-file-ignores; also [tool.testtier.lint]) combined with the flags as ruff combines
// them, and `# noqa` comments.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "cli.hpp"

using namespace testtier::e2e;
using nlohmann::json;

namespace {

/// Return the (path, code) of every finding of a `--format json` document.
std::multiset<std::pair<std::string, std::string>> findings_of(const std::string& out) {
  std::multiset<std::pair<std::string, std::string>> findings;
  const json document = json::parse(out);  // kept alive: the loop below reads into it
  for (const json& f : document.at("findings")) findings.emplace(f.at("path"), f.at("code"));
  return findings;
}

/// Return the codes among `findings`.
std::set<std::string> codes_of(const std::multiset<std::pair<std::string, std::string>>& findings) {
  std::set<std::string> codes;
  for (const auto& [path, code] : findings) codes.insert(code);
  return codes;
}

/// A copy of the sample corpus whose testtier.toml ends with `lint_table`.
struct CorpusWithLint : CorpusCopy {
  explicit CorpusWithLint(const std::string& lint_table) : CorpusCopy("corpus/sentry-like") {
    std::ofstream(path() / "testtier.toml", std::ios::app) << "\n" << lint_table;
  }
};

/// A small repository whose rules live in pyproject.toml: `redis_call()` infers redis, which
/// nothing declares (TT001 at each call).
struct PyprojectRepo : TemporaryDirectory {
  explicit PyprojectRepo(const std::string& lint_table) {
    write("pyproject.toml", R"([tool.testtier]
version = 1
[tool.testtier.services.redis]
[[tool.testtier.signal]]
call = ["redis_call"]
needs = ["redis"]
[[tool.testtier.tier]]
name = "everything"
provides = ["*"]
)" + lint_table);
  }
};

}  // namespace

TEST_CASE("lint --statistics: one line per code, most frequent first, counts as the findings", "[e2e][lint][statistics]") {
  const CorpusCopy corpus("corpus/sentry-like");
  const auto findings = run_testtier({"lint", "--format", "json"}, corpus.path());
  std::map<std::string, std::pair<std::string, int>> counts;  // code -> (name, count)
  const json document = json::parse(findings.out);
  for (const json& f : document.at("findings")) {
    counts[f.at("code")].first = f.at("name");
    ++counts[f.at("code")].second;
  }
  std::vector<std::tuple<int, std::string, std::string>> rows;
  for (const auto& [code, entry] : counts) rows.emplace_back(-entry.second, code, entry.first);
  std::sort(rows.begin(), rows.end());
  REQUIRE(rows.size() > 2);
  std::string expected;
  const std::size_t width = std::to_string(-std::get<0>(rows.front())).size();
  for (const auto& [count, code, name] : rows) {
    const std::string number = std::to_string(-count);
    expected += std::string(width - number.size(), ' ') + number + "  " + code + "  " + name + "\n";
  }
  const auto statistics = run_cold_then_warm({"lint", "--statistics"}, corpus.path());
  CHECK(statistics.status == findings.status);
  CHECK(statistics.status == 1);
  CHECK(statistics.out == expected);
  CHECK_THAT(statistics.out, Catch::StartsWith("9  TT001  undeclared-service\n"));  // the README's nine TT001
  const auto clean = run_testtier({"lint", "--statistics", "tests/sentry/utils/test_json.py"}, corpus.path());
  CHECK(clean.status == 0);
  CHECK(clean.out.empty());
  const auto with_format = run_testtier({"lint", "--statistics", "--format", "json"}, corpus.path());
  CHECK(with_format.status == 2);
  CHECK_THAT(with_format.err, Catch::Contains("--statistics"));
}

TEST_CASE("[lint] select and ignore in testtier.toml choose the codes", "[e2e][lint][settings]") {
  const auto all = findings_of(run_testtier({"lint", "--format", "json"}, CorpusCopy("corpus/sentry-like").path()).out);
  REQUIRE(codes_of(all) == std::set<std::string>{"TT001", "TT002", "TT901", "TT902", "TT906"});

  const CorpusWithLint ignore_tt9("[lint]\nignore = [\"TT9\"]\n");
  const auto without_tt9 = run_cold_then_warm({"lint", "--format", "json"}, ignore_tt9.path());
  CHECK(codes_of(findings_of(without_tt9.out)) == std::set<std::string>{"TT001", "TT002"});

  const CorpusWithLint select_tt001("[lint]\nselect = [\"tt001\"]\n");
  const auto only_tt001 = findings_of(run_testtier({"lint", "--format", "json"}, select_tt001.path()).out);
  CHECK(only_tt001.size() == 9);  // the README's nine TT001, nothing else
  CHECK(codes_of(only_tt001) == std::set<std::string>{"TT001"});
  // Flags after the file, as ruff: --select replaces, --extend-select and --ignore change it.
  CHECK(codes_of(findings_of(run_testtier({"lint", "--format", "json", "--select", "TT002"}, select_tt001.path()).out)) ==
        std::set<std::string>{"TT002"});
  CHECK(codes_of(findings_of(
            run_testtier({"lint", "--format", "json", "--extend-select", "TT901"}, select_tt001.path()).out)) ==
        std::set<std::string>{"TT001", "TT901"});
  const auto ignored = run_testtier({"lint", "--format", "json", "--ignore", "TT001"}, select_tt001.path());
  CHECK(findings_of(ignored.out).empty());
  CHECK(ignored.status == 0);
}

TEST_CASE("[lint] per-file-ignores: globs on root-relative paths", "[e2e][lint][settings]") {
  const CorpusWithLint corpus("[lint.per-file-ignores]\n\"tests/sentry/tsdb/**\" = [\"TT001\"]\n\"testtier.toml\" = [\"TT9\"]\n");
  const auto findings = findings_of(run_cold_then_warm({"lint", "--format", "json"}, corpus.path()).out);
  CHECK(findings.count({"tests/sentry/tsdb/test_redissnuba.py", "TT001"}) == 0);
  CHECK(findings.count({"testtier.toml", "TT906"}) == 0);
  CHECK(findings.count({"tests/sentry/api/endpoints/test_event_owners.py", "TT001"}) == 1);
  CHECK(findings.count({"tests/sentry/discover/test_raw_counts.py", "TT001"}) == 1);
  CHECK(findings.count({"tests/sentry/test_broken_syntax.py", "TT901"}) == 1);
  // --select does not bring back what per-file-ignores drop (ruff's too).
  const auto selected = findings_of(run_testtier({"lint", "--format", "json", "--select", "TT001"}, corpus.path()).out);
  CHECK(selected.count({"tests/sentry/tsdb/test_redissnuba.py", "TT001"}) == 0);
  CHECK(selected.size() == 7);  // the README's nine TT001 but the two in tsdb/
}

TEST_CASE("an unknown code in [lint] is a located rules error for every command, never a crash", "[e2e][lint][settings]") {
  const CorpusWithLint corpus("[lint]\nselect = [\"TT001\", \"TT01x\"]\n");
  std::ifstream rules(corpus.path() / "testtier.toml");
  std::size_t lines = 0;
  for (std::string line; std::getline(rules, line);) ++lines;
  const std::string where = "testtier.toml:" + std::to_string(lines) + ":20: error: unknown lint code or prefix `TT01x`";
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{{"lint"}, {"classify"}, {"config"}}) {
    INFO(args.front());
    const auto result = run_testtier(args, corpus.path());
    CHECK(result.status == 2);
    CHECK_THAT(result.err, Catch::Contains(where));
    CHECK(result.out.empty());
  }
}

TEST_CASE("[tool.testtier.lint] in pyproject.toml, and config shows the lint settings", "[e2e][lint][settings]") {
  const PyprojectRepo repo("[tool.testtier.lint]\nextend-select = [\"TT003\"]\nper-file-ignores = { \"tests/legacy/**\" = [\"TT001\"] }\n");
  repo.write("tests/test_a.py", "def test_a():\n    redis_call()\n");
  repo.write("tests/legacy/test_b.py", "def test_b():\n    redis_call()\n");
  const auto result = run_cold_then_warm({"lint", "--format", "json"}, repo.path());
  CHECK(result.status == 1);
  CHECK(findings_of(result.out) == std::multiset<std::pair<std::string, std::string>>{{"tests/test_a.py", "TT001"}});
  const auto config = run_testtier({"config"}, repo.path());
  CHECK(config.status == 0);
  CHECK_THAT(config.out, Catch::Contains("[lint]\n"));
  CHECK_THAT(config.out, Catch::Contains("extend-select = [\"TT003\"]"));
  CHECK_THAT(config.out, Catch::Contains("pyproject.toml:11"));
  CHECK_THAT(config.out, Catch::Contains("[lint.per-file-ignores]\n\"tests/legacy/**\" = [\"TT001\"]"));
  CHECK_THAT(config.out, Catch::Contains("# codes reported: TT001, TT002, TT003, TT004, TT901"));
}

TEST_CASE("# noqa silences TT findings on its line, another tool's code does not", "[e2e][lint][noqa]") {
  const PyprojectRepo repo("");
  // One call per test: each is its own finding.
  repo.write("tests/test_noqa.py",
             "def test_1():\n"
             "    redis_call()  # noqa: TT001\n"
             "def test_2():\n"
             "    redis_call()  # noqa: E501\n"
             "def test_3():\n"
             "    redis_call()  # noqa\n"
             "def test_4():\n"
             "    redis_call()  # NOQA:TT002,TT001\n"
             "def test_5():\n"
             "    redis_call()  # noqa: F401 TT001\n"
             "def test_6():\n"
             "    redis_call()  # noqa: TT01\n"
             "def test_7():\n"
             "    redis_call()\n"
             "def test_8():  # noqa\n"
             "    redis_call()\n");
  const auto result = run_cold_then_warm({"lint", "--format", "json"}, repo.path());
  CHECK(result.status == 1);
  const json document = json::parse(result.out);
  std::multiset<std::pair<int, std::string>> found;
  for (const json& f : document.at("findings")) found.emplace(f.at("line").get<int>(), f.at("code"));
  CHECK(found == std::multiset<std::pair<int, std::string>>{{4, "TT001"}, {12, "TT001"}, {12, "TT004"}, {14, "TT001"},
                                                            {16, "TT001"}});
  CHECK(document.at("suppressed") == 4);
  const auto text = run_testtier({"lint"}, repo.path());
  CHECK_THAT(text.out, Catch::Contains("(4 suppressed)"));
  CHECK_THAT(text.out, Catch::Contains("`TT01` in `# noqa: ...` is not a testtier code"));
}
