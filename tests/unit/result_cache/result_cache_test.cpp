// The result cache: a run where nothing changed reuses the last classification; any change to
// what it depends on (a parsed file, the set of files, rules, pytest configuration, options)
// runs the pipeline again, and the answer always equals an uncached run's.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include <xxhash.h>

#include "../rules/temp_dir.hpp"
#include "testtier/classify.hpp"
#include "testtier/report.hpp"
#include "testtier/version.hpp"

using namespace testtier;
namespace fs = std::filesystem;

namespace {

const fs::path kCorpus = fs::path(TESTTIER_SOURCE_DIR) / "corpus/sentry-like";

std::string json_of(const Classification& result) { return classification_to_json(result, {.test_reasons = true}); }

/// A copy of the sample corpus with a cold run behind it, and helpers to run it again.
class CachedCorpus {
 public:
  CachedCorpus() {
    fs::copy(kCorpus, dir_.root(), fs::copy_options::recursive);
    rules_ = load_rules_file(dir_.root() / "testtier.toml");
    options_.use_cache = true;
    const Classification cold = run();
    REQUIRE_FALSE(cold.stats.reused);
  }

  Classification run() const { return classify(dir_.root(), rules_, options_); }
  Classification uncached() const {
    ClassifyOptions options = options_;
    options.use_cache = false;
    return classify(dir_.root(), rules_, options);
  }

  void append(const std::string& path, const std::string& text) const {
    std::ofstream(dir_.root() / path, std::ios::app) << text;
  }

  const fs::path& root() const { return dir_.root(); }
  Rules& rules() { return rules_; }
  ClassifyOptions& options() { return options_; }

 private:
  test::TempDir dir_;
  Rules rules_;
  ClassifyOptions options_;
};

/// Check that a run after a change did not reuse the old answer and equals an uncached run, and
/// that the new answer is reused next time. Return the run after the change.
Classification check_recomputed(const CachedCorpus& corpus) {
  Classification again = corpus.run();
  CHECK_FALSE(again.stats.reused);
  CHECK(json_of(again) == json_of(corpus.uncached()));
  const Classification then = corpus.run();
  CHECK(then.stats.reused);
  CHECK(json_of(then) == json_of(again));
  return again;
}

}  // namespace

TEST_CASE("an unchanged repository reuses the last classification whole", "[cache][classify]") {
  const CachedCorpus corpus;
  CHECK(fs::exists(corpus.root() / ".testtier_cache" / "result-v2.bin"));
  const Classification warm = corpus.run();
  CHECK(warm.stats.reused);
  CHECK(warm.stats.cached_files == warm.stats.parsed_files);
  CHECK(warm.stats.timings.waves == 0);
  CHECK(json_of(warm) == json_of(corpus.uncached()));
}

TEST_CASE("editing a file the classification parsed runs it again", "[cache][classify]") {
  const CachedCorpus corpus;
  corpus.append("tests/sentry/utils/test_strings.py", "\n\ndef test_added():\n    pass\n");
  const Classification edited = check_recomputed(corpus);
  CHECK(edited.stats.cached_files == edited.stats.parsed_files - 1);  // only the edited file is parsed
}

TEST_CASE("editing a base class module a test reaches runs it again", "[cache][classify]") {
  const CachedCorpus corpus;
  corpus.append("src/sentry/testutils/cases.py", "\n\nclass AddedLater:\n    pass\n");
  check_recomputed(corpus);
}

TEST_CASE("editing a file no test reaches keeps the classification", "[cache][classify]") {
  const CachedCorpus corpus;
  corpus.append("src/sentry/unreached.py", "X = 1\n");  // a module nothing imports or inherits from
  const Classification added = corpus.run();
  REQUIRE_FALSE(added.stats.reused);
  corpus.append("src/sentry/unreached.py", "Y = 2\n");
  const Classification edited = corpus.run();
  CHECK(edited.stats.reused);
  CHECK(json_of(edited) == json_of(corpus.uncached()));
}

