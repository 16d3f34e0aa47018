// ANSI SGR escapes for the human writers (internal to the report stage).
#pragma once

#include <string>
#include <string_view>

namespace testtier::report {

/// SGR parameters of the styles the writers use.
namespace sgr {
inline constexpr std::string_view bold = "1";
inline constexpr std::string_view bold_red = "1;31";
inline constexpr std::string_view bold_cyan = "1;36";
inline constexpr std::string_view bold_green = "1;32";
inline constexpr std::string_view cyan = "36";
}  // namespace sgr

/// Return `text` between the escape that turns on `style` and the one that resets, when `on`;
/// else `text` as it is.
inline std::string paint(std::string_view text, std::string_view style, bool on) {
  if (!on || text.empty()) return std::string(text);
  std::string out;
  out.reserve(text.size() + style.size() + 7);
  out.append("\x1b[").append(style).append("m").append(text).append("\x1b[0m");
  return out;
}

}  // namespace testtier::report
