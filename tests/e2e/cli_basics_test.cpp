// The program's shell: version, help, usage errors and exit statuses.
#include <catch2/catch.hpp>

#include "cli.hpp"

using testtier::e2e::run_testtier;

TEST_CASE("the --version flag prints the project version", "[e2e][cli]") {
  for (const char* flag : {"--version", "-V"}) {
    const auto result = run_testtier({flag});
    CHECK(result.status == 0);
    CHECK(result.out == std::string("testtier ") + TESTTIER_VERSION + "\n");
  }
}

TEST_CASE("the --help flag lists the subcommands and the exit statuses", "[e2e][cli]") {
  const auto result = run_testtier({"--help"});
  CHECK(result.status == 0);
  CHECK_THAT(result.out, Catch::Contains("facts"));
  CHECK_THAT(result.out, Catch::Contains("Exit status: 0 success; 1 only from lint"));
}

TEST_CASE("an unknown flag is a usage error with status 2", "[e2e][cli]") {
  const auto result = run_testtier({"--no-such-flag"});
  CHECK(result.status == 2);
  CHECK_THAT(result.err, Catch::Contains("--no-such-flag"));
  CHECK(result.out.empty());
}

TEST_CASE("no subcommand is a usage error with status 2", "[e2e][cli]") {
  const auto result = run_testtier({});
  CHECK(result.status == 2);
  CHECK_FALSE(result.err.empty());
}

TEST_CASE("an unknown flag of a subcommand is a usage error with status 2", "[e2e][cli]") {
  const auto result = run_testtier({"facts", "--bogus", "x.py"});
  CHECK(result.status == 2);
  CHECK_THAT(result.err, Catch::Contains("--bogus"));
}
