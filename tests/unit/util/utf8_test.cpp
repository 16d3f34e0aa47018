#include <catch2/catch.hpp>

#include "util/utf8.hpp"

using namespace testtier;

TEST_CASE("first_invalid finds malformed, overlong and surrogate sequences", "[utf8]") {
  CHECK_FALSE(utf8::first_invalid("plain ascii").has_value());
  CHECK_FALSE(utf8::first_invalid("caf\xC3\xA9 \xF0\x9F\x98\x80").has_value());
  CHECK(utf8::first_invalid("ab\xE9").value() == 2);           // Latin-1 byte
  CHECK(utf8::first_invalid("\xC0\xAF").value() == 0);         // overlong '/'
  CHECK(utf8::first_invalid("x\xED\xA0\x80").value() == 1);    // UTF-16 surrogate
  CHECK(utf8::first_invalid("\xF4\x90\x80\x80").value() == 0); // above U+10FFFF
  CHECK(utf8::first_invalid("\xE2\x82").value() == 0);         // truncated
}

TEST_CASE("repaired replaces each bad byte by U+FFFD", "[utf8]") {
  CHECK(utf8::repaired("a\xE9z") == "a\xEF\xBF\xBDz");
  CHECK(utf8::repaired("ok") == "ok");
}

TEST_CASE("from_latin1 transcodes high bytes", "[utf8]") {
  CHECK(utf8::from_latin1("caf\xE9") == "caf\xC3\xA9");
  CHECK(utf8::from_latin1("\xFF") == "\xC3\xBF");
}

TEST_CASE("count_code_points counts characters, not bytes", "[utf8]") {
  CHECK(utf8::count_code_points("") == 0);
  CHECK(utf8::count_code_points("\xC3\xA9t\xC3\xA9") == 3);
  CHECK(utf8::count_code_points("\xF0\x9F\x98\x80") == 1);
}

TEST_CASE("first_invalid finds a bad byte at every offset of a long ASCII text", "[utf8]") {
  // ASCII is skipped eight bytes at a time: a bad byte must be found wherever it falls in a word,
  // and a valid sequence straddling two words must pass.
  for (std::size_t at = 0; at < 40; ++at) {
    std::string text(40, 'a');
    text[at] = '\xE9';
    CHECK(utf8::first_invalid(text).value() == at);
    if (at + 1 < 40) {
      std::string valid(40, 'a');
      valid.replace(at, 2, "\xC3\xA9");
      CHECK_FALSE(utf8::first_invalid(valid).has_value());
    }
  }
}
