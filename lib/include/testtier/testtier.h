/* testtier's C API: classify a repository's tests by the services they need, from C or any
 * language with a C FFI (Python ctypes, Rust).
 *
 * Conventions: every object is an opaque handle made by a testtier_*_create/load/... function and
 * released by the matching testtier_*_free (NULL is accepted and ignored). Functions return a
 * testtier_status; on anything but TESTTIER_OK, testtier_last_error() describes the failure (per
 * thread, valid until that thread's next call). Strings are UTF-8. A `char*` returned through an
 * out-parameter belongs to the caller, who releases it with testtier_string_free(); a `const char*`
 * returned directly belongs to the handle it came from and lives as long as the handle. No
 * function prints, exits, or changes the process's locale or signals. */
#ifndef TESTTIER_TESTTIER_H
#define TESTTIER_TESTTIER_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum testtier_status {
  TESTTIER_OK = 0,
  TESTTIER_ERROR_ARGUMENT = 1, /* a NULL or invalid argument */
  TESTTIER_ERROR_RULES = 2,    /* rules that cannot be used; the message has file:line:column */
  TESTTIER_ERROR_IO = 3,       /* a file or directory that cannot be read */
  TESTTIER_ERROR_INTERNAL = 4  /* anything else (out of memory, a bug) */
} testtier_status;

typedef struct testtier_rules testtier_rules;                   /* a validated rule set */
typedef struct testtier_classification testtier_classification; /* one classify run's answer */

/* Return the library version, e.g. "0.1.0" (static storage). */
const char* testtier_version(void);

/* Return the message of this thread's last failure ("" when there was none). */
const char* testtier_last_error(void);

/* Release a string the library returned through an out-parameter. */
void testtier_string_free(char* text);

/* Load rules: from a TOML file; from TOML text (`origin` names it in errors, may be NULL); the
 * built-in default; or as `testtier classify` finds them for `root` (testtier.toml, pyproject.toml,
 * default). */
testtier_status testtier_rules_load_file(const char* path, testtier_rules** out);
testtier_status testtier_rules_parse(const char* toml, const char* origin, testtier_rules** out);
testtier_status testtier_rules_default(testtier_rules** out);
testtier_status testtier_rules_find(const char* root, testtier_rules** out);
void testtier_rules_free(testtier_rules* rules);

/* Classify the repository at `root` under `rules` on `threads` threads (0: one per core). With
 * `count` > 0, only the test files among `files` (root-relative paths or directories). */
testtier_status testtier_classify(const char* root, const testtier_rules* rules, unsigned threads,
                                  const char* const* files, size_t count, testtier_classification** out);
void testtier_classification_free(testtier_classification* result);

/* Counts of the answer, and one test by index (0 <= index < testtier_test_count): its node id,
 * tier, and services joined by ','. Out-of-range indexes return NULL. */
size_t testtier_file_count(const testtier_classification* result);
size_t testtier_test_count(const testtier_classification* result);
const char* testtier_test_id(const testtier_classification* result, size_t index);
const char* testtier_test_tier(const testtier_classification* result, size_t index);
const char* testtier_test_services(const testtier_classification* result, size_t index);

/* Render the answer as "json" (testtier/v1), "text", "sentry" or "csv" into a new string. */
testtier_status testtier_classification_render(const testtier_classification* result, const char* format,
                                               char** out);

/* Explain a test file or node id of the answer (as `testtier explain`) into a new string. */
testtier_status testtier_explain(const testtier_classification* result, const testtier_rules* rules,
                                 const char* target, char** out);

/* Lint the repository at `root` (default codes) and render the findings as "text", "json", "sarif"
 * or "github" into a new string; `finding_count` (may be NULL) receives their number. */
testtier_status testtier_lint(const char* root, const testtier_rules* rules, const char* format, char** out,
                              size_t* finding_count);

#ifdef __cplusplus
}
#endif

#endif /* TESTTIER_TESTTIER_H */
