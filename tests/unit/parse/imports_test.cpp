#include <catch2/catch.hpp>

#include "facts_helpers.hpp"

using namespace testtier;
using testtier::test::facts_of;

namespace {

const Import& import_binding(const FileFacts& facts, std::string_view bound_as) {
  for (const Import& import : facts.imports) {
    if (import.bound_as == bound_as) return import;
  }
  throw std::out_of_range("no import binds " + std::string(bound_as));
}

}  // namespace

TEST_CASE("plain imports bind their first segment or their alias", "[parse][imports]") {
  const FileFacts facts = facts_of("import os\nimport a.b.c\nimport a.b as c, d\n");
  REQUIRE(facts.imports.size() == 4);
  CHECK(import_binding(facts, "os").module == "os");
  CHECK(facts.imports[1].module == "a.b.c");
  CHECK(facts.imports[1].bound_as == "a");
  CHECK(import_binding(facts, "c").module == "a.b");
  CHECK(import_binding(facts, "d").location == SourceLocation{3, 18});
  CHECK(facts.imports[1].location == SourceLocation{2, 8});
}

TEST_CASE("from-imports record module, name and binding", "[parse][imports]") {
  const FileFacts facts = facts_of(
      "from a.b import X\n"
      "from a.b import X as Y, Z\n"
      "from sentry.testutils.cases import (  # comment\n"
      "    SnubaTestCase,\n"
      "    APITestCase as API,\n"
      ")\n");
  const Import& y = import_binding(facts, "Y");
  CHECK(y.module == "a.b");
  CHECK(y.name == "X");
  CHECK(y.level == 0);
  CHECK(import_binding(facts, "Z").name == "Z");
  CHECK(import_binding(facts, "SnubaTestCase").location.line == 4);
  CHECK(import_binding(facts, "API").name == "APITestCase");
  CHECK(facts.diagnostics.empty());
}

TEST_CASE("relative and star imports keep their level", "[parse][imports]") {
  const FileFacts facts = facts_of("from . import x\nfrom ..pkg import *\nfrom .cases import Base\n");
  REQUIRE(facts.imports.size() == 3);
  CHECK(facts.imports[0].level == 1);
  CHECK(facts.imports[0].module.empty());
  CHECK(facts.imports[0].name == "x");
  CHECK(facts.imports[1].level == 2);
  CHECK(facts.imports[1].module == "pkg");
  CHECK(facts.imports[1].name == "*");
  CHECK(facts.imports[1].bound_as.empty());
  CHECK(facts.imports[2].module == "cases");
}

TEST_CASE("imports inside functions and try blocks are found", "[parse][imports]") {
  const FileFacts facts = facts_of(
      "try:\n"
      "    import ujson as json\n"
      "except ImportError:\n"
      "    import json\n"
      "def f():\n"
      "    from sentry.utils import snuba\n"
      "    if x:\n"
      "        import deep\n");
  REQUIRE(facts.imports.size() == 4);
  CHECK_FALSE(facts.imports[0].in_function);
  CHECK_FALSE(facts.imports[1].in_function);
  CHECK(facts.imports[2].in_function);
  CHECK(facts.imports[2].module == "sentry.utils");
  CHECK(facts.imports[3].in_function);
  CHECK(facts.imports[3].module == "deep");
}

TEST_CASE("imports under TYPE_CHECKING are type-only, its else branch is not", "[parse][imports]") {
  const FileFacts facts = facts_of(
      "from typing import TYPE_CHECKING\n"
      "import typing\n"
      "if TYPE_CHECKING:\n"
      "    from sentry.snuba.dataset import Dataset\n"
      "else:\n"
      "    Dataset = None\n"
      "    import runtime_only\n"
      "if typing.TYPE_CHECKING:\n"
      "    import also_typed\n");
  CHECK_FALSE(import_binding(facts, "TYPE_CHECKING").type_only);
  CHECK(import_binding(facts, "Dataset").type_only);
  CHECK_FALSE(import_binding(facts, "runtime_only").type_only);
  CHECK(import_binding(facts, "also_typed").type_only);
}
