// Bad input and hostile file systems (issue 15): each case built here, in a temporary tree, and
// run as a user would (the cache on); none may crash, hang or lose output.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "cli.hpp"

using namespace testtier::e2e;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

/// A repository with one test file and a helper module, and nothing else.
struct SmallRepository {
  TemporaryDirectory dir;
  SmallRepository() {
    dir.write("tests/test_ok.py", "def test_ok():\n    pass\n");
    dir.write("tests/helper.py", "x = 1\n");
  }
  const fs::path& path() const { return dir.path(); }
};

/// Small valid rules: a cheap tier and one that provides everything.
const std::string kRules =
    "version = 1\n[services.postgres]\nports = [5432]\n[[signal]]\nfixture = [\"db\"]\nneeds = [\"postgres\"]\n"
    "[[tier]]\nname = \"no_services\"\nprovides = []\n[[tier]]\nname = \"everything\"\nprovides = [\"*\"]\n";

/// Return whether the run ended by itself with a status the CLI documents (0, 1 or 2).
bool exited_cleanly(const CliResult& result) { return result.status >= 0 && result.status <= 2; }

/// Run `command` with sh, returning its exit status.
int shell(const std::string& command) { return std::system(command.c_str()); }

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

}  // namespace

TEST_CASE("a bad python_files glob in any pytest configuration is a located TT907 warning (issue 15.2)",
          "[e2e][robust]") {
  struct Config {
    std::string file, text, where;
  };
  for (const std::string pattern : {"test_[.py", "", "[z-a]*.py", "//", "/"}) {
    const std::vector<Config> configs = {
        {"pytest.ini", "[pytest]\npython_files = \"" + pattern + "\"\n", "pytest.ini:2:1: warning:"},
        {".pytest.ini", "[pytest]\npython_files = \"" + pattern + "\"\n", ".pytest.ini:2:1: warning:"},
        {"tox.ini", "[pytest]\npython_files = \"" + pattern + "\"\n", "tox.ini:2:1: warning:"},
        {"setup.cfg", "[tool:pytest]\npython_files = \"" + pattern + "\"\n", "setup.cfg:2:1: warning:"},
        {"pyproject.toml", "[tool.pytest.ini_options]\npython_files = [\"" + pattern + "\"]\n",
         "pyproject.toml:2:16: warning:"},
    };
    for (const Config& config : configs) {
      INFO(config.file << " with python_files `" << pattern << "`");
      const SmallRepository repo;
      repo.dir.write(config.file, config.text);
      const auto classify = run_cold_then_warm({"classify", "--format", "csv"}, repo.path());
      CHECK(classify.status == 0);
      CHECK_THAT(classify.err, Catch::Contains(config.where) && Catch::Contains("the pattern is ignored [TT907]"));
      CHECK_THAT(classify.out, Catch::Contains("tests/test_ok.py::test_ok"));  // pytest's defaults then
      if (pattern != "test_[.py") continue;  // every command once per file kind (the sanitized run is slow)
      const auto lint = run_testtier({"lint"}, repo.path());
      CHECK(exited_cleanly(lint));
      CHECK_THAT(lint.out, Catch::Contains(config.file) && Catch::Contains("TT907"));
      CHECK(run_testtier({"explain", "tests/test_ok.py"}, repo.path()).status == 0);
      CHECK(run_testtier({"plan"}, repo.path()).status == 0);
      CHECK(run_testtier({"affected", "--changed", "tests/helper.py"}, repo.path()).status == 0);
    }
  }
}

TEST_CASE("a thread count beyond the cores is clamped silently (issue 15.4)", "[e2e][robust]") {
  const SmallRepository repo;
  // Without the cache: -j changes the parse, which a reused result would skip.
  const auto one = run_testtier({"classify", "--no-cache", "-q", "-j", "1"}, repo.path());
  for (const std::string jobs : {"64", "1000000", "2147483647"}) {
    INFO("-j " << jobs);
    const auto many = run_testtier({"classify", "--no-cache", "-q", "-j", jobs}, repo.path());
    CHECK(many.status == 0);
    CHECK(many.out == one.out);
    CHECK(many.err.empty());  // no TBB warning
    const auto facts = run_testtier({"facts", "-j", jobs, "tests/test_ok.py"}, repo.path());
    CHECK(facts.status == 0);
    CHECK(facts.err.empty());
  }
}

