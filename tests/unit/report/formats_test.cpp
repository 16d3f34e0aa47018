#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "report/sample_classification.hpp"
#include "report/sample_lint_result.hpp"
#include "testtier/lint_report.hpp"
#include "testtier/report.hpp"

using namespace testtier;

TEST_CASE("classification formats: each row's writer, the default first", "[report]") {
  const Classification sample = test::sample_classification();
  const auto formats = classification_formats();
  CHECK(formats.front().name == "json");
  CHECK(find_format(formats, "json")->write(sample, {}) == classification_to_json(sample));
  CHECK(find_format(formats, "json")->write(sample, {.test_reasons = true}) ==
        classification_to_json(sample, {.test_reasons = true}));
  CHECK(find_format(formats, "text")->write(sample, {}) == classification_to_text(sample));
  CHECK(find_format(formats, "sentry")->write(sample, {}) == classification_to_sentry(sample));
  CHECK(find_format(formats, "csv")->write(sample, {}) == classification_to_csv(sample));
  CHECK(find_format(formats, "markdown")->write(sample, {}) == classification_to_markdown(sample));
  CHECK(find_format(formats, "yaml") == nullptr);
}

TEST_CASE("lint formats: each row's writer, the default first", "[report]") {
  const LintResult sample = test::sample_lint_result();
  const auto formats = lint_formats();
  CHECK(formats.front().name == "text");
  CHECK(find_format(formats, "text")->write(sample) == lint_to_text(sample));
  CHECK(find_format(formats, "json")->write(sample) == lint_to_json(sample));
  CHECK(find_format(formats, "sarif")->write(sample) == lint_to_sarif(sample));
  CHECK(find_format(formats, "github")->write(sample) == lint_to_github(sample));
  CHECK(find_format(formats, "markdown")->write(sample) == lint_to_markdown(sample));
  CHECK(find_format(formats, "Text") == nullptr);
}

TEST_CASE("formats have distinct names and a description each", "[report]") {
  std::set<std::string_view> classification_names, lint_names;
  for (const ClassificationFormat& format : classification_formats()) {
    CHECK(classification_names.insert(format.name).second);
    CHECK_FALSE(format.description.empty());
  }
  for (const LintFormat& format : lint_formats()) {
    CHECK(lint_names.insert(format.name).second);
    CHECK_FALSE(format.description.empty());
  }
}
