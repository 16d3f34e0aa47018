// The HTML report's pictures as inline SVG (no script, no external file): tiers as coloured
// segments of horizontal bars.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace testtier::report {

/// One bar of a chart.
struct ChartBar {
  std::string label;                ///< shown left of the bar, as it is (the chart escapes it)
  std::string description;          ///< the label in words, for the tooltip
  std::vector<std::size_t> counts;  ///< tests per tier, in the chart's tier order
};

/// Return the colour (`#RRGGBB`) of the tier at `index` of the tier order, cheapest first: the
/// Okabe-Ito palette, which colour-blind readers tell apart, cycling after its 8 colours.
std::string_view tier_color(std::size_t index);

/// Return the colour of text written on tier_color(`index`).
std::string_view tier_text_color(std::size_t index);

/// Return an `<svg>` (id `id`, titled `title`) with one horizontal bar per `bars`, top to bottom,
/// each made of a segment per nonzero count, left to right in the order of `tiers`, coloured by
/// tier_color(). A bar is long in proportion to its total (the longest spans the plot), a segment
/// in proportion to its count; the total is written after the bar. Every bar and segment has a
/// `<title>` (label, counts, shares) and data attributes: `data-label` and `data-tests` on a bar's
/// `<g class="bar">`, `data-tier` and `data-count` on a segment's `<rect>`. Text is escaped; a
/// label longer than 40 characters is shown by its end, and whole in its title.
std::string bars_svg(const std::vector<ChartBar>& bars, const std::vector<std::string>& tiers, std::string_view id,
                     std::string_view title);

/// Return an `<svg>` of one bar spanning the width: the shares of `counts` (per tier, in the order
/// of `tiers`) as segments, each with its tier and share written on it where it is wide enough,
/// and a `<title>`; the same data attributes as bars_svg().
std::string shares_svg(const std::vector<std::size_t>& counts, const std::vector<std::string>& tiers,
                       std::string_view id, std::string_view title);

}  // namespace testtier::report
