// The cache folder: made on first write with a `.gitignore` and a `CACHEDIR.TAG` (ones already
// there left alone), and never used through a symbolic link, wherever it is.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "../rules/temp_dir.hpp"
#include "cache/cache_files.hpp"

using namespace testtier;
namespace fs = std::filesystem;

namespace {

std::string read_all(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("a new cache folder gets .gitignore and CACHEDIR.TAG", "[cache]") {
  const test::TempDir dir;
  const fs::path cache = dir.root() / "some" / "cache";
  REQUIRE(cache::write_checked(cache / "x.bin", "data").empty());
  CHECK(read_all(cache / ".gitignore").find("\n*\n") != std::string::npos);
  const std::string tag = read_all(cache / "CACHEDIR.TAG");
  // The specification: the file starts with exactly this signature (https://bford.info/cachedir/).
  CHECK(tag.starts_with("Signature: 8a477f597d28d172789f06886806bc55\n"));
  CHECK(tag.find("testtier") != std::string::npos);
  CHECK(cache::read_checked(cache / "x.bin") == "data");
}

TEST_CASE("a .gitignore or CACHEDIR.TAG already there is left as it is", "[cache]") {
  const test::TempDir dir;
  const fs::path cache = dir.root() / "cache";
  fs::create_directories(cache);
  std::ofstream(cache / ".gitignore") << "mine\n";
  std::ofstream(cache / "CACHEDIR.TAG") << "Signature: 8a477f597d28d172789f06886806bc55\n# someone else's\n";
  REQUIRE(cache::prepare_cache_directory(cache).empty());
  CHECK(read_all(cache / ".gitignore") == "mine\n");
  CHECK(read_all(cache / "CACHEDIR.TAG").find("someone else's") != std::string::npos);
}

TEST_CASE("a folder that holds other things is used as a cache but never marked (--cache-dir .)", "[cache]") {
  const test::TempDir dir;
  const fs::path repository = dir.root() / "repository";
  fs::create_directories(repository);
  std::ofstream(repository / "setup.py") << "pass\n";
  REQUIRE(cache::write_checked(repository / "x.bin", "data").empty());
  CHECK(fs::exists(repository / "x.bin"));
  CHECK_FALSE(fs::exists(repository / ".gitignore"));  // `*` would hide the repository from git
  CHECK_FALSE(fs::exists(repository / "CACHEDIR.TAG"));
  // A cache folder testtier marked before (without CACHEDIR.TAG, by an older version) is marked.
  const fs::path old_cache = dir.root() / "old";
  fs::create_directories(old_cache);
  std::ofstream(old_cache / ".gitignore") << "# testtier's cache: safe to delete.\n*\n";
  std::ofstream(old_cache / "facts-v2.bin") << "old";
  REQUIRE(cache::write_checked(old_cache / "x.bin", "data").empty());
  CHECK(fs::exists(old_cache / "CACHEDIR.TAG"));
}

TEST_CASE("a cache folder that is a symbolic link or a file is unusable, wherever it is", "[cache]") {
  const test::TempDir dir;
  fs::create_directories(dir.root() / "elsewhere");
  fs::create_directory_symlink(dir.root() / "elsewhere", dir.root() / "link");
  CHECK_THAT(cache::unusable_cache_directory(dir.root() / "link"), Catch::Contains("is a symbolic link"));
  std::ofstream(dir.root() / "file") << "x";
  CHECK_THAT(cache::unusable_cache_directory(dir.root() / "file"), Catch::Contains("is not a directory"));
  CHECK(cache::unusable_cache_directory(dir.root() / "elsewhere").empty());
  CHECK(cache::unusable_cache_directory(dir.root() / "not-yet").empty());
}
