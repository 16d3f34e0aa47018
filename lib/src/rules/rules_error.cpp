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

/// Format every problem of `problems`, one a line.
std::string describe_all(const std::string& origin, const std::vector<RulesProblem>& problems) {
  std::string text;
  for (const RulesProblem& problem : problems) {
    text += (text.empty() ? "" : "\n") + describe(origin, problem.location, problem.message);
  }
  return text;
}

}  // namespace

RulesError::RulesError(std::string origin, SourceLocation location, std::string key,
                       std::string message)
    : RulesError(std::move(origin), std::vector<RulesProblem>{{location, std::move(key), std::move(message)}}) {}

RulesError::RulesError(std::string origin, std::vector<RulesProblem> problems)
    : std::runtime_error(describe_all(origin, problems)),
      origin_(std::move(origin)),
      location_(problems.at(0).location),
      key_(problems.front().key),
      message_(problems.front().message),
      problems_(std::move(problems)) {}

}  // namespace testtier
