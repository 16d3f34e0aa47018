// parse_files() gives the same facts whatever the thread count.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>

#include <fmt/format.h>

#include "testtier/parse.hpp"

using namespace testtier;
namespace fs = std::filesystem;

namespace {

/// A temporary directory removed when the test ends.
struct TempDir {
  fs::path path;
  TempDir() {
    std::random_device entropy;
    path = fs::temp_directory_path() / fmt::format("testtier-parallel-{:08x}", entropy());
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

std::string sample_file(int index) {
  return fmt::format(
      "import pytest\n"
      "from sentry.testutils.cases import Case{0}\n"
      "pytestmark = [pytest.mark.m{0}]\n"
      "class TestC{0}(Case{0}):\n"
      "    def test_{0}(self, fixture_{0}):\n"
      "        self.store_event(n={0})\n"
      "{1}",
      index, index % 7 == 0 ? "def broken(:\n" : "");
}

}  // namespace

TEST_CASE("parse_files gives identical results on 1 and N threads", "[parse][parallel]") {
  TempDir dir;
  std::vector<ParseRequest> requests;
  for (int i = 0; i < 64; ++i) {
    const fs::path file = dir.path / fmt::format("test_{}.py", i);
    std::ofstream(file) << sample_file(i);
    requests.push_back({file, fmt::format("test_{}.py", i), fmt::format("test_{}", i)});
  }
  requests.push_back({dir.path / "missing.py", "missing.py", "missing"});

  const auto one = parse_files(requests, {}, 1);
  const auto many = parse_files(requests, {}, 4);
  REQUIRE(one.size() == requests.size());
  CHECK(one == many);
  CHECK(one[5].classes.at(0).name == "TestC5");
  CHECK(one[7].diagnostics.at(0).code == "TT901");
  CHECK(one.back().diagnostics.at(0).code == "TT903");
  CHECK(one.back().diagnostics.at(0).message.find("No such file") != std::string::npos);
}