TEST_CASE("a closed or full stderr does not stop the run or its -o file (issue 15.5)", "[e2e][robust]") {
  const SmallRepository repo;
  repo.dir.write("tests/test_broken.py", "def test_broken(:\n");  // a TT901 diagnostic to print
  for (const std::string redirect : {"2>&-", "2>/dev/full"}) {
    INFO(redirect);
    fs::remove(repo.path() / "out.json");
    const std::string command = "cd " + quoted(repo.path()) + " && " + TESTTIER_BINARY + " classify -o out.json " +
                                redirect;
    CHECK(shell(command) == 0);
    CHECK_THAT(read_text(repo.path() / "out.json"), Catch::Contains("tests/test_ok.py::test_ok"));
    const std::string lint = "cd " + quoted(repo.path()) + " && " + TESTTIER_BINARY + " lint -o lint.txt " + redirect;
    CHECK(WEXITSTATUS(shell(lint)) == 1);
    CHECK_THAT(read_text(repo.path() / "lint.txt"), Catch::Contains("TT901"));
  }
}

TEST_CASE("an unreadable or binary or oversize test file goes to the safest tier and is flagged (issue 15.10)",
          "[e2e][robust]") {
  const SmallRepository repo;
  repo.dir.write("tests/test_binary.py", std::string("def test_a():\n    x = '\0'\n", 26));
  repo.dir.write("tests/test_big.py", "# " + std::string(9u << 20, 'x') + "\n");
  repo.dir.write("testtier.toml", kRules);
  const auto result = run_cold_then_warm({"classify", "--format", "json"}, repo.path());
  REQUIRE(result.status == 0);
  const json document = json::parse(result.out);
  std::map<std::string, json> files;
  for (const json& file : document.at("files")) files[file.at("path")] = file;
  for (const std::string path : {"tests/test_binary.py", "tests/test_big.py"}) {
    INFO(path);
    REQUIRE(files.contains(path));
    CHECK(files[path].at("tier") == "everything");
    CHECK_THAT(files[path].dump(), Catch::Contains("not parsed"));
  }
  CHECK(files["tests/test_ok.py"].at("tier") == "no_services");
  const auto plan = run_cold_then_warm({"plan", "--format", "json"}, repo.path());
  CHECK_THAT(plan.out, Catch::Contains("tests/test_binary.py") && Catch::Contains("tests/test_big.py"));
  const auto sentry = run_testtier({"classify", "--format", "sentry"}, repo.path());
  CHECK_THAT(sentry.out, Catch::Contains("tests/test_binary.py"));
}

TEST_CASE("FIFOs are refused and never opened for reading (issue 15.7)", "[e2e][robust]") {
  for (const std::string name : {"pytest.ini", "pyproject.toml", "setup.cfg", "testtier.toml"}) {
    INFO(name);
    const SmallRepository repo;
    REQUIRE(::mkfifo((repo.path() / name).c_str(), 0644) == 0);
    const auto result = run_testtier({"classify", "--format", "csv"}, repo.path());
    CHECK(exited_cleanly(result));
    CHECK_THAT(result.err, Catch::Contains("FIFO"));
  }
  const SmallRepository repo;
  REQUIRE(::mkfifo((repo.path() / "fifo").c_str(), 0644) == 0);
  REQUIRE(::mkfifo((repo.path() / "tests/test_fifo.py").c_str(), 0644) == 0);
  const auto facts = run_testtier({"facts", "fifo"}, repo.path());
  CHECK(exited_cleanly(facts));
  CHECK_THAT(facts.out, Catch::Contains("a FIFO, not a regular file"));
  const auto rules = run_testtier({"classify", "--rules", "fifo"}, repo.path());
  CHECK(rules.status == 2);
  CHECK_THAT(rules.err, Catch::Contains("FIFO"));
  const auto lint = run_testtier({"lint", "fifo"}, repo.path());
  CHECK(lint.status == 2);
  CHECK_THAT(lint.err, Catch::Contains("a FIFO"));
  const auto classify = run_testtier({"classify", "--format", "csv"}, repo.path());  // a FIFO test file
  CHECK(classify.status == 0);  // discovery lists regular files only: never opened
  CHECK_THAT(classify.out, Catch::Contains("tests/test_ok.py::test_ok") && !Catch::Contains("test_fifo"));
  const auto durations = run_testtier({"plan", "--durations", "/dev/zero"}, repo.path());
  CHECK(durations.status == 2);
  CHECK_THAT(durations.err, Catch::Contains("character device"));
}

