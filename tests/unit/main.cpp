// The unit tests parse as the testtier program does: in parse arenas.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "testtier/parse.hpp"

int main(int argc, char** argv) {
  testtier::install_parse_arenas();
  return Catch::Session().run(argc, argv);
}
