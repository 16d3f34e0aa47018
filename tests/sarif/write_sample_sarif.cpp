// Write lint_to_sarif() of a hand-built LintResult to the file named by argv[1], for
// validate.sh to check with the official SARIF validator. The findings cover every severity,
// a path that needs percent-encoding (a space, a non-ASCII character), a whole-file finding
// (line 0), a finding with a fix, and a code that is not in the registry.
#include <cstdio>
#include <exception>
#include <fstream>
#include <stdexcept>
#include <string>
#include <utility>

#include "testtier/lint_report.hpp"

namespace {

testtier::Finding finding(std::string code, testtier::Severity severity, std::string path,
                          testtier::SourceLocation location, std::string message, std::string fix) {
  return testtier::Finding{std::move(code), severity,           std::move(path), location,
                           std::move(message), std::move(fix)};
}

/// Return a result with one finding of each kind the SARIF writer treats differently.
testtier::LintResult sample() {
  using testtier::Severity;
  testtier::LintResult result;
  result.findings = {
      finding("TT001", Severity::warning, "tests/snuba/test_events.py", {12, 9},
              "snuba is used through `store_event` but never declared",
              "add `pytestmark = [requires_snuba]`"),
      finding("TT002", Severity::note, "tests/api/test owners é.py", {3, 1},
              "`sentry.snuba` imported for types only; snuba is not declared", ""),
      finding("TT901", Severity::error, "tests/broken 100%.py", {7, 4}, "syntax error", ""),
      finding("TT902", Severity::error, "tests/latin1.py", {0, 0}, "the file is not UTF-8", ""),
      finding("TT999", Severity::warning, "tests/unknown.py", {1, 1}, "a code this build does not know",
              "")};
  result.suppressed = 1;
  result.files_checked = 5;
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fputs("usage: write_sample_sarif OUT.sarif\n", stderr);
    return 2;
  }
  try {
    std::ofstream out(argv[1], std::ios::binary);
    out << testtier::lint_to_sarif(sample());
    out.close();
    if (!out) throw std::runtime_error("cannot write the file");
  } catch (const std::exception& error) {
    std::fprintf(stderr, "write_sample_sarif: %s: %s\n", argv[1], error.what());
    return 1;
  }
  return 0;
}