TEST_CASE("plan reads JUnit XML with a real parser and names that are not UTF-8 (issue 15.3)", "[e2e][robust]") {
  const SmallRepository repo;
  const std::string odd_name = "tests/test_\xff\xfe.py";
  repo.dir.write(odd_name, "def test_odd():\n    pass\n");
  for (const std::string format : {"json", "github-matrix"}) {
    const auto result = run_cold_then_warm({"plan", "--format", format}, repo.path());
    CHECK(result.status == 0);
    CHECK_NOTHROW(json::parse(result.out));
    CHECK_THAT(result.out, Catch::Contains("tests/test_\\\\xFF\\\\xFE.py::test_odd"));
  }
  const std::string long_attribute(200000, 'a');
  repo.dir.write("junit.xml", "<?xml version=\"1.0\"?>\n<testsuites><testsuite name=\"s\">\n"
                              "<testcase classname=\"tests.test_ok\" name=\"test_ok\" time=\"1.5\" note=\"" +
                                  long_attribute + "\"/>\n<testcase classname='tests.test_ok' name='test_x' time='2'>"
                                  "<skipped/></testcase></testsuite></testsuites>\n");
  const auto junit = run_testtier({"plan", "--durations", "junit.xml", "--format", "json"}, repo.path());
  CHECK(junit.status == 0);
  CHECK_THAT(junit.out, Catch::Contains("\"balanced_by\": \"durations\""));
  repo.dir.write("bad.xml", "<testsuites><testcase name='x' time='1'></testsuites>");
  const auto bad = run_testtier({"plan", "--durations", "bad.xml"}, repo.path());
  CHECK(bad.status == 2);
  CHECK_THAT(bad.err, Catch::Contains("bad.xml"));
}

TEST_CASE("the output file is a regular file reached through symlinks and never an input (issue 15.11)", "[e2e][robust]") {
  const SmallRepository repo;
  REQUIRE(::mkfifo((repo.path() / "fifo").c_str(), 0644) == 0);
  const auto fifo = run_testtier({"classify", "-o", "fifo"}, repo.path());
  CHECK(fifo.status == 2);
  CHECK_THAT(fifo.err, Catch::Contains("a FIFO"));
  CHECK(fs::is_fifo(repo.path() / "fifo"));
  const auto device = run_testtier({"classify", "-o", "/dev/null"}, repo.path());
  CHECK(device.status == 2);
  CHECK_THAT(device.err, Catch::Contains("a character device"));
  const auto directory = run_testtier({"classify", "-o", "tests"}, repo.path());
  CHECK(directory.status == 2);

  fs::create_directory(repo.path() / "reports");
  repo.dir.write("reports/real.json", "old\n");
  fs::create_symlink("reports/real.json", repo.path() / "link.json");
  const auto through = run_testtier({"classify", "-o", "link.json"}, repo.path());
  CHECK(through.status == 0);
  CHECK(fs::is_symlink(repo.path() / "link.json"));
  CHECK_THAT(read_text(repo.path() / "reports/real.json"), Catch::Contains("tests/test_ok.py"));

  for (const std::string input : {"tests/test_ok.py", "tests/helper.py", "testtier.toml"}) {
    INFO(input);
    if (input == "testtier.toml") repo.dir.write(input, kRules);
    const std::string before = read_text(repo.path() / input);
    const auto refused = run_testtier({"classify", "-o", input}, repo.path());
    CHECK(refused.status == 2);
    CHECK_THAT(refused.err, Catch::Contains("inputs"));
    CHECK(read_text(repo.path() / input) == before);
  }
  const TemporaryDirectory elsewhere;
  const fs::path rules = elsewhere.write("rules.toml", kRules);
  const auto rules_file = run_testtier({"lint", "--rules", rules.string(), "-o", rules.string()}, repo.path());
  CHECK(rules_file.status == 2);
  CHECK(read_text(rules) == kRules);
  CHECK(run_testtier({"classify", "-o", "-"}, repo.path()).status == 0);
}

