/* The C API driven from C (compiled as C99): classify the sample corpus, read tests back, render,
 * and check errors. Usage: capi_test CORPUS_ROOT. Exits 0 when every check holds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testtier/testtier.h"

static int failures = 0;

#define CHECK(condition)                                                    \
  do {                                                                      \
    if (!(condition)) {                                                     \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition); \
      ++failures;                                                           \
    }                                                                       \
  } while (0)

static const char* tier_of(const testtier_classification* result, const char* id) {
  size_t i;
  for (i = 0; i < testtier_test_count(result); ++i) {
    if (strcmp(testtier_test_id(result, i), id) == 0) return testtier_test_tier(result, i);
  }
  return NULL;
}

int main(int argc, char** argv) {
  testtier_rules* rules = NULL;
  testtier_classification* result = NULL;
  char* json = NULL;
  char* lint = NULL;
  size_t findings = 0;
  const char* tier;
  if (argc != 2) return 2;

  CHECK(strlen(testtier_version()) > 0);
  CHECK(testtier_rules_find(argv[1], &rules) == TESTTIER_OK);
  CHECK(testtier_classify(argv[1], rules, 2, NULL, 0, &result) == TESTTIER_OK);
  CHECK(testtier_file_count(result) == 29);
  CHECK(testtier_test_count(result) == 89);
  tier = tier_of(result, "tests/sentry/tagstore/test_backend.py::SnubaTagStorageTest::test_backend_name");
  CHECK(tier != NULL && strcmp(tier, "snuba_tier") == 0);
  CHECK(testtier_test_id(result, 89) == NULL);

  CHECK(testtier_classification_render(result, "json", &json) == TESTTIER_OK);
  CHECK(json != NULL && strstr(json, "\"schema\": \"testtier/v1\"") != NULL);
  CHECK(testtier_classification_render(result, "yaml", &json) == TESTTIER_ERROR_ARGUMENT);
  CHECK(strstr(testtier_last_error(), "yaml") != NULL);

  CHECK(testtier_lint(argv[1], rules, "text", &lint, &findings) == TESTTIER_OK);
  CHECK(findings == 17);  /* corpus/README.md's table: 14 in the tests and helpers, 3 TT906 in testtier.toml */

  {
    testtier_rules* bad = NULL;
    CHECK(testtier_rules_parse("version = 1\n[project]\ntets = []\n", "bad.toml", &bad) == TESTTIER_ERROR_RULES);
    CHECK(bad == NULL);
    CHECK(strstr(testtier_last_error(), "bad.toml:3:1") != NULL);
  }
  CHECK(testtier_classify(NULL, rules, 0, NULL, 0, &result) == TESTTIER_ERROR_ARGUMENT);
  CHECK(testtier_classify("/no/such/dir", rules, 0, NULL, 0, &result) == TESTTIER_ERROR_IO);
  CHECK(testtier_rules_default(NULL) == TESTTIER_ERROR_ARGUMENT);

  testtier_string_free(json);
  testtier_string_free(lint);
  testtier_classification_free(result);
  testtier_rules_free(rules);
  testtier_rules_free(NULL);
  if (failures == 0) printf("capi: all checks passed\n");
  return failures == 0 ? 0 : 1;
}
