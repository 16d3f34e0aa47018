#include <catch2/catch.hpp>

#include "util/ini.hpp"

using testtier::parse_ini;

TEST_CASE("parse_ini reads sections, values and continuation lines", "[ini][rules]") {
  const auto ini = parse_ini(
      "\xEF\xBB\xBF; comment\n[a]\nx = 1\ny: two = 2\r\nz =\n  first\n\n  # comment\n  second\n"
      "[b]  # trailing\nx=\n");
  REQUIRE(ini.error.empty());
  REQUIRE(ini.sections.size() == 2);
  const auto* a = ini.section("a");
  REQUIRE(a != nullptr);
  CHECK(a->line == 2);
  CHECK(a->values.at("x").text == "1");
  CHECK(a->values.at("x").line == 3);
  CHECK(a->values.at("y").text == "two = 2");
  CHECK(a->values.at("z").text == "first\nsecond");
  REQUIRE(ini.section("b") != nullptr);
  CHECK(ini.section("b")->values.at("x").text.empty());
  CHECK(ini.section("c") == nullptr);
}

TEST_CASE("parse_ini reports the first bad line", "[ini][rules]") {
  CHECK(parse_ini("x = 1\n").error_line == 1);
  CHECK(parse_ini("[a]\n[a]\n").error == "duplicate section [a]");
  CHECK(parse_ini("[a]\nx = 1\nx = 2\n").error_line == 3);
  CHECK(parse_ini("[a]\n  x\n").error == "a continuation line without a value before it");
  const auto bad = parse_ini("[a]\nx = 1\nnonsense\n[b\n");
  CHECK(bad.error == "unexpected line: nonsense");
  CHECK(bad.error_line == 3);
}