TEST_CASE("a symlinked cache is not followed and stale temporary files are removed (issue 15.12)", "[e2e][robust]") {
  const SmallRepository repo;
  const TemporaryDirectory outside;
  fs::create_symlink(outside.path(), repo.path() / ".testtier_cache");
  const auto result = run_testtier({"classify", "--format", "csv"}, repo.path());
  CHECK(result.status == 0);
  CHECK_THAT(result.err, Catch::Contains("symbolic link") && Catch::Contains("without the cache"));
  CHECK(fs::is_empty(outside.path()));

  const SmallRepository other;
  CHECK(run_testtier({"classify", "-q"}, other.path()).status == 0);
  const fs::path stale = other.dir.write(".testtier_cache/.facts-v1.bin.tmp0badf00d", std::string(4096, 'x'));
  const fs::path fresh = other.dir.write(".testtier_cache/.result-v2.bin.tmp12345678", "being written");
  fs::last_write_time(stale, fs::file_time_type::clock::now() - std::chrono::hours(2));
  other.dir.write("tests/test_new.py", "def test_new(): pass\n");  // so that the caches are written again
  CHECK(run_testtier({"classify", "-q"}, other.path()).status == 0);
  CHECK_FALSE(fs::exists(stale));
  CHECK(fs::exists(fresh));  // maybe another run's, still being written
}

TEST_CASE("affected --since: user text is never a git option and outside git one line says so (issue 15.13)", "[e2e][robust]") {
  const SmallRepository repo;
  const auto outside = run_testtier({"affected", "--since", "HEAD"}, repo.path());
  CHECK(outside.status == 2);
  CHECK(std::count(outside.err.begin(), outside.err.end(), '\n') == 1);
  CHECK_THAT(outside.err, Catch::Contains("not in a git work tree"));

  const std::string git = "git -C " + quoted(repo.path()) + " ";
  REQUIRE(shell(git + "init -q -b main && " + git + "add -A && " + git +
                "-c user.name=t -c user.email=t@t commit -q -m initial") == 0);
  const auto forged = run_testtier({"affected", "--since=--output=owned.txt"}, repo.path());
  CHECK(forged.status == 2);
  CHECK_FALSE(fs::exists(repo.path() / "owned.txt"));
  CHECK(std::count(forged.err.begin(), forged.err.end(), '\n') == 1);
}

TEST_CASE("affected --since sees names git would quote: non-ASCII bytes and tabs (issue 15.14)", "[e2e][robust]") {
  const SmallRepository repo;
  const std::string git = "git -C " + quoted(repo.path()) + " ";
  REQUIRE(shell(git + "init -q -b main && " + git + "add -A && " + git +
                "-c user.name=t -c user.email=t@t commit -q -m initial") == 0);
  repo.dir.write("tests/test_caf\xc3\xa9.py", "def test_cafe(): pass\n");
  repo.dir.write("tests/test_a\tb.py", "def test_tab(): pass\n");
  repo.dir.write("tests/helper.py", "x = 2\n");
  repo.dir.write("tests/test_uses_helper.py", "from tests import helper\n\ndef test_h(): pass\n");
  const auto result = run_cold_then_warm({"affected", "--since", "HEAD", "--format", "json"}, repo.path());
  REQUIRE(result.status == 0);
  CHECK_THAT(result.out, Catch::Contains("tests/test_caf\xc3\xa9.py"));
  CHECK_THAT(result.out, Catch::Contains("tests/test_a\\tb.py"));
  CHECK_THAT(result.out, Catch::Contains("tests/test_uses_helper.py"));
}

