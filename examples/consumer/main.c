/* Classify a repository through the C API and print its counts. */
#include <stdio.h>

#include <testtier/testtier.h>

int main(int argc, char** argv) {
  testtier_rules* rules = NULL;
  testtier_classification* result = NULL;
  if (argc != 2) {
    fprintf(stderr, "usage: %s REPOSITORY\n", argv[0]);
    return 2;
  }
  if (testtier_rules_find(argv[1], &rules) != TESTTIER_OK ||
      testtier_classify(argv[1], rules, 0, NULL, 0, &result) != TESTTIER_OK) {
    fprintf(stderr, "%s\n", testtier_last_error());
    testtier_rules_free(rules);
    return 1;
  }
  printf("testtier %s: %zu files, %zu tests\n", testtier_version(), testtier_file_count(result),
         testtier_test_count(result));
  testtier_classification_free(result);
  testtier_rules_free(rules);
  return 0;
}
