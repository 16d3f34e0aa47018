// `testtier facts`: the parse stage's JSON, as a debugging aid.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli.hpp"

using namespace testtier::e2e;
using nlohmann::json;

namespace {

const json* file_named(const json& document, const std::string& path) {
  for (const json& file : document.at("files")) {
    if (file.at("path") == path) return &file;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("facts over the sample corpus names every Python file and its problems", "[e2e][facts]") {
  const auto root = source_path("corpus/sentry-like");
  const auto result = run_testtier({"facts", "--root", root.string(), root.string()});
  REQUIRE(result.status == 0);
  const json document = json::parse(result.out);
  CHECK(document.at("schema") == "testtier-facts/v1");

  const json* cases = file_named(document, "src/sentry/testutils/cases.py");
  REQUIRE(cases != nullptr);
  CHECK(cases->at("module") == "sentry.testutils.cases");

  const json* broken = file_named(document, "tests/sentry/test_broken_syntax.py");
  REQUIRE(broken != nullptr);
  REQUIRE_FALSE(broken->at("diagnostics").empty());
  CHECK(broken->at("diagnostics")[0].at("code") == "TT901");
}

TEST_CASE("facts output does not depend on the thread count", "[e2e][facts]") {
  const auto root = source_path("corpus/sentry-like");
  const auto one = run_testtier({"facts", "-j", "1", "--root", root.string(), root.string()});
  const auto two = run_testtier({"facts", "-j", "2", "--root", root.string(), root.string()});
  REQUIRE(one.status == 0);
  CHECK(one.out == two.out);
}

TEST_CASE("facts -o writes the file whole and prints nothing", "[e2e][facts]") {
  const TemporaryDirectory dir;
  dir.write("test_a.py", "def test_a():\n    pass\n");
  const auto result = run_testtier({"facts", "-o", "out.json", "test_a.py"}, dir.path());
  REQUIRE(result.status == 0);
  CHECK(result.out.empty());
  const json document = json::parse(read_text(dir.path() / "out.json"));
  CHECK(document.at("files").size() == 1);
}

TEST_CASE("facts to an unwritable place fails with status 2 and leaves no partial file", "[e2e][facts]") {
  const TemporaryDirectory dir;
  dir.write("test_a.py", "def test_a():\n    pass\n");
  const auto result = run_testtier({"facts", "-o", "missing/dir/out.json", "test_a.py"}, dir.path());
  CHECK(result.status == 2);
  CHECK_THAT(result.err, Catch::Contains("missing/dir/out.json"));
  CHECK_FALSE(std::filesystem::exists(dir.path() / "missing"));
}

TEST_CASE("facts on a missing path says so and exits 2", "[e2e][facts]") {
  const TemporaryDirectory dir;
  const auto result = run_testtier({"facts", "nope.py"}, dir.path());
  CHECK(result.status == 2);
  CHECK_THAT(result.err, Catch::Contains("nope.py: no such file or directory"));
}

TEST_CASE("facts on bad input reports diagnostics and still exits 0", "[e2e][facts]") {
  const TemporaryDirectory dir;
  dir.write("test_bin.py", std::string("\x00\x01\x02\xff\xfe binary", 12));
  dir.write("test_latin.py", "x = '\xe9'\ndef test_a():\n    pass\n");
  const auto result = run_testtier({"facts", "."}, dir.path());
  REQUIRE(result.status == 0);
  const json document = json::parse(result.out);
  const json* latin = file_named(document, "test_latin.py");
  REQUIRE(latin != nullptr);
  CHECK(latin->at("diagnostics")[0].at("code") == "TT902");
  CHECK(latin->at("functions")[0].at("name") == "test_a");
  const json* binary = file_named(document, "test_bin.py");
  REQUIRE(binary != nullptr);
  CHECK_FALSE(binary->at("diagnostics").empty());
}
