// The output formats of classify and lint: one row per writer, in the order help texts list them.
#include <array>

#include "testtier/lint_report.hpp"
#include "testtier/report.hpp"

namespace testtier {
namespace {

/// Return `writer` (which takes no options) as a ClassificationFormat's `write`.
template <std::string (*writer)(const Classification&)>
std::string without_options(const Classification& result, const JsonOptions&) {
  return writer(result);
}

/// Return `writer` with its default (plain) TextStyle as a LintFormat's `write`.
template <std::string (*writer)(const LintResult&, const TextStyle&)>
std::string plain(const LintResult& result) {
  return writer(result, {});
}

/// Return `writer` with its default (plain) TextStyle and no options as a ClassificationFormat's `write`.
template <std::string (*writer)(const Classification&, const TextStyle&)>
std::string plain_without_options(const Classification& result, const JsonOptions&) {
  return writer(result, {});
}

constexpr std::array kClassificationFormats = {
    ClassificationFormat{.name = "json",
                         .description = "the testtier/v1 document: files, tests, services, tiers and reasons",
                         .write = classification_to_json},
    ClassificationFormat{.name = "text",
                         .description = "a summary per service and tier, then each tier's files",
                         .write = plain_without_options<classification_to_text>},
    ClassificationFormat{.name = "sentry",
                         .description = "the artifact Sentry's runtime classifier writes",
                         .write = without_options<classification_to_sentry>},
    ClassificationFormat{.name = "csv", .description = "one row per test", .write = without_options<classification_to_csv>},
    ClassificationFormat{.name = "markdown",
                         .description = "GitHub Markdown for a job summary or a pull-request comment",
                         .write = without_options<classification_to_markdown>},
};

constexpr std::array kLintFormats = {
    LintFormat{.name = "text", .description = "`path:line:col: CODE message` lines, then a summary", .write = plain<lint_to_text>},
    LintFormat{.name = "json", .description = "the testtier-lint/v1 document", .write = lint_to_json},
    LintFormat{.name = "sarif", .description = "a SARIF 2.1.0 log, for code scanning", .write = lint_to_sarif},
    LintFormat{.name = "github", .description = "GitHub Actions annotations", .write = lint_to_github},
    LintFormat{.name = "markdown",
               .description = "GitHub Markdown for a job summary or a pull-request comment",
               .write = lint_to_markdown},
};

}  // namespace

std::span<const ClassificationFormat> classification_formats() { return kClassificationFormats; }

std::span<const LintFormat> lint_formats() { return kLintFormats; }

}  // namespace testtier
