#include <utility>

#include <fmt/format.h>

#include "testtier/rules.hpp"

namespace testtier {
namespace {

/// Format "FILE:LINE:COL: error: MESSAGE", leaving out ":LINE:COL" when the line is unknown.
std::string describe(const std::string& origin, SourceLocation location,
                     const std::string& message) {
  if (location.line == 0) return fmt::format("{}: error: {}", origin, message);
  return fmt::format("{}:{}:{}: error: {}", origin, location.line, location.column, message);
}

}  // namespace

RulesError::RulesError(std::string origin, SourceLocation location, std::string key,
                       std::string message)
    : std::runtime_error(describe(origin, location, message)),
      origin_(std::move(origin)),
      location_(location),
      key_(std::move(key)),
      message_(std::move(message)) {}

}  // namespace testtier
