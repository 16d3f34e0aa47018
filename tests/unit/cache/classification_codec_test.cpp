// The result cache's codec: a classification survives encoding whole; bad bytes fail cleanly.
#include <catch2/catch.hpp>

#include "cache/classification_codec.hpp"
#include "report/sample_classification.hpp"
#include "testtier/classify.hpp"
#include "testtier/report.hpp"

using namespace testtier;

namespace {

const std::filesystem::path kCorpus = std::filesystem::path(TESTTIER_SOURCE_DIR) / "corpus/sentry-like";

void check_round_trip(const Classification& original) {
  std::string encoded;
  cache::encode_classification(original, encoded);
  std::string_view in = encoded;
  Classification decoded;
  REQUIRE(cache::decode_classification(in, decoded));
  CHECK(in.empty());
  CHECK(decoded.root == original.root);
  CHECK(decoded.rules_origin == original.rules_origin);
  CHECK(decoded.tier_order == original.tier_order);
  CHECK(decoded.files == original.files);
  CHECK(decoded.diagnostics == original.diagnostics);
  CHECK(decoded.stats.python_files == original.stats.python_files);
  CHECK(decoded.stats.test_files == original.stats.test_files);
  CHECK(decoded.stats.parsed_files == original.stats.parsed_files);
  CHECK(decoded.stats.skipped_files == original.stats.skipped_files);
  CHECK(decoded.stats.parsed_bytes == original.stats.parsed_bytes);
  CHECK(classification_to_json(decoded, {.test_reasons = true}) ==
        classification_to_json(original, {.test_reasons = true}));
}

}  // namespace

TEST_CASE("a classification survives encoding and decoding unchanged", "[cache]") {
  SECTION("the report tests' sample, with its odd names and by-last-name reasons") {
    check_round_trip(test::sample_classification());
  }
  SECTION("the sample corpus, with its diagnostics") {
    const Classification corpus = classify(kCorpus, load_rules_file(kCorpus / "testtier.toml"));
    REQUIRE(corpus.files.size() > 10);
    REQUIRE_FALSE(corpus.diagnostics.empty());
    check_round_trip(corpus);
  }
  SECTION("an empty classification") { check_round_trip(Classification{}); }
}

TEST_CASE("decoding a truncated or garbled classification fails without reading past it", "[cache]") {
  std::string encoded;
  cache::encode_classification(test::sample_classification(), encoded);
  for (std::size_t size = 0; size < encoded.size(); ++size) {
    std::string_view in(encoded.data(), size);
    Classification decoded;
    CHECK_FALSE(cache::decode_classification(in, decoded));
  }
  SECTION("a length longer than what follows fails") {
    REQUIRE(static_cast<unsigned char>(encoded[0]) < 0x80);  // the root's length, one byte
    const std::string huge_length = std::string(8, '\xFF') + '\x7F' + encoded.substr(1);
    std::string_view in = huge_length;
    Classification decoded;
    CHECK_FALSE(cache::decode_classification(in, decoded));
  }
  SECTION("garbled bytes are read within bounds") {
    std::string garbled = encoded;
    for (std::size_t i = 0; i < garbled.size(); i += 7) garbled[i] = static_cast<char>(0xFF);
    std::string_view in = garbled;
    Classification decoded;
    // Whether it decodes is not the point: the sanitized run fails if anything outside is read.
    static_cast<void>(cache::decode_classification(in, decoded));
  }
}
