// Bad input never crashes, hangs or loses the rest of the file.
#include <catch2/catch.hpp>

#include <string>

#include "facts_helpers.hpp"

using namespace testtier;
using testtier::test::facts_of;
using testtier::test::has_code;
using testtier::test::named;

TEST_CASE("a syntax error is a diagnostic with a location, the rest is still extracted",
          "[parse][bad-input]") {
  const FileFacts facts = facts_of(
      "import pytest\n"
      "def test_before(): pass\n"
      "def broken(:\n"
      "    pass\n"
      "class TestAfter:\n"
      "    def test_after(self): pass\n");
  REQUIRE(has_code(facts, codes::syntax_error));
  const Diagnostic& error = facts.diagnostics.front();
  CHECK(error.location.line == 3);
  CHECK(error.path == "test_sample.py");
  CHECK(error.message.find("syntax error") == 0);
  CHECK_NOTHROW(named(facts.functions, "test_before"));
  CHECK(testtier::test::class_named(facts, "TestAfter").methods.size() == 1);
}

TEST_CASE("a missing token is reported as missing", "[parse][bad-input]") {
  const FileFacts facts = facts_of("x = foo(1, 2\n");
  REQUIRE(has_code(facts, codes::syntax_error));
}

TEST_CASE("an empty file has no facts and no diagnostics", "[parse][bad-input]") {
  const FileFacts facts = facts_of("");
  CHECK(facts.diagnostics.empty());
  CHECK(facts.classes.empty());
  CHECK(facts.size == 0);
}

TEST_CASE("a UTF-8 BOM is dropped and does not shift the first line", "[parse][bad-input]") {
  const FileFacts facts = facts_of("\xEF\xBB\xBFimport os\ndef test_a(): pass\n");
  CHECK(facts.diagnostics.empty());
  REQUIRE(facts.imports.size() == 1);
  CHECK(facts.imports[0].location == SourceLocation{1, 8});
}

TEST_CASE("CRLF line endings give the same facts as LF", "[parse][bad-input]") {
  const FileFacts crlf = facts_of("import pytest\r\n@pytest.mark.snuba\r\ndef test_a(db):\r\n    pass\r\n");
  const FileFacts lf = facts_of("import pytest\n@pytest.mark.snuba\ndef test_a(db):\n    pass\n");
  CHECK(crlf.diagnostics.empty());
  CHECK(crlf.functions == lf.functions);
  CHECK(crlf.imports == lf.imports);
}

TEST_CASE("invalid UTF-8 without a coding cookie is TT902, and parsing goes on",
          "[parse][bad-input]") {
  const FileFacts facts = facts_of("x = 'caf\xE9'\ndef test_a(): pass\n");
  REQUIRE(has_code(facts, codes::undecodable));
  CHECK(facts.diagnostics.front().location == SourceLocation{1, 9});
  CHECK_NOTHROW(named(facts.functions, "test_a"));
}

TEST_CASE("a Latin-1 coding cookie makes Latin-1 bytes valid", "[parse][bad-input]") {
  const FileFacts facts = facts_of("# -*- coding: latin-1 -*-\nx = 'caf\xE9'\ndef test_a(): pass\n");
  CHECK(facts.diagnostics.empty());
  CHECK_NOTHROW(named(facts.functions, "test_a"));
}

TEST_CASE("an early NUL byte marks a binary file: not parsed", "[parse][bad-input]") {
  const FileFacts facts = facts_of(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  REQUIRE(has_code(facts, codes::unreadable));
  CHECK(facts.functions.empty());
}

TEST_CASE("a late NUL byte is reported and read as a space", "[parse][bad-input]") {
  std::string source(9000, '#');
  source += "\ndef test_a(): pass\nx = 1\0\n";
  source.push_back('\0');
  const FileFacts facts = facts_of(source);
  REQUIRE(has_code(facts, codes::undecodable));
  CHECK_NOTHROW(named(facts.functions, "test_a"));
}

TEST_CASE("a file over the size limit is TT903 and not parsed", "[parse][bad-input]") {
  ParseOptions options;
  options.max_file_bytes = 10;
  const FileFacts facts = extract_facts("def test_a(): pass\n", "big.py", "big", options);
  REQUIRE(has_code(facts, codes::unreadable));
  CHECK(facts.functions.empty());
}

TEST_CASE("50 MB on one line is refused by the default size limit, quickly", "[parse][bad-input]") {
  std::string source = "x = [";
  source.reserve(50u << 20);
  while (source.size() < (50u << 20)) source += "1,";
  source += "]\ndef test_after(): pass\n";
  const FileFacts facts = extract_facts(source, "long.py", "long");
  REQUIRE(has_code(facts, codes::unreadable));
  CHECK(facts.size == source.size());
  CHECK(facts.functions.empty());
}

TEST_CASE("a 1 MB one-line literal under the limit is parsed whole", "[parse][bad-input]") {
  // Locations on one long line used to cost O(line length) each: quadratic in the file size.
  std::string source = "x = [";
  while (source.size() < (1u << 20)) source += "1,";
  source += "]\ndef test_after(): pass\n";
  const FileFacts facts = extract_facts(source, "long.py", "long");
  CHECK(facts.diagnostics.empty());
  CHECK(named(facts.functions, "test_after").location.line == 2);
}

TEST_CASE("a parse over the time limit is TT903", "[parse][bad-input]") {
  std::string source = "x = [";
  while (source.size() < (1u << 20)) source += "1,";
  source += "]\n";
  ParseOptions options;
  options.timeout_micros = 1;
  const FileFacts slow = extract_facts(source, "slow.py", "slow", options);
  REQUIRE(has_code(slow, codes::unreadable));
  CHECK(slow.diagnostics.front().message.find("longer than") != std::string::npos);
}

TEST_CASE("columns count characters, also far along a long line", "[parse]") {
  const FileFacts facts = facts_of("x = ['éé', " + std::string(1000, ' ') + "f()]\nimport été\n");
  REQUIRE(facts.module_uses.calls.size() == 1);
  CHECK(facts.module_uses.calls[0].location.column == 1 + 10 + 1000 + 1);
  REQUIRE(facts.imports.size() == 1);
  CHECK(facts.imports[0].location.column == 8);
}

TEST_CASE("10,000 nested brackets neither crash nor hang", "[parse][bad-input]") {
  const std::string open(10000, '['), close(10000, ']');
  const FileFacts balanced = facts_of("x = " + open + close + "\ndef test_a(): f(" + open + close + ")\n");
  CHECK_NOTHROW(named(balanced.functions, "test_a"));
  const FileFacts unbalanced = facts_of("x = " + std::string(10000, '(') + "\n");
  CHECK(has_code(unbalanced, codes::syntax_error));
}

TEST_CASE("deeply nested blocks are walked up to Python's own limit", "[parse][bad-input]") {
  std::string source;
  for (int depth = 0; depth < 60; ++depth) source += std::string(4 * depth, ' ') + "if x:\n";
  source += std::string(4 * 60, ' ') + "import deep_module\n";
  const FileFacts facts = facts_of(source);
  REQUIRE(facts.imports.size() == 1);
  CHECK(facts.imports[0].module == "deep_module");
}
