// make_finding() and reported_diagnostics(): how every check builds what it reports.
#include <catch2/catch.hpp>

#include "lint/checks.hpp"

using namespace testtier;

TEST_CASE("make_finding takes the code's default severity and no fix", "[lint]") {
  const LintCode* tt001 = nullptr;
  const LintCode* tt904 = nullptr;
  for (const LintCode& code : lint_codes()) {
    if (code.code == "TT001") tt001 = &code;
    if (code.code == "TT904") tt904 = &code;
  }
  REQUIRE(tt001 != nullptr);
  REQUIRE(tt904 != nullptr);
  const Finding finding = lint_stage::make_finding(*tt001, "tests/a.py", {3, 7}, "needs snuba");
  CHECK(finding == Finding{"TT001", tt001->severity, "tests/a.py", {3, 7}, "needs snuba", ""});
  CHECK(lint_stage::make_finding(*tt904, "b.py", {}, "x").severity == tt904->severity);
}
