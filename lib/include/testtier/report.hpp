// Writers of classify results, and the tables of every classify and lint output format. Each
// writer returns the whole document as a string (ending in a newline); the same input always
// gives the same bytes.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "testtier/classification.hpp"
#include "testtier/lint.hpp"
#include "testtier/text.hpp"

namespace testtier {

/// What the JSON document holds beyond DESIGN.md's `testtier/v1`.
struct JsonOptions {
  /// Give every test its own `reasons` (as each file has). Off by default: on a large repository
  /// they are two thirds of the document and repeat the file's reasons; `explain` shows them.
  bool test_reasons = false;
};

/// Return the `testtier/v1` JSON document of DESIGN.md "Outputs" (pretty-printed, 2 spaces).
std::string classification_to_json(const Classification& result, const JsonOptions& options = {});

/// Return a human summary: per service and per tier, the files and tests, then the files of each
/// tier. With `style.color`, the heading line, the tables' header rows and each tier's heading are
/// bold (the columns stay aligned).
std::string classification_to_text(const Classification& result, const TextStyle& style = {});

/// Return the JSON artifact Sentry's runtime classifier writes:
/// `{"total_tests", "summary": {"service_counts", "tier_counts"}, "tests": {nodeid: [services]}}`.
std::string classification_to_sentry(const Classification& result);

/// Return CSV (RFC 4180, header row) with one row per test: id, path, line, tier, services
/// (';'-separated), in file then id order. Fields are quoted only when they hold `,`, `"`, CR or LF;
/// lines end in "\n", not RFC 4180's CRLF, as Unix tools and Python's csv module read either.
std::string classification_to_csv(const Classification& result);

/// Return GitHub-flavoured Markdown for a job summary or a pull-request comment: a heading with
/// the counts and the rules, the tables of tiers and services, each tier's files in a collapsed
/// `<details>`, then the diagnostics; everything from files and rules escaped.
std::string classification_to_markdown(const Classification& result);

/// One output format of classify: what `--format NAME` selects.
struct ClassificationFormat {
  std::string_view name;         ///< "json"
  std::string_view description;  ///< a few words, for help texts
  /// Return `result` in this format; only json reads `options`.
  std::string (*write)(const Classification& result, const JsonOptions& options);
};

/// One output format of lint (its writers are in lint_report.hpp).
struct LintFormat {
  std::string_view name;         ///< "sarif"
  std::string_view description;  ///< a few words, for help texts
  std::string (*write)(const LintResult& result);
};

/// Return every classify output format, the default (json) first.
std::span<const ClassificationFormat> classification_formats();

/// Return every lint output format, the default (text) first.
std::span<const LintFormat> lint_formats();

/// Return the format named `name` in `formats` (one of the tables above), or nullptr.
template <typename Format>
const Format* find_format(std::span<const Format> formats, std::string_view name) {
  for (const Format& format : formats) {
    if (format.name == name) return &format;
  }
  return nullptr;
}

}  // namespace testtier
