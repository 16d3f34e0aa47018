#include <catch2/catch.hpp>

#include <regex>
#include <string>
#include <vector>

#include "report/html_chart.hpp"

using namespace testtier::report;

namespace {

/// One <rect> of a chart, read back.
struct Segment {
  std::string tier;
  std::size_t count = 0;
  double x = 0, width = 0;
};

std::vector<Segment> segments_of(const std::string& svg) {
  static const std::regex rect(
      R"re(<rect class="segment" data-tier="([^"]*)" data-count="(\d+)" x="([\d.]+)" y="[\d.]+" width="([\d.]+)")re");
  std::vector<Segment> out;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), rect); it != std::sregex_iterator(); ++it) {
    out.push_back({(*it)[1], std::stoul((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4])});
  }
  return out;
}

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

const std::vector<std::string> kTiers = {"no_services", "postgres_only", "snuba_tier"};

}  // namespace

TEST_CASE("bars chart: segments long in proportion to their counts, across bars", "[report][html]") {
  const std::vector<ChartBar> bars = {{"tests/sentry/api", "", {10, 30, 60}},   // 100 tests: the longest
                                      {"tests/snuba", "", {0, 0, 25}},          // 25 tests
                                      {"tests/empty", "", {0, 0, 0}}};
  const std::string svg = bars_svg(bars, kTiers, "chart", "Tests per tier");
  const std::vector<Segment> segments = segments_of(svg);
  REQUIRE(segments.size() == 4);  // no rect for a zero count
  CHECK(segments[0].tier == "no_services");
  CHECK(segments[1].tier == "postgres_only");
  CHECK(segments[2].tier == "snuba_tier");
  CHECK(segments[3].tier == "snuba_tier");
  const double per_test = segments[0].width / 10;
  CHECK(per_test > 0);
  for (const Segment& segment : segments) {
    INFO(segment.tier << " " << segment.count);
    CHECK(segment.width == Approx(per_test * double(segment.count)).margin(0.01));
  }
  // The longest bar spans the plot; segments follow one another from the same left edge.
  CHECK(segments[0].width + segments[1].width + segments[2].width == Approx(580).margin(0.02));
  CHECK(segments[1].x == Approx(segments[0].x + segments[0].width).margin(0.01));
  CHECK(segments[2].x == Approx(segments[1].x + segments[1].width).margin(0.01));
  CHECK(segments[3].x == Approx(segments[0].x).margin(0.01));
  CHECK(occurrences(svg, "<g class=\"bar\"") == 3);
  CHECK_THAT(svg, Catch::Contains("data-label=\"tests/empty\" data-tests=\"0\""));
  CHECK_THAT(svg, Catch::Contains("<title>tests/sentry/api: 100 tests; no_services 10 (10.0%); postgres_only 30 "
                                  "(30.0%); snuba_tier 60 (60.0%)</title>"));
  CHECK_THAT(svg, Catch::Contains("<title>tests/snuba: snuba_tier, 25 of 25 tests (100.0%)</title>"));
  CHECK_THAT(svg, Catch::StartsWith("<svg id=\"chart\"") && Catch::EndsWith("</svg>"));
  CHECK_THAT(svg, Catch::Contains("<title id=\"chart-title\">Tests per tier</title>"));
}

TEST_CASE("bars chart: each tier its own colour, the same in every bar", "[report][html]") {
  const std::string svg = bars_svg({{"a", "", {1, 1, 1}}, {"b", "", {1, 0, 1}}}, kTiers, "c", "t");
  CHECK(occurrences(svg, std::string("fill=\"") + std::string(tier_color(0)) + "\"") == 2);
  CHECK(occurrences(svg, std::string("fill=\"") + std::string(tier_color(1)) + "\"") == 1);
  CHECK(occurrences(svg, std::string("fill=\"") + std::string(tier_color(2)) + "\"") == 2);
  CHECK(tier_color(0) != tier_color(1));
  CHECK(tier_color(8) == tier_color(0));  // the palette cycles
}

TEST_CASE("bars chart: labels and tiers escaped, a long label shown by its end", "[report][html]") {
  const std::string hostile = "tests/<script>&\"x'";
  const std::string svg = bars_svg({{hostile, "a \"quoted\" <dir>", {1}}}, {"<tier>"}, "c", "t");
  CHECK_THAT(svg, !Catch::Contains("<script>") && !Catch::Contains("<tier>") && !Catch::Contains("\"x'"));
  CHECK_THAT(svg, Catch::Contains("data-label=\"tests/&lt;script&gt;&amp;&quot;x&#39;\""));
  CHECK_THAT(svg, Catch::Contains("data-tier=\"&lt;tier&gt;\""));
  const std::string long_label = "tests/" + std::string(50, 'a') + "/caf\xC3\xA9";
  const std::string long_svg = bars_svg({{long_label, "", {1}}}, {"x"}, "c", "t");
  // 39 code points after the ellipsis: the end of the path, é kept whole; the title has it all.
  CHECK_THAT(long_svg, Catch::Contains(">\xE2\x80\xA6" + std::string(34, 'a') + "/caf\xC3\xA9</text>"));
  CHECK_THAT(long_svg, Catch::Contains("data-label=\"" + long_label + "\""));
  const std::string exact = std::string(40, 'b');
  CHECK_THAT(bars_svg({{exact, "", {1}}}, {"x"}, "c", "t"), Catch::Contains(">" + exact + "</text>"));
}

TEST_CASE("bars chart: no bars, or bars without tests, draw no segment", "[report][html]") {
  CHECK(segments_of(bars_svg({}, kTiers, "c", "t")).empty());
  CHECK(segments_of(bars_svg({{"a", "", {0, 0, 0}}}, kTiers, "c", "t")).empty());
}

TEST_CASE("shares chart: one bar across the width, segments in proportion, labelled where they fit",
          "[report][html]") {
  const std::string svg = shares_svg({12, 18, 0}, kTiers, "shares", "Share of tests");
  const std::vector<Segment> segments = segments_of(svg);
  REQUIRE(segments.size() == 2);
  CHECK(segments[0].x == 0);
  CHECK(segments[0].width == Approx(960.0 * 12 / 30).margin(0.01));
  CHECK(segments[1].x == Approx(segments[0].width).margin(0.01));
  CHECK(segments[1].width == Approx(960.0 * 18 / 30).margin(0.01));
  CHECK_THAT(svg, Catch::Contains(">no_services 40.0%</text>") && Catch::Contains(">postgres_only 60.0%</text>"));
  CHECK_THAT(svg, !Catch::Contains("snuba_tier 0.0%"));
  // A sliver too narrow for its words keeps its title only.
  const std::string thin = shares_svg({1, 999, 0}, kTiers, "s", "t");
  CHECK_THAT(thin, !Catch::Contains(">no_services 0.1%</text>"));
  CHECK_THAT(thin, Catch::Contains("<title>no_services, 1 of 1000 tests (0.1%)</title>"));
  CHECK(segments_of(shares_svg({0, 0, 0}, kTiers, "s", "t")).empty());
}
