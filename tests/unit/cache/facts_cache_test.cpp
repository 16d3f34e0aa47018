// The facts cache: a faithful codec, a cache that is ignored when corrupt or foreign, and a
// classify run that parses only what changed.
#include <catch2/catch.hpp>

#include <fstream>

#include "../rules/temp_dir.hpp"
#include "cache/facts_cache.hpp"
#include "cache/facts_codec.hpp"
#include "testtier/classify.hpp"
#include "testtier/discover.hpp"
#include "testtier/parse.hpp"
#include "testtier/report.hpp"

using namespace testtier;
namespace fs = std::filesystem;

namespace {

const fs::path kCorpus = fs::path(TESTTIER_SOURCE_DIR) / "corpus/sentry-like";

std::vector<FileFacts> corpus_facts() {
  const Discovery found = discover(kCorpus, DiscoverOptions{});
  std::vector<ParseRequest> requests;
  for (const std::string& path : found.python_files) {
    requests.push_back({kCorpus / path, path, module_name_for(path, {"src", "."})});
  }
  return parse_files(requests, ParseOptions{}, 2);
}

Rules corpus_rules() { return load_rules_file(kCorpus / "testtier.toml"); }

void copy_corpus_to(const fs::path& target) {
  fs::copy(kCorpus, target, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

}  // namespace

TEST_CASE("every file of the corpus survives encoding and decoding unchanged", "[cache]") {
  for (const FileFacts& facts : corpus_facts()) {
    INFO(facts.path);
    std::string encoded;
    cache::encode_facts(facts, encoded);
    FileFacts decoded;
    decoded.path = facts.path;
    std::string_view in = encoded;
    REQUIRE(cache::decode_facts(in, decoded));
    CHECK(in.empty());
    CHECK(decoded == facts);
  }
}

TEST_CASE("environment variables and settings assignments survive encoding and decoding", "[cache][env]") {
  const FileFacts facts = extract_facts(
      "import os\n"
      "PG = os.getenv('PG_HOST')\n"
      "def test_a(settings):\n"
      "    os.environ[\"REDIS_URL\"] = 'x'\n"
      "    settings.SENTRY_BUFFER = 'sentry.buffer.redis.RedisBuffer'\n"
      "class T:\n"
      "    flag = 'CI' in os.environ\n",
      "tests/test_env.py", "tests.test_env");
  REQUIRE(facts.module_uses.envs.size() == 1);
  REQUIRE(facts.functions.at(0).uses.envs.size() == 1);
  REQUIRE(facts.functions.at(0).uses.settings.size() == 1);
  REQUIRE(facts.functions.at(0).uses.settings[0].via == SettingUse::Via::assignment);
  REQUIRE(facts.classes.at(0).uses.envs.size() == 1);
  std::string encoded;
  cache::encode_facts(facts, encoded);
  FileFacts decoded;
  decoded.path = facts.path;
  std::string_view in = encoded;
  REQUIRE(cache::decode_facts(in, decoded));
  CHECK(in.empty());
  CHECK(decoded == facts);
}

TEST_CASE("decoding truncated or garbled bytes fails without reading past them", "[cache]") {
  const std::vector<FileFacts> all = corpus_facts();
  std::string encoded;
  cache::encode_facts(all.front(), encoded);
  for (std::size_t cut = 0; cut < encoded.size(); cut += 7) {
    std::string_view in(encoded.data(), cut);
    FileFacts decoded;
    CHECK_FALSE((cache::decode_facts(in, decoded) && in.empty() && cut != encoded.size()));
  }
  std::string garbage(200, '\xff');
  std::string_view in = garbage;
  FileFacts decoded;
  CHECK_FALSE(cache::decode_facts(in, decoded));
}

TEST_CASE("a saved cache answers for unchanged content only", "[cache]") {
  const test::TempDir dir;
  const FileFacts facts = corpus_facts().front();
  {
    cache::FactsCache cache(dir.root() / "c");
    cache.store(facts);
    REQUIRE(cache.save().empty());
  }
  CHECK(fs::exists(dir.root() / "c" / ".gitignore"));
  const cache::FactsCache reloaded(dir.root() / "c");
  REQUIRE(reloaded.entries() == 1);
  const auto hit = reloaded.find(facts.path, facts.module, facts.content_hash, facts.size);
  REQUIRE(hit);
  CHECK(*hit == facts);
  CHECK_FALSE(reloaded.find(facts.path, facts.module, facts.content_hash + 1, facts.size));
  CHECK_FALSE(reloaded.find(facts.path, facts.module + ".other", facts.content_hash, facts.size));
  CHECK_FALSE(reloaded.find("elsewhere.py", facts.module, facts.content_hash, facts.size));
}

TEST_CASE("a corrupt, truncated or foreign cache file is ignored", "[cache]") {
  const test::TempDir dir;
  const fs::path directory = dir.root() / "c";
  {
    cache::FactsCache cache(directory);
    for (const FileFacts& facts : corpus_facts()) cache.store(facts);
    REQUIRE(cache.save().empty());
  }
  fs::path file;
  for (const auto& entry : fs::directory_iterator(directory)) {
    if (entry.path().extension() == ".bin") file = entry.path();
  }
  REQUIRE_FALSE(file.empty());
  std::string bytes;
  {
    std::ifstream in(file, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  const auto load_with = [&](const std::string& content) {
    std::ofstream(file, std::ios::binary | std::ios::trunc) << content;
    return cache::FactsCache(directory).entries();
  };
  CHECK(load_with(bytes) > 10);
  std::string flipped = bytes;
  flipped[flipped.size() / 2] ^= 0x20;
  CHECK(load_with(flipped) == 0);
  CHECK(load_with(bytes.substr(0, bytes.size() / 3)) == 0);
  std::string other_version = bytes;
  other_version[other_version.find('\n') + 1] ^= 0x01;  // the format version number
  CHECK(load_with(other_version) == 0);
  CHECK(load_with("not a cache at all") == 0);
}

TEST_CASE("a warm classify parses nothing, after an edit, only the edited file", "[cache][classify]") {
  const test::TempDir dir;
  copy_corpus_to(dir.root());
  ClassifyOptions options;
  options.use_cache = true;
  options.reuse_result = false;  // the facts path (result_cache_test.cpp covers reuse)
  const Rules rules = corpus_rules();
  const Classification cold = classify(dir.root(), rules, options);
  CHECK(cold.stats.cached_files == 0);
  CHECK(fs::exists(dir.root() / ".testtier_cache" / ".gitignore"));

  const Classification warm = classify(dir.root(), rules, options);
  CHECK_FALSE(warm.stats.reused);
  CHECK(warm.stats.cached_files == warm.stats.parsed_files);
  CHECK(classification_to_json(warm) == classification_to_json(cold));

  std::ofstream(dir.root() / "tests/sentry/utils/test_strings.py", std::ios::app) << "\n\ndef test_added():\n    pass\n";
  const Classification edited = classify(dir.root(), rules, options);
  CHECK(edited.stats.cached_files == edited.stats.parsed_files - 1);
  ClassifyOptions no_cache;
  CHECK(classification_to_json(edited) == classification_to_json(classify(dir.root(), rules, no_cache)));
}
