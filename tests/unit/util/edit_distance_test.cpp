#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "util/edit_distance.hpp"

using testtier::edit_distance;
using testtier::nearest_names;

TEST_CASE("edit_distance counts insertions, deletions, substitutions and swaps", "[edit_distance]") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("abc", "") == 3);
  CHECK(edit_distance("django_db", "django_db") == 0);
  CHECK(edit_distance("djano_db", "django_db") == 1);   // insertion
  CHECK(edit_distance("djangoo_db", "django_db") == 1); // deletion
  CHECK(edit_distance("djanga_db", "django_db") == 1);  // substitution
  CHECK(edit_distance("djnago_db", "django_db") == 1);  // neighbours swapped
  CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("nearest_names keeps likely typos only, closest first", "[edit_distance]") {
  const std::vector<std::string> seen = {"django_db", "db", "transactional_db", "snuba", "parametrize"};
  CHECK(nearest_names("djano_db", seen) == std::vector<std::string>{"django_db"});
  CHECK(nearest_names("snbua", seen) == std::vector<std::string>{"snuba"});
  CHECK(nearest_names("kafka", seen).empty());
  CHECK(nearest_names("Django-DB", seen) == std::vector<std::string>{"django_db"});  // case and '-'
  CHECK(nearest_names("django_db", {"django_db"}).empty());
  CHECK(nearest_names("requires_kafka", {"_requires_kafka"}).empty());  // a private/public pair
}

TEST_CASE("nearest_names compares qualified names by their last part too", "[edit_distance]") {
  const std::vector<std::string> classes = {"sentry.testutils.cases.SnubaTestCase", "django.test.TestCase"};
  CHECK(nearest_names("sentry.testutils.cases.SnubaTestcase", classes) ==
        std::vector<std::string>{"sentry.testutils.cases.SnubaTestCase"});
  CHECK(nearest_names("sentry.testutils.SnubaTestCase", classes) ==
        std::vector<std::string>{"sentry.testutils.cases.SnubaTestCase"});
}
