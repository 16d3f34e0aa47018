#include <catch2/catch.hpp>

#include "report/markdown.hpp"

using namespace testtier::report;

TEST_CASE("markdown text: punctuation with a meaning escaped, HTML as entities", "[report]") {
  CHECK(markdown_text("plain words, 100% sure.") == "plain words, 100% sure.");
  CHECK(markdown_text("a|b") == "a\\|b");
  CHECK(markdown_text("*bold* _em_ ~del~ `code`") == "\\*bold\\* \\_em\\_ \\~del\\~ \\`code\\`");
  CHECK(markdown_text("# heading #") == "\\# heading \\#");
  CHECK(markdown_text("![img](x) [link]") == "\\!\\[img\\](x) \\[link\\]");
  CHECK(markdown_text("<script>&amp;</script>") == "&lt;script&gt;&amp;amp;&lt;/script&gt;");
  CHECK(markdown_text("@someone pays $5 or $x$") == "\\@someone pays \\$5 or \\$x\\$");
  CHECK(markdown_text("back\\slash") == "back\\\\slash");
}

TEST_CASE("markdown text: control characters and undecodable bytes spelled, then escaped", "[report]") {
  // printable() spells them with a backslash, which is itself escaped so that it shows.
  CHECK(markdown_text("a\nb") == "a\\\\nb");
  CHECK(markdown_text("| x |\n| --- |") == "\\| x \\|\\\\n\\| --- \\|");
  CHECK(markdown_text("bad\xFF") == "bad\\\\xFF");
  CHECK(markdown_text("caf\xC3\xA9") == "caf\xC3\xA9");
}

TEST_CASE("markdown lines: line ends as <br>, each line escaped", "[report]") {
  CHECK(markdown_lines("one") == "one");
  CHECK(markdown_lines("one\r\n# two\nthree\r") == "one<br>\\# two<br>three\\\\r");
  CHECK(markdown_lines("\n") == "<br>");
}

TEST_CASE("markdown code: a fence longer than any backtick run inside", "[report]") {
  CHECK(markdown_code("tests/a.py:3:5") == "`tests/a.py:3:5`");
  CHECK(markdown_code("a|b <c> & *d*") == "`a|b <c> & *d*`");  // literal in a span
  CHECK(markdown_code("a`b") == "``a`b``");
  CHECK(markdown_code("a``b`c") == "```a``b`c```");
  CHECK(markdown_code("`a") == "`` `a ``");
  CHECK(markdown_code("a`") == "`` a` ``");
  CHECK(markdown_code(" a ") == "`  a  `");  // CommonMark strips one space from each end
  CHECK(markdown_code(" a") == "` a`");
  CHECK(markdown_code("  ") == "`  `");
  CHECK(markdown_code("") == "` `");
  CHECK(markdown_code("a\nb\xFF") == "`a\\nb\\xFF`");
}
