#include "report/html_chart.hpp"

#include <algorithm>
#include <array>
#include <numeric>

#include <fmt/format.h>

#include "report/html.hpp"
#include "report/summary.hpp"
#include "testtier/text.hpp"

namespace testtier::report {
namespace {

// Geometry of bars_svg(), in SVG user units (the chart scales with the page's width).
constexpr double kWidth = 960;
constexpr double kLabelRight = 290;   // labels end here
constexpr double kPlotLeft = 300;
constexpr double kPlotWidth = 580;    // the longest bar; its total is written after it
constexpr double kRowHeight = 24;
constexpr double kBarHeight = 16;
constexpr double kShareHeight = 34;
constexpr std::size_t kLabelLength = 40;  // code points shown of a label

struct Color {
  std::string_view fill, text;
};
constexpr std::array<Color, 8> kPalette = {{{"#009E73", "#000000"}, {"#56B4E9", "#000000"},
                                            {"#E69F00", "#000000"}, {"#D55E00", "#000000"},
                                            {"#CC79A7", "#000000"}, {"#0072B2", "#FFFFFF"},
                                            {"#F0E442", "#000000"}, {"#999999", "#000000"}}};

/// Return `label` as shown: its printable form, cut to its last kLabelLength code points after
/// a "…" when longer (the end of a path says most).
std::string shown_label(std::string_view label) {
  const std::string text = printable(label);
  std::size_t points = 0, at = text.size();
  while (at > 0) {
    --at;
    if ((static_cast<unsigned char>(text[at]) & 0xC0) != 0x80 && ++points == kLabelLength) break;
  }
  if (points < kLabelLength || at == 0) return text;
  // Keep one code point fewer, to make room for the ellipsis.
  do {
    ++at;
  } while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80);
  return "\u2026" + text.substr(at);
}

/// Return what a bar's title says: its label, total and each tier's count and share.
std::string bar_title(const ChartBar& bar, const std::vector<std::string>& tiers, std::size_t total) {
  std::string out = bar.description.empty() ? bar.label : fmt::format("{} ({})", bar.label, bar.description);
  out += ": " + count_of(total, "test");
  for (std::size_t i = 0; i < tiers.size() && i < bar.counts.size(); ++i) {
    if (bar.counts[i] > 0) out += fmt::format("; {} {} ({})", tiers[i], bar.counts[i], percent(bar.counts[i], total));
  }
  return out;
}

/// Append the segments of `counts`, `scale` units per test from `left`, in a band from `top`.
void append_segments(std::string& out, const std::vector<std::size_t>& counts, const std::vector<std::string>& tiers,
                     const std::string& owner, double scale, double left, double top, double height) {
  const std::size_t total = std::accumulate(counts.begin(), counts.end(), std::size_t{0});
  std::size_t before = 0;
  for (std::size_t i = 0; i < tiers.size() && i < counts.size(); ++i) {
    if (counts[i] == 0) continue;
    const std::string subject = owner.empty() ? tiers[i] : owner + ": " + tiers[i];
    out += fmt::format(
        "<rect class=\"segment\" data-tier=\"{}\" data-count=\"{}\" x=\"{:.2f}\" y=\"{:.2f}\" width=\"{:.2f}\" "
        "height=\"{:.2f}\" fill=\"{}\"><title>{}, {} of {} tests ({})</title></rect>",
        html_text(tiers[i]), counts[i], left + scale * double(before), top, scale * double(counts[i]), height,
        tier_color(i), html_text(subject), counts[i], total, percent(counts[i], total));
    before += counts[i];
  }
}

std::string svg_open(std::string_view id, std::string_view title, double height) {
  return fmt::format(
      "<svg id=\"{0}\" class=\"chart\" viewBox=\"0 0 {1:.0f} {2:.0f}\" width=\"{1:.0f}\" height=\"{2:.0f}\" "
      "role=\"img\" aria-labelledby=\"{0}-title\"><title id=\"{0}-title\">{3}</title>",
      html_text(id), kWidth, height, html_text(title));
}

}  // namespace

std::string_view tier_color(std::size_t index) { return kPalette[index % kPalette.size()].fill; }

std::string_view tier_text_color(std::size_t index) { return kPalette[index % kPalette.size()].text; }

std::string bars_svg(const std::vector<ChartBar>& bars, const std::vector<std::string>& tiers, std::string_view id,
                     std::string_view title) {
  std::vector<std::size_t> totals;
  for (const ChartBar& bar : bars) totals.push_back(std::accumulate(bar.counts.begin(), bar.counts.end(), std::size_t{0}));
  const std::size_t longest = totals.empty() ? 0 : *std::max_element(totals.begin(), totals.end());
  const double scale = longest == 0 ? 0 : kPlotWidth / double(longest);
  std::string out = svg_open(id, title, kRowHeight * double(std::max<std::size_t>(bars.size(), 1)));
  for (std::size_t row = 0; row < bars.size(); ++row) {
    const ChartBar& bar = bars[row];
    const double top = kRowHeight * double(row) + (kRowHeight - kBarHeight) / 2;
    const double baseline = top + kBarHeight - 4;
    out += fmt::format("<g class=\"bar\" data-label=\"{}\" data-tests=\"{}\"><title>{}</title>", html_text(bar.label),
                       totals[row], html_text(bar_title(bar, tiers, totals[row])));
    out += fmt::format("<text x=\"{:.0f}\" y=\"{:.2f}\" text-anchor=\"end\">{}</text>", kLabelRight, baseline,
                       html_text(shown_label(bar.label)));
    append_segments(out, bar.counts, tiers, bar.label, scale, kPlotLeft, top, kBarHeight);
    out += fmt::format("<text x=\"{:.2f}\" y=\"{:.2f}\" class=\"total\">{}</text></g>",
                       kPlotLeft + scale * double(totals[row]) + 6, baseline, totals[row]);
  }
  return out + "</svg>";
}

std::string shares_svg(const std::vector<std::size_t>& counts, const std::vector<std::string>& tiers,
                       std::string_view id, std::string_view title) {
  const std::size_t total = std::accumulate(counts.begin(), counts.end(), std::size_t{0});
  const double scale = total == 0 ? 0 : kWidth / double(total);
  std::string out = svg_open(id, title, kShareHeight);
  out += fmt::format("<g class=\"bar\" data-label=\"all\" data-tests=\"{}\">", total);
  append_segments(out, counts, tiers, "", scale, 0, 0, kShareHeight);
  std::size_t before = 0;
  for (std::size_t i = 0; i < tiers.size() && i < counts.size(); ++i) {
    const double width = scale * double(counts[i]);
    // About 7 units a character at the page's 12px: write what fits.
    const std::string text = fmt::format("{} {}", printable(tiers[i]), percent(counts[i], total));
    if (counts[i] > 0 && width >= 7.0 * double(text.size()) + 8) {
      out += fmt::format("<text x=\"{:.2f}\" y=\"{:.2f}\" text-anchor=\"middle\" fill=\"{}\">{}</text>",
                         scale * (double(before) + double(counts[i]) / 2), kShareHeight / 2 + 4, tier_text_color(i),
                         html_text(text));
    }
    before += counts[i];
  }
  return out + "</g></svg>";
}

}  // namespace testtier::report