TEST_CASE("CR-only line ends are line ends for tests and lines (issue 15.9)", "[e2e][robust]") {
  const TemporaryDirectory dir;
  std::string source =
      "# an old Mac file\nimport pytest\n\n@pytest.mark.django_db\ndef test_one():\n    pass\n\n"
      "class TestTwo:\n    def test_two(self):\n        pass\n";
  std::string cr_only = source;
  std::replace(cr_only.begin(), cr_only.end(), '\n', '\r');
  std::string crlf;
  for (const char c : source) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  dir.write("tests/test_lf.py", source);
  dir.write("tests/test_cr.py", cr_only);
  dir.write("tests/test_crlf.py", crlf);
  const auto result = run_cold_then_warm({"classify", "--format", "csv"}, dir.path());
  REQUIRE(result.status == 0);
  for (const std::string file : {"test_lf", "test_cr", "test_crlf"}) {
    INFO(file);
    CHECK_THAT(result.out, Catch::Contains("tests/" + file + ".py::test_one"));
    CHECK_THAT(result.out, Catch::Contains("tests/" + file + ".py::TestTwo::test_two"));
  }
  const auto json_out = run_testtier({"classify", "--format", "json"}, dir.path());
  const json document = json::parse(json_out.out);
  for (const json& file : document.at("files")) {
    INFO(file.at("path"));
    const std::string path = file.at("path");
    std::map<std::string, int> lines;
    for (const json& test : file.at("tests")) lines[test.at("id")] = test.at("line");
    CHECK(lines == std::map<std::string, int>{{path + "::TestTwo::test_two", 9}, {path + "::test_one", 5}});
  }
  // Suppression comments and their lines, and an INI pytest configuration, with CR-only lines.
  const TemporaryDirectory other;
  other.write("pytest.ini", "[pytest]\rpython_files = check_*.py\r");
  other.write("tests/check_cr.py", "x = 1\r# testtier: ignore[TT999]\rdef test_a():\r    pass\r");
  const auto lint = run_testtier({"lint", "--format", "text"}, other.path());
  CHECK_THAT(lint.out, Catch::Contains("tests/check_cr.py:2:1: TT004"));
  const auto found = run_testtier({"classify", "--format", "csv"}, other.path());
  CHECK_THAT(found.out, Catch::Contains("tests/check_cr.py::test_a,tests/check_cr.py,3,"));
}

TEST_CASE("file names cannot forge output lines or collapse together (issue 15.15)", "[e2e][robust]") {
  const TemporaryDirectory dir;
  dir.write("tests/test_x.py\nforged.py:1:1: error: forged [TT999]\n.py", "def test(:\n");
  dir.write("tests/test_\xff.py", "def test_a(): pass\n");
  dir.write("tests/test_\xfe.py", "def test_b(): pass\n");
  const auto result = run_cold_then_warm({"classify", "--format", "json"}, dir.path());
  REQUIRE(result.status == 0);
  CHECK_THAT(result.err, !Catch::Contains("\nforged.py"));
  CHECK_THAT(result.err, Catch::Contains("test_x.py\\nforged.py"));
  const json document = json::parse(result.out);
  std::set<std::string> paths;
  for (const json& file : document.at("files")) paths.insert(file.at("path").get<std::string>());
  CHECK(paths.contains("tests/test_\\xFF.py"));
  CHECK(paths.contains("tests/test_\\xFE.py"));
  const auto lint = run_testtier({"lint"}, dir.path());
  CHECK_THAT(lint.out, !Catch::Contains("\nforged.py"));
  const auto text = run_testtier({"classify", "--format", "text"}, dir.path());
  CHECK_THAT(text.out, !Catch::Contains("\nforged.py"));
  CHECK_THAT(text.out, Catch::Contains("test_x.py\\nforged.py"));
}