TEST_CASE("adding or removing a Python file runs it again", "[cache][classify]") {
  const CachedCorpus corpus;
  SECTION("added") { corpus.append("src/sentry/added.py", "X = 1\n"); }
  SECTION("removed") { fs::remove(corpus.root() / "tests/sentry/utils/test_strings.py"); }
  check_recomputed(corpus);
}

TEST_CASE("other rules, pytest configuration or options run it again", "[cache][classify]") {
  CachedCorpus corpus;
  SECTION("a rule") { corpus.rules().signals.front().patterns.push_back("AnotherBase"); }
  SECTION("pytest configuration") { corpus.append("pytest.ini", "[pytest]\npython_functions = test_*\n"); }
  SECTION("a subset of files") { corpus.options().only_files = {"tests/snuba"}; }
  check_recomputed(corpus);
}

TEST_CASE("a corrupt or truncated result cache is ignored", "[cache][classify]") {
  const CachedCorpus corpus;
  const fs::path file = corpus.root() / ".testtier_cache" / "result-v2.bin";
  const auto size = fs::file_size(file);
  SECTION("truncated") { fs::resize_file(file, size / 2); }
  SECTION("a byte flipped") {
    std::fstream stream(file, std::ios::in | std::ios::out | std::ios::binary);
    stream.seekp(static_cast<std::streamoff>(size / 2));
    stream.put('\x7f');
  }
  SECTION("emptied") { fs::resize_file(file, 0); }
  check_recomputed(corpus);
}

TEST_CASE("reuse_result off still takes facts from the cache", "[cache][classify]") {
  CachedCorpus corpus;
  corpus.options().reuse_result = false;
  const Classification warm = corpus.run();
  CHECK_FALSE(warm.stats.reused);
  CHECK(warm.stats.cached_files == warm.stats.parsed_files);
  CHECK(json_of(warm) == json_of(corpus.uncached()));
}

TEST_CASE("a cache that cannot be written is a TT908 note, and nothing is reused", "[cache][classify]") {
  const test::TempDir dir;
  fs::copy(kCorpus, dir.root(), fs::copy_options::recursive);
  const Rules rules = load_rules_file(dir.root() / "testtier.toml");
  ClassifyOptions options;
  options.use_cache = true;
  options.cache_directory = dir.root() / "testtier.toml" / "cache";  // under a file: cannot be created
  const Classification first = classify(dir.root(), rules, options);
  const auto note = std::find_if(first.diagnostics.begin(), first.diagnostics.end(), [](const Diagnostic& d) {
    return d.message.starts_with("facts cache not saved (the next run parses again): cannot create");
  });
  REQUIRE(note != first.diagnostics.end());
  CHECK(note->severity == Severity::note);
  CHECK(note->code == codes::unusable_cache);
  const Classification second = classify(dir.root(), rules, options);
  CHECK_FALSE(second.stats.reused);
  CHECK(second.stats.cached_files == 0);
  CHECK(second.files == first.files);
}

TEST_CASE("a result cache written by another version is ignored", "[cache][classify]") {
  const CachedCorpus corpus;
  const fs::path file = corpus.root() / ".testtier_cache" / "result-v2.bin";
  std::string bytes;
  {
    std::ifstream in(file, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  const std::string ours(version());
  const std::size_t at = bytes.find(ours);
  REQUIRE(at != std::string::npos);
  REQUIRE(at < 32);  // in the header, right after the magic and the format number
  bytes.replace(at, ours.size(), std::string(ours.size(), '9'));
  // A well-formed file, checksum and all: only the version differs.
  const std::uint64_t checksum = XXH64(bytes.data(), bytes.size() - 8, 0);
  for (int i = 0; i < 8; ++i) bytes[bytes.size() - 8 + i] = static_cast<char>(checksum >> (8 * i));
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
  check_recomputed(corpus);
}

TEST_CASE("deleting the cache between runs is safe", "[cache][classify]") {
  const CachedCorpus corpus;
  fs::remove_all(corpus.root() / ".testtier_cache");
  check_recomputed(corpus);
}
