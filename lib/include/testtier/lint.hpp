// Lint: tests that use a service they never declare, suspicious imports, unused declarations,
// and input problems, as findings with codes (TT001 ...), each documented in one place.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "testtier/classify.hpp"
#include "testtier/diagnostic.hpp"
#include "testtier/rules.hpp"

namespace testtier {

/// One lint code and its documentation (what `testtier lint --explain CODE` prints).
struct LintCode {
  std::string_view code;          ///< "TT001"
  std::string_view name;          ///< "undeclared-service"
  Severity severity;              ///< default severity of its findings
  bool enabled_by_default;
  std::string_view summary;       ///< one sentence
  std::string_view what;          ///< what it finds
  std::string_view why;           ///< why it matters
  std::string_view example;       ///< Python that triggers it
  std::string_view fix;           ///< how to fix it (what to write instead)
};

/// Return every lint code, in code order.
const std::vector<LintCode>& lint_codes();

/// Return the code `code` ("TT001"), or nullptr when there is none.
const LintCode* find_lint_code(std::string_view code);

/// Return the documentation of `code` as Markdown-ish text (sections What / Why / Example / Fix).
std::string explain_lint_code(const LintCode& code);

/// One finding.
struct Finding {
  std::string code;               ///< "TT001"
  Severity severity = Severity::warning;
  std::string path;               ///< relative to the root, with '/'
  SourceLocation location;        ///< line 0: the whole file
  std::string message;
  std::string fix;                ///< a suggested change, "" when none

  friend bool operator==(const Finding&, const Finding&) = default;
};

/// Return whether `selector` names lint codes: a code ("TT001"), a prefix of some ("TT0",
/// "TT9"), or "ALL". Upper case only (callers upper-case what users write).
bool is_lint_selector(std::string_view selector);

/// Which codes to report, as ruff's command line: the rules' `[lint]` table is applied first,
/// then these. Within each of the two, a code is on or off by the most specific selector that
/// matches it (a whole code beats a longer prefix beats a shorter one beats ALL; at equal
/// specificity `ignore` wins), so `select = ["TT0"], ignore = ["TT003"]` and `select =
/// ["TT001"], ignore = ["TT0"]` both do what they say. A `select` (the file's or `select` here)
/// starts again from nothing; without one, `extend_select` and `ignore` change what came before
/// (the defaults, then the file's choice). `per-file-ignores` of the rules apply last.
struct LintOptions {
  std::vector<std::string> select;         ///< empty: keep the rules' selection (else the defaults)
  std::vector<std::string> extend_select;  ///< codes or prefixes added
  std::vector<std::string> ignore;         ///< codes or prefixes removed
  /// How the repository is classified for the checks: threads, parse limits, the cache, and
  /// `classify.only_files` — when not empty, lint only the test files among these root-relative
  /// files and directories (and report no run-wide finding such as TT906), still resolving bases
  /// and fixtures from the whole repository.
  ClassifyOptions classify;
};

/// Return the codes a lint run under `rules` and `options` reports (before per-file-ignores and
/// suppression comments), in code order. Throws UnknownLintCode for a selector in `options` that
/// names no code.
std::vector<std::string> enabled_lint_codes(const Rules& rules, const LintOptions& options);

/// What a lint run found.
struct LintResult {
  std::vector<Finding> findings;  ///< sorted by path, line, column, code; suppressed ones removed
  std::size_t suppressed = 0;     ///< findings silenced by `# testtier: ignore[...]` or `# noqa`
  std::size_t files_checked = 0;  ///< test files linted
};

/// Thrown for a code or prefix in `select`/`extend_select`/`ignore` that names no lint code.
class UnknownLintCode : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// Lint the repository at `root` under `rules`: the codes enabled_lint_codes() gives, less what
/// the rules' per-file-ignores and `# testtier: ignore`/`# noqa` comments silence. Throws
/// UnknownLintCode for a bad selection in `options`, and std::invalid_argument for a
/// per-file-ignores glob that does not compile (only rules built by hand can hold one); never
/// throws on bad input (it becomes TT9xx findings).
LintResult lint(const std::filesystem::path& root, const Rules& rules, const LintOptions& options = {});

/// How many findings of one code a run has (`testtier lint --statistics`).
struct LintStatistic {
  std::string code;   ///< "TT001"
  std::string name;   ///< "undeclared-service"
  std::size_t count = 0;

  friend bool operator==(const LintStatistic&, const LintStatistic&) = default;
};

/// Return the count of `result`'s findings per code, most frequent first (then by code), as
/// ruff's `--statistics`; codes without findings are left out.
std::vector<LintStatistic> lint_statistics(const LintResult& result);

}  // namespace testtier
