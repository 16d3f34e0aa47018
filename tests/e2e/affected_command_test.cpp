// `testtier affected` on copies of corpus/affected (one committed to a git repository the test
// builds itself), with the cache on as users run it: each run twice, cold then warm.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>

#include "cli.hpp"

using namespace testtier::e2e;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

/// A copy of corpus/affected committed to a fresh git repository.
struct GitRepository {
  TemporaryDirectory dir;

  GitRepository() {
    fs::copy(source_path("corpus/affected"), dir.path(), fs::copy_options::recursive);
    git("init -q -b main");
    git("add -A");
    git("-c user.name=t -c user.email=t@t commit -q -m initial");
  }
  void git(const std::string& arguments) const {
    const std::string command = "git -C '" + dir.path().string() + "' " + arguments + " >/dev/null 2>&1";
    REQUIRE(std::system(command.c_str()) == 0);
  }
  void append(const std::string& path, const std::string& text) const {
    std::ofstream(dir.path() / path, std::ios::app) << text;
  }
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
    lines.push_back(text.substr(start, end - start));
  }
  return lines;
}

}  // namespace

TEST_CASE("affected: a changed module selects its importers, directly and transitively", "[e2e][affected]") {
  const CorpusCopy corpus("corpus/affected");
  const auto result = run_cold_then_warm({"affected", "--changed", "src/app/utils/strings.py"}, corpus.path());
  REQUIRE(result.status == 0);
  CHECK(lines_of(result.out) ==
        std::vector<std::string>{"tests/app/test_api.py", "tests/app/test_models.py", "tests/other/test_strings.py"});
}

TEST_CASE("affected: the json format says why each file was selected", "[e2e][affected]") {
  const CorpusCopy corpus("corpus/affected");
  const auto result = run_cold_then_warm({"affected", "--format", "json", "--root", corpus.path().string(), "--changed",
                                          "src/app/utils/strings.py"},
                                         {}, corpus.path());
  REQUIRE(result.status == 0);
  const json document = json::parse(result.out);
  CHECK(document.at("run_all") == false);
  const json& api = document.at("test_files").at(0);
  CHECK(api.at("path") == "tests/app/test_api.py");
  CHECK(api.at("why") == "imports app.api (src/app/api.py) -> imports app.models (src/app/models.py) -> "
                         "imports app.utils.strings (src/app/utils/strings.py)");
  CHECK(document.at("tests_to_run").size() == 4);
  CHECK(result.out == read_text(source_path("corpus/expected/affected/strings.json")));
}

TEST_CASE("affected: import cycles, conftest changes and changed test files", "[e2e][affected]") {
  const CorpusCopy corpus("corpus/affected");
  const auto cycle = run_cold_then_warm({"affected", "--changed", "src/app/cycle_b.py"}, corpus.path());
  CHECK(lines_of(cycle.out) == std::vector<std::string>{"tests/other/test_cycle.py"});
  const auto conftest = run_cold_then_warm({"affected", "--changed", "tests/app/conftest.py"}, corpus.path());
  CHECK(lines_of(conftest.out) == std::vector<std::string>{"tests/app/test_api.py", "tests/app/test_models.py"});
  const auto itself = run_cold_then_warm({"affected", "--changed", "tests/other/test_alone.py"}, corpus.path());
  CHECK(lines_of(itself.out) == std::vector<std::string>{"tests/other/test_alone.py"});
}

TEST_CASE("affected: a run_all file selects everything and says why", "[e2e][affected]") {
  const CorpusCopy corpus("corpus/affected");
  const auto result = run_cold_then_warm({"affected", "--changed", "requirements.txt"}, corpus.path());
  REQUIRE(result.status == 0);
  CHECK(lines_of(result.out).size() == 5);
  CHECK_THAT(result.err, Catch::Contains("requirements.txt matches select.run_all `requirements*.txt`"));
}

TEST_CASE("affected --since asks git, with renames and deletions", "[e2e][affected]") {
  const GitRepository repo;
  repo.append("src/app/models.py", "\n# touched\n");
  auto result = run_cold_then_warm({"affected", "--since", "HEAD"}, repo.dir.path());
  REQUIRE(result.status == 0);
  CHECK(lines_of(result.out) == std::vector<std::string>{"tests/app/test_api.py", "tests/app/test_models.py"});

  repo.git("checkout -q -- .");
  repo.git("mv src/app/utils/strings.py src/app/utils/text.py");
  result = run_cold_then_warm({"affected", "--since", "HEAD"}, repo.dir.path());
  CHECK(lines_of(result.out) ==
        std::vector<std::string>{"tests/app/test_api.py", "tests/app/test_models.py", "tests/other/test_strings.py"});

  repo.git("reset -q --hard");
  repo.git("rm -q src/app/cycle_a.py");
  result = run_cold_then_warm({"affected", "--since", "HEAD"}, repo.dir.path());
  CHECK(lines_of(result.out) == std::vector<std::string>{"tests/other/test_cycle.py"});

  const auto bad = run_testtier({"affected", "--since", "no-such-ref"}, repo.dir.path());
  CHECK(bad.status == 2);
}

TEST_CASE("affected: Codecov ATS dry-run formats", "[e2e][affected]") {
  const CorpusCopy corpus("corpus/affected");
  const auto as_json =
      run_cold_then_warm({"affected", "--format", "codecov-json", "--changed", "tests/other/test_alone.py"}, corpus.path());
  REQUIRE(as_json.status == 0);
  CHECK(as_json.out == read_text(source_path("corpus/expected/affected/codecov.json")));
  const auto as_lines =
      run_cold_then_warm({"affected", "--format", "codecov", "--changed", "tests/other/test_alone.py"}, corpus.path());
  CHECK(as_lines.out == read_text(source_path("corpus/expected/affected/codecov.txt")));
}

TEST_CASE("affected without any change given is a usage error", "[e2e][affected]") {
  const auto result = run_testtier({"affected", "--root", source_path("corpus/affected").string()});
  CHECK(result.status == 2);
  CHECK_THAT(result.err, Catch::Contains("--changed"));
}

TEST_CASE("affected with the cache on, cold then warm, with a file no test reaches (issue 15.1)", "[e2e][affected]") {
  // The run's facts cache used to be destroyed while the store parsing the import graph still
  // pointed at it: SIGSEGV on the default path.
  const TemporaryDirectory dir;
  dir.write("tests/test_ok.py", "def test_ok(): pass\n");
  dir.write("tests/helper.py", "x = 1\n");
  const auto result = run_cold_then_warm({"affected", "--changed", "tests/test_ok.py"}, dir.path());
  CHECK(result.status == 0);
  CHECK(result.out == "tests/test_ok.py\n");
  CHECK(result.err.empty());
  // An edit after the warm run: the edited file is parsed again, the rest comes from the cache.
  dir.write("tests/helper.py", "x = 2\n");
  const auto edited = run_testtier({"affected", "--changed", "tests/helper.py"}, dir.path());
  CHECK(edited.status == 0);
  CHECK(edited.out.empty());
}
