// The C API: handles over the C++ API, every exception caught at the boundary.
#include "testtier/testtier.h"

#include <cstdlib>
#include <cstring>
#include <new>
#include <span>
#include <string>
#include <vector>

#include "testtier/classify.hpp"
#include "testtier/explain.hpp"
#include "testtier/lint.hpp"
#include "testtier/report.hpp"
#include "testtier/rules.hpp"
#include "testtier/version.hpp"

struct testtier_rules {
  testtier::Rules rules;
};

struct testtier_classification {
  testtier::Classification result;
  struct Row {
    std::string id, tier, services;
  };
  std::vector<Row> tests;  ///< flattened, in file then id order
};

namespace {

thread_local std::string last_error;

testtier_status fail(testtier_status status, std::string message) {
  last_error = std::move(message);
  return status;
}

testtier_status succeed() {
  last_error.clear();
  return TESTTIER_OK;
}

/// Run `body`, turning every exception into a status and this thread's last error.
template <typename Body>
testtier_status guarded(Body&& body) {
  try {
    return body();
  } catch (const testtier::RulesError& error) {
    return fail(TESTTIER_ERROR_RULES, error.what());
  } catch (const std::bad_alloc&) {
    return fail(TESTTIER_ERROR_INTERNAL, "out of memory");
  } catch (const std::exception& error) {
    return fail(TESTTIER_ERROR_INTERNAL, error.what());
  } catch (...) {
    return fail(TESTTIER_ERROR_INTERNAL, "unknown error");
  }
}

/// Return an error for the format `name`, which is none of `formats`: "unknown format `yaml`:
/// expected json, text, sentry or csv".
template <typename Format>
testtier_status unknown_format(const std::string& name, std::span<const Format> formats) {
  std::string expected;
  for (const Format& format : formats) {
    expected += (expected.empty() ? "" : &format == &formats.back() ? " or " : ", ") + std::string(format.name);
  }
  return fail(TESTTIER_ERROR_ARGUMENT, "unknown format `" + name + "`: expected " + expected);
}

/// Copy `text` into a malloc'ed C string for the caller (released by testtier_string_free).
testtier_status hand_over(const std::string& text, char** out) {
  char* copy = static_cast<char*>(std::malloc(text.size() + 1));
  if (copy == nullptr) return fail(TESTTIER_ERROR_INTERNAL, "out of memory");
  std::memcpy(copy, text.c_str(), text.size() + 1);
  *out = copy;
  return succeed();
}

testtier_status make_rules(testtier::Rules rules, testtier_rules** out) {
  *out = new testtier_rules{std::move(rules)};
  return succeed();
}

bool is_directory(const char* path) {
  std::error_code error;
  return std::filesystem::is_directory(path, error);
}

}  // namespace

