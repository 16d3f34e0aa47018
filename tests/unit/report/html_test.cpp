#include <catch2/catch.hpp>

#include "report/html.hpp"

using namespace testtier::report;

TEST_CASE("html text: entities for what HTML reads in text and in quoted attributes", "[report][html]") {
  CHECK(html_text("snuba_tier") == "snuba_tier");
  CHECK(html_text("") == "");
  CHECK(html_text("<b>\"x\" & y</b>") == "&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;");
  CHECK(html_text("it's") == "it&#39;s");
  CHECK(html_text("&amp;") == "&amp;amp;");  // an entity given is shown, not read
  CHECK(html_text("</pre><script>alert(1)</script>") == "&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(html_text("a=\"1\" onclick='x'") == "a=&quot;1&quot; onclick=&#39;x&#39;");
}

TEST_CASE("html text: control characters and undecodable bytes spelled as printable()", "[report][html]") {
  CHECK(html_text("a\nb\rc") == "a\\nb\\rc");
  CHECK(html_text(std::string("nul\0x", 5)) == "nul\\x00x");
  CHECK(html_text("tab\tkept") == "tab\tkept");
  CHECK(html_text("bad\xFF<") == "bad\\xFF&lt;");
  CHECK(html_text("\xC3(") == "\\xC3(");  // a lead byte without its continuation
  CHECK(html_text("\x7F") == "\\x7F");
}

TEST_CASE("html text: characters that would show a name other than it is, spelled", "[report][html]") {
  CHECK(html_text("caf\xC3\xA9 \xE2\x9C\x93") == "caf\xC3\xA9 \xE2\x9C\x93");  // é and ✓ kept
  CHECK(html_text("test_\xE2\x80\xAEyp.py") == "test_\\u{202E}yp.py");      // right-to-left override
  CHECK(html_text("\xE2\x81\xA6x\xE2\x81\xA9") == "\\u{2066}x\\u{2069}");   // isolates
  CHECK(html_text("a\xC2\x85z") == "a\\u{0085}z");                          // C1 next line
  CHECK(html_text("\xE2\x80\x8Ez\xD8\x9C") == "\\u{200E}z\\u{061C}");
  CHECK(html_text("\xF0\x9F\x98\x80") == "\xF0\x9F\x98\x80");                // four bytes kept
}

TEST_CASE("html lines: line ends kept for a <pre>, each line escaped", "[report][html]") {
  CHECK(html_lines("a <b>\n  -> c\n") == "a &lt;b&gt;\n  -&gt; c\n");
  CHECK(html_lines("one") == "one");
  CHECK(html_lines("\n") == "\n");
  CHECK(html_lines("x\r\ny") == "x\\r\ny");
  CHECK(html_lines("") == "");
}
