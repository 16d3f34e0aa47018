// The result cache's codec: a classification survives encoding whole; bad bytes fail cleanly.
#include <catch2/catch.hpp>

#include <algorithm>

#include "cache/binary_codec.hpp"
#include "result_cache/classification_codec.hpp"
#include "rules/evidence_kind.hpp"
#include "report/sample_classification.hpp"
#include "testtier/classify.hpp"
#include "testtier/report.hpp"

using namespace testtier;

namespace {

const std::filesystem::path kCorpus = std::filesystem::path(TESTTIER_SOURCE_DIR) / "corpus/sentry-like";

void check_round_trip(const Classification& original) {
  std::string encoded;
  result_cache::encode_classification(original, encoded);
  std::string_view in = encoded;
  Classification decoded;
  REQUIRE(result_cache::decode_classification(in, decoded));
  CHECK(in.empty());
  CHECK(decoded.root == original.root);
  CHECK(decoded.rules_origin == original.rules_origin);
  CHECK(decoded.tier_order == original.tier_order);
  CHECK(decoded.tier_services == original.tier_services);
  CHECK(decoded.service_ports == original.service_ports);
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
  result_cache::encode_classification(test::sample_classification(), encoded);
  for (std::size_t size = 0; size < encoded.size(); ++size) {
    std::string_view in(encoded.data(), size);
    Classification decoded;
    CHECK_FALSE(result_cache::decode_classification(in, decoded));
  }
  SECTION("a length longer than what follows fails") {
    REQUIRE(static_cast<unsigned char>(encoded[0]) < 0x80);  // the root's length, one byte
    const std::string huge_length = std::string(8, '\xFF') + '\x7F' + encoded.substr(1);
    std::string_view in = huge_length;
    Classification decoded;
    CHECK_FALSE(result_cache::decode_classification(in, decoded));
  }
  SECTION("garbled bytes are read within bounds") {
    std::string garbled = encoded;
    for (std::size_t i = 0; i < garbled.size(); i += 7) garbled[i] = static_cast<char>(0xFF);
    std::string_view in = garbled;
    Classification decoded;
    // Whether it decodes is not the point: the sanitized run fails if anything outside is read.
    static_cast<void>(result_cache::decode_classification(in, decoded));
  }
}

TEST_CASE("forged counts fail instead of exhausting memory (issue 15.6)", "[cache]") {
  // Valid varints throughout, as a file with a good checksum but forged counts would hold.
  const auto varint = [](std::uint64_t value) {
    std::string out;
    for (; value >= 0x80; value >>= 7) out.push_back(static_cast<char>(value | 0x80));
    out.push_back(static_cast<char>(value));
    return out;
  };
  SECTION("a files count as large as the bytes left, of empty files") {
    const std::size_t count = 6u << 20;  // 6 MB of zeros: each "file" decodes from 6 bytes
    std::string forged = varint(0) + varint(0) + varint(0) + varint(count) + std::string(count, '\0');
    std::string_view in = forged;
    Classification decoded;
    CHECK_FALSE(result_cache::decode_classification(in, decoded));
    CHECK(decoded.files.size() < count);
  }
  SECTION("tests whose reasons are all copies of one long reason") {
    // One file reason of 1 MiB, then a test listing it a million times (one byte each): written
    // by hand, as encoding it would first build the terabyte it stands for.
    std::string forged;
    cache::Writer w(forged);
    w.text("");                 // root
    w.text("");                 // rules origin
    w.strings({});              // tier order
    w.number(1);                // one file
    w.text("tests/test_x.py");  // its path
    w.strings({});              // services
    w.text("everything");       // tier
    w.number(1);                // one reason:
    w.text("postgres");
    w.number(0);                // base_class
    w.text(std::string(1u << 20, 'e'));
    w.text("tests/test_x.py");
    w.number(1);
    w.strings({});
    w.number(1);
    w.number(0);
    w.number(1);
    w.number(0);                // no suspicious imports
    w.number(1);                // one test:
    w.text("tests/test_x.py::test");
    w.number(1);
    w.strings({});
    w.text("everything");
    const std::size_t copies = 1u << 20;
    w.number(copies);
    forged.append(copies, '\x01');  // each: the file's reason 1
    std::string_view in = forged;
    Classification decoded;
    CHECK_FALSE(result_cache::decode_classification(in, decoded));  // a terabyte of copies: refused
  }
  SECTION("a real classification still decodes") {
    const Classification real = classify(kCorpus, find_rules(kCorpus), {.use_cache = false});
    check_round_trip(real);
  }
}

TEST_CASE("a stored evidence kind past the table fails to decode, the last one decodes", "[cache]") {
  const auto decodes_with = [](std::size_t kind) {
    Classification result = test::sample_classification();
    const auto with_reasons = std::find_if(result.files.begin(), result.files.end(),
                                           [](const FileResult& file) { return !file.reasons.empty(); });
    REQUIRE(with_reasons != result.files.end());
    with_reasons->reasons.front().signal = static_cast<EvidenceKind>(kind);
    std::string encoded;
    result_cache::encode_classification(result, encoded);
    std::string_view in = encoded;
    Classification decoded;
    return result_cache::decode_classification(in, decoded);
  };
  CHECK(decodes_with(kEvidenceKinds.size() - 1));
  CHECK_FALSE(decodes_with(kEvidenceKinds.size()));
}
