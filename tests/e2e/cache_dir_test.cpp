// The cache folder as ruff's and pytest's: CACHEDIR.TAG and .gitignore in it, `--cache-dir DIR`
// on every command that uses it and TESTTIER_CACHE_DIR (the flag first; relative to the working
// directory), never through a symbolic link, never overwritten by -o.
#include <catch2/catch.hpp>

#include "cli.hpp"

using namespace testtier::e2e;
namespace fs = std::filesystem;

namespace {

/// Return whether `dir` holds a cache as a run leaves it: facts, the tag and the .gitignore.
bool holds_cache(const fs::path& dir) {
  if (!fs::is_regular_file(dir / "CACHEDIR.TAG") || !fs::is_regular_file(dir / ".gitignore")) return false;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    if (entry.path().filename().string().starts_with("facts-v")) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("the default cache folder is tagged for backup tools and ignored by git", "[e2e][cache]") {
  const CorpusCopy corpus("corpus/sentry-like");
  run_cold_then_warm({"classify", "-q"}, corpus.path());
  const fs::path cache = corpus.path() / ".testtier_cache";
  CHECK(holds_cache(cache));
  CHECK(read_text(cache / "CACHEDIR.TAG").starts_with("Signature: 8a477f597d28d172789f06886806bc55\n"));
  CHECK_THAT(read_text(cache / "CACHEDIR.TAG"), Catch::Contains("testtier"));
  CHECK_THAT(read_text(cache / ".gitignore"), Catch::Contains("\n*\n"));
}

TEST_CASE("the option --cache-dir DIR puts every cache-using command's cache in DIR, not in the root", "[e2e][cache]") {
  const CorpusCopy corpus("corpus/sentry-like");
  const std::string runtime = source_path("corpus/expected/sentry-like/runtime_classification.json").string();
  const std::vector<std::vector<std::string>> commands = {
      {"classify", "-q"},
      {"lint"},
      {"explain", "tests/sentry/consumers/test_occurrence_consumer.py"},
      {"affected", "--changed", "conftest.py", "-q"},
      {"plan", "-q"},
      {"report", "-q", "--html", "-"},
      {"compare", "--runtime", runtime}};
  for (const std::vector<std::string>& command : commands) {
    INFO(command.front());
    const TemporaryDirectory elsewhere;
    const fs::path cache = elsewhere.path() / "nested" / "cache";
    std::vector<std::string> args = command;
    args.insert(args.end(), {"--cache-dir", cache.string()});
    const auto plain = run_testtier(command, corpus.path(), {});
    fs::remove_all(corpus.path() / ".testtier_cache");
    const auto cold = run_testtier(args, corpus.path());
    const auto warm = run_testtier(args, corpus.path());
    CHECK(holds_cache(cache));
    CHECK_FALSE(fs::exists(corpus.path() / ".testtier_cache"));
    CHECK(cold.status == plain.status);
    CHECK(cold.out == plain.out);
    CHECK(warm.out == plain.out);
  }
}

TEST_CASE("TESTTIER_CACHE_DIR chooses the folder, --cache-dir wins over it", "[e2e][cache]") {
  const CorpusCopy corpus("corpus/sentry-like");
  const TemporaryDirectory from_env;
  const TemporaryDirectory from_flag;
  CHECK(run_testtier({"classify", "-q"}, corpus.path(), {{"TESTTIER_CACHE_DIR", from_env.path().string()}}).status == 0);
  CHECK(holds_cache(from_env.path()));
  CHECK_FALSE(fs::exists(corpus.path() / ".testtier_cache"));
  CHECK(run_testtier({"lint", "--cache-dir", from_flag.path().string()}, corpus.path(),
                     {{"TESTTIER_CACHE_DIR", (from_env.path() / "unused").string()}})
            .status == 1);
  CHECK(holds_cache(from_flag.path()));
  CHECK_FALSE(fs::exists(from_env.path() / "unused"));
  // An empty variable is no choice: the default.
  CHECK(run_testtier({"classify", "-q"}, corpus.path(), {{"TESTTIER_CACHE_DIR", ""}}).status == 0);
  CHECK(holds_cache(corpus.path() / ".testtier_cache"));
}

TEST_CASE("a relative --cache-dir or TESTTIER_CACHE_DIR is relative to the working directory, not the root",
          "[e2e][cache]") {
  const CorpusCopy corpus("corpus/sentry-like");
  const fs::path below = corpus.path() / "tests" / "sentry";
  CHECK(run_testtier({"classify", "-q", "--cache-dir", "here-cache"}, below).status == 0);
  CHECK(holds_cache(below / "here-cache"));
  CHECK_FALSE(fs::exists(corpus.path() / "here-cache"));
  CHECK(run_testtier({"lint"}, below, {{"TESTTIER_CACHE_DIR", "env-cache"}}).status == 1);
  CHECK(holds_cache(below / "env-cache"));
  const auto config = run_testtier({"config", "--cache-dir", "here-cache"}, below);
  CHECK(config.status == 0);
  CHECK_THAT(config.out, Catch::Contains("# cache: " + fs::canonical(below / "here-cache").string() + " (from --cache-dir)"));
}

TEST_CASE("a --cache-dir that is a symbolic link or a file is not used, -o never writes into the cache",
          "[e2e][cache]") {
  const CorpusCopy corpus("corpus/sentry-like");
  const TemporaryDirectory outside;
  const TemporaryDirectory links;
  fs::create_directory_symlink(outside.path(), links.path() / "cache-link");
  const auto linked = run_testtier({"classify", "--format", "csv", "--cache-dir", (links.path() / "cache-link").string()},
                                   corpus.path());
  CHECK(linked.status == 0);
  CHECK_THAT(linked.err, Catch::Contains("symbolic link") && Catch::Contains("without the cache") &&
                             Catch::Contains("[TT908]"));
  CHECK(fs::is_empty(outside.path()));
  const fs::path file = links.write("a-file", "x");
  const auto not_dir = run_testtier({"lint", "--format", "json", "--cache-dir", file.string()}, corpus.path());
  CHECK(not_dir.status == 1);
  CHECK_THAT(not_dir.out, Catch::Contains("\"TT908\""));
  CHECK(read_text(file) == "x");

  const TemporaryDirectory cache;
  CHECK(run_testtier({"classify", "-q", "--cache-dir", cache.path().string()}, corpus.path()).status == 0);
  const auto over_cache = run_testtier(
      {"classify", "-q", "--cache-dir", cache.path().string(), "-o", (cache.path() / "CACHEDIR.TAG").string()},
      corpus.path());
  CHECK(over_cache.status == 2);
  CHECK_THAT(over_cache.err, Catch::Contains("is one of this run's inputs"));
  CHECK(read_text(cache.path() / "CACHEDIR.TAG").starts_with("Signature: "));
}
