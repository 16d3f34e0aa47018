// `# testtier: ignore[...]`: on the reported line, or on the `def`/`class` line around it;
// `# noqa[: CODES]` on the reported line only, as flake8 and ruff read it.
#include <algorithm>

#include "lint/checks.hpp"

namespace testtier::lint_stage {
namespace {

bool silences(const Suppression& suppression, std::uint32_t line, const std::string& code) {
  if (suppression.location.line != line) return false;
  return suppression.codes.empty() ||
         std::find(suppression.codes.begin(), suppression.codes.end(), code) != suppression.codes.end();
}

/// Return whether a suppression on `line` silences `code`; a `# noqa` counts only when
/// `with_noqa` (the finding's own line, not a definition's).
bool silenced_on(const FileFacts& facts, std::uint32_t line, const std::string& code, bool with_noqa) {
  return std::any_of(facts.suppressions.begin(), facts.suppressions.end(),
                     [&](const Suppression& s) { return (with_noqa || !s.noqa) && silences(s, line, code); });
}

template <typename Definition>
bool silenced_by_definition(const FileFacts& facts, const Definition& definition, std::uint32_t line,
                            const std::string& code) {
  return definition.location.line <= line && line <= definition.end_line &&
         silenced_on(facts, definition.location.line, code, false);
}

}  // namespace

bool is_suppressed(const Finding& finding, const FileFacts& facts) {
  const std::uint32_t line = finding.location.line;
  if (line == 0) return false;
  if (silenced_on(facts, line, finding.code, true)) return true;
  for (const FunctionFacts& function : facts.functions) {
    if (silenced_by_definition(facts, function, line, finding.code)) return true;
  }
  for (const ClassFacts& cls : facts.classes) {
    if (silenced_by_definition(facts, cls, line, finding.code)) return true;
    for (const FunctionFacts& method : cls.methods) {
      if (silenced_by_definition(facts, method, line, finding.code)) return true;
    }
  }
  return false;
}

}  // namespace testtier::lint_stage