TEST_CASE("explain and affected print names on one line each (issue 15.15)", "[e2e][robust]") {
  const TemporaryDirectory dir;
  const std::string name = "tests/test_y.py\nforged.py:1:1: TT999 forged\n.py";
  dir.write(name, "import pytest\n\n@pytest.mark.django_db\ndef test_y():\n    x = '\r\v'\n");
  dir.write("tests/test_\xff.py", "def test_a(): pass\n");
  const auto file = run_cold_then_warm({"explain", name}, dir.path());
  REQUIRE(file.status == 0);
  CHECK_THAT(file.out, !Catch::Contains("\nforged.py"));
  CHECK_THAT(file.out, Catch::Contains("tests/test_y.py\\nforged.py:1:1: TT999 forged\\n.py"));
  const auto test = run_testtier({"explain", name + "::test_y"}, dir.path());
  REQUIRE(test.status == 0);
  CHECK_THAT(test.out, !Catch::Contains("\nforged.py"));
  const auto missing = run_testtier({"explain", "tests/test_z.py\nforged.py"}, dir.path());
  CHECK(missing.status == 2);
  CHECK(std::count(missing.err.begin(), missing.err.end(), '\n') == 1);
  const auto undecodable = run_testtier({"explain", "tests/test_\xff.py"}, dir.path());
  REQUIRE(undecodable.status == 0);
  CHECK_THAT(undecodable.out, Catch::Contains("tests/test_\\xFF.py"));

  for (const std::string format : {"list", "list --node-ids"}) {
    INFO(format);
    std::vector<std::string> args{"affected", "--changed", name, "--changed", "tests/test_\xff.py"};
    if (format != "list") args.push_back("--node-ids");
    const auto affected = run_cold_then_warm(args, dir.path());
    REQUIRE(affected.status == 0);
    CHECK_THAT(affected.out, !Catch::Contains("\nforged.py"));
    CHECK_THAT(affected.out, Catch::Contains("\\nforged.py"));
    CHECK_THAT(affected.out, Catch::Contains("tests/test_\\xFF.py"));
    CHECK(std::count(affected.out.begin(), affected.out.end(), '\n') == 2);
  }
}

TEST_CASE("every diagnostic has a line and a column (issue 15.16)", "[e2e][robust]") {
  const SmallRepository repo;
  repo.dir.write("tests/test_binary.py", std::string("x = 1\ny = '\0'\n", 13));
  repo.dir.write("pyproject.toml", "[tool.pytest.ini_options]\npython_classes = [\"[\"]\n");
  const auto result = run_cold_then_warm({"classify", "--format", "csv"}, repo.path());
  CHECK(result.status == 0);
  CHECK_THAT(result.err, Catch::Contains("tests/test_binary.py:1:1: warning: binary file"));
  CHECK_THAT(result.err, Catch::Contains("pyproject.toml:2:18: warning:"));
  std::istringstream lines(result.err);
  for (std::string line; std::getline(lines, line);) {
    INFO(line);
    // The one line about the run rather than an input: this repository has no rules of its own.
    if (line.starts_with("testtier: note: no rules of the repository's own")) continue;
    CHECK_THAT(line, Catch::Matches(R"(^[^:]+:\d+:\d+: (warning|error|note): .* \[TT\d{3}\]$)"));
  }
}

TEST_CASE("affected and plan print input problems as classify does, and -q silences them", "[e2e][robust]") {
  const SmallRepository repo;
  repo.dir.write("tests/test_broken.py", "def test_broken(:\n    pass\n");
  for (const std::vector<std::string> args : {std::vector<std::string>{"affected", "--changed", "tests/test_broken.py"},
                                              std::vector<std::string>{"plan"}}) {
    INFO(args.front());
    const auto result = run_cold_then_warm(args, repo.path());
    CHECK(result.status == 0);
    CHECK_THAT(result.err, Catch::Contains("tests/test_broken.py:1:") && Catch::Contains("[TT901]"));
    std::vector<std::string> quiet = args;
    quiet.push_back("-q");
    CHECK_THAT(run_testtier(quiet, repo.path()).err, !Catch::Contains("TT901"));
  }
}