extern "C" {

const char* testtier_version(void) { return testtier::version(); }

const char* testtier_last_error(void) { return last_error.c_str(); }

void testtier_string_free(char* text) { std::free(text); }

testtier_status testtier_rules_load_file(const char* path, testtier_rules** out) {
  if (path == nullptr || out == nullptr) return fail(TESTTIER_ERROR_ARGUMENT, "path and out must not be NULL");
  return guarded([&] { return make_rules(testtier::load_rules_file(path), out); });
}

testtier_status testtier_rules_parse(const char* toml, const char* origin, testtier_rules** out) {
  if (toml == nullptr || out == nullptr) return fail(TESTTIER_ERROR_ARGUMENT, "toml and out must not be NULL");
  return guarded([&] { return make_rules(testtier::parse_rules(toml, origin != nullptr ? origin : "<string>"), out); });
}

testtier_status testtier_rules_default(testtier_rules** out) {
  if (out == nullptr) return fail(TESTTIER_ERROR_ARGUMENT, "out must not be NULL");
  return guarded([&] { return make_rules(testtier::default_rules(), out); });
}

testtier_status testtier_rules_find(const char* root, testtier_rules** out) {
  if (root == nullptr || out == nullptr) return fail(TESTTIER_ERROR_ARGUMENT, "root and out must not be NULL");
  if (!is_directory(root)) return fail(TESTTIER_ERROR_IO, std::string(root) + ": not a directory");
  return guarded([&] { return make_rules(testtier::find_rules(root), out); });
}

void testtier_rules_free(testtier_rules* rules) { delete rules; }

testtier_status testtier_classify(const char* root, const testtier_rules* rules, unsigned threads,
                                  const char* const* files, size_t count, testtier_classification** out) {
  if (root == nullptr || rules == nullptr || out == nullptr || (count > 0 && files == nullptr)) {
    return fail(TESTTIER_ERROR_ARGUMENT, "root, rules and out must not be NULL (nor files when count > 0)");
  }
  if (!is_directory(root)) return fail(TESTTIER_ERROR_IO, std::string(root) + ": not a directory");
  return guarded([&] {
    testtier::ClassifyOptions options;
    options.threads = threads;
    for (size_t i = 0; i < count; ++i) {
      if (files[i] == nullptr) return fail(TESTTIER_ERROR_ARGUMENT, "files must not hold NULL");
      options.only_files.emplace_back(files[i]);
    }
    auto* answer = new testtier_classification{testtier::classify(root, rules->rules, options), {}};
    for (const testtier::FileResult& file : answer->result.files) {
      for (const testtier::TestResult& test : file.tests) {
        std::string services;
        for (const std::string& service : test.services) services += (services.empty() ? "" : ",") + service;
        answer->tests.push_back({test.id, test.tier, services});
      }
    }
    *out = answer;
    return succeed();
  });
}

void testtier_classification_free(testtier_classification* result) { delete result; }

size_t testtier_file_count(const testtier_classification* result) {
  return result == nullptr ? 0 : result->result.files.size();
}

size_t testtier_test_count(const testtier_classification* result) { return result == nullptr ? 0 : result->tests.size(); }

const char* testtier_test_id(const testtier_classification* result, size_t index) {
  return result == nullptr || index >= result->tests.size() ? nullptr : result->tests[index].id.c_str();
}

const char* testtier_test_tier(const testtier_classification* result, size_t index) {
  return result == nullptr || index >= result->tests.size() ? nullptr : result->tests[index].tier.c_str();
}

const char* testtier_test_services(const testtier_classification* result, size_t index) {
  return result == nullptr || index >= result->tests.size() ? nullptr : result->tests[index].services.c_str();
}

testtier_status testtier_classification_render(const testtier_classification* result, const char* format,
                                               char** out) {
  if (result == nullptr || format == nullptr || out == nullptr) {
    return fail(TESTTIER_ERROR_ARGUMENT, "result, format and out must not be NULL");
  }
  return guarded([&] {
    const auto formats = testtier::classification_formats();
    const testtier::ClassificationFormat* chosen = testtier::find_format(formats, format);
    if (chosen == nullptr) return unknown_format(format, formats);
    return hand_over(chosen->write(result->result, {}), out);
  });
}

testtier_status testtier_explain(const testtier_classification* result, const testtier_rules* rules,
                                 const char* target, char** out) {
  if (result == nullptr || rules == nullptr || target == nullptr || out == nullptr) {
    return fail(TESTTIER_ERROR_ARGUMENT, "result, rules, target and out must not be NULL");
  }
  return guarded([&] {
    const auto text = testtier::explain(result->result, rules->rules, target);
    if (!text) return fail(TESTTIER_ERROR_ARGUMENT, std::string(target) + ": no such test file or test");
    return hand_over(*text, out);
  });
}

testtier_status testtier_lint(const char* root, const testtier_rules* rules, const char* format, char** out,
                              size_t* finding_count) {
  if (root == nullptr || rules == nullptr || format == nullptr || out == nullptr) {
    return fail(TESTTIER_ERROR_ARGUMENT, "root, rules, format and out must not be NULL");
  }
  if (!is_directory(root)) return fail(TESTTIER_ERROR_IO, std::string(root) + ": not a directory");
  return guarded([&] {
    const auto formats = testtier::lint_formats();
    const testtier::LintFormat* chosen = testtier::find_format(formats, format);
    if (chosen == nullptr) return unknown_format(format, formats);  // before the work, not after
    const testtier::LintResult found = testtier::lint(root, rules->rules);
    if (finding_count != nullptr) *finding_count = found.findings.size();
    return hand_over(chosen->write(found), out);
  });
}

}  // extern "C"
