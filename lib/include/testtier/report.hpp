// Writers of classify results. Each returns the whole document as a string (ending in a newline);
// the same Classification always gives the same bytes.
#pragma once

#include <string>

#include "testtier/classification.hpp"

namespace testtier {

/// What the JSON document holds beyond DESIGN.md's `testtier/v1`.
struct JsonOptions {
  /// Give every test its own `reasons` (as each file has). Off by default: on a large repository
  /// they are two thirds of the document and repeat the file's reasons; `explain` shows them.
  bool test_reasons = false;
};

/// Return the `testtier/v1` JSON document of DESIGN.md "Outputs" (pretty-printed, 2 spaces).
std::string classification_to_json(const Classification& result, const JsonOptions& options = {});

/// Return a human summary: per service and per tier, the files and tests, then the files of each tier.
std::string classification_to_text(const Classification& result);

/// Return the JSON artifact Sentry's runtime classifier writes:
/// `{"total_tests", "summary": {"service_counts", "tier_counts"}, "tests": {nodeid: [services]}}`.
std::string classification_to_sentry(const Classification& result);

/// Return CSV (RFC 4180, header row) with one row per test: id, path, line, tier, services
/// (';'-separated), in file then id order. Fields are quoted only when they hold `,`, `"`, CR or LF;
/// lines end in "\n", not RFC 4180's CRLF, as Unix tools and Python's csv module read either.
std::string classification_to_csv(const Classification& result);

}  // namespace testtier
