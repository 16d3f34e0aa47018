// TT003 unused-declaration: a file declares a service nothing in it uses (off by default).
#include <map>
#include <set>

#include <fmt/format.h>

#include "classify/suspicious.hpp"
#include "lint/checks.hpp"

namespace testtier::lint_stage {

namespace {
std::vector<Finding> find_unused_declarations(const LintCode& code, const LintInput& input);
}  // namespace

extern const LintRule kUnusedDeclaration{
    .code = {
        .code = "TT003",
        .name = "unused-declaration",
        .severity = Severity::note,
        .enabled_by_default = false,
        .summary = "A test file declares a service that nothing in it uses beyond the declaration.",
        .what = "A service declared by a `marker`, `fixture` or `path` signal in a test file where no other "
                "evidence for that service exists: no inferred signal (call, setting, import) in the file or what "
                "its tests reach, and no base class that brings it. Off by default: select it with `--select TT003`.",
        .why = "Each declared service puts a file in a dearer tier. A `pytestmark = [requires_snuba]` left behind "
               "after a refactor costs Snuba's 4–5 minute start-up in every shard that runs the file.",
        .example = "    pytestmark = [requires_snuba]    # TT003: nothing below calls Snuba\n"
                   "    def test_parse():\n"
                   "        assert parse('1h') == 3600",
        .fix = "Remove the declaration if the file really does not need the service, or suppress the finding on "
               "the declaration's line when the need is real but invisible to static analysis.",
    },
    .check = find_unused_declarations,
};

namespace {

std::vector<Finding> find_unused_declarations(const LintCode& code, const LintInput& input) {
  std::vector<Finding> findings;
  for (const FileResult& file : input.classification.files) {
    std::set<std::string> used;
    std::map<std::string, const Reason*> first_declaration;
    for (const Reason& reason : file.reasons) {
      if (reason.service == "*") used.insert("*");  // a file that was not parsed: TT903 says so
      if (!reason.declared) used.insert(reason.service);
      if (reason.declared && !first_declaration.contains(reason.service)) first_declaration[reason.service] = &reason;
    }
    // A called import of a `[[suspicious]]` module is a use too (file.suspicious lists only those
    // of undeclared services, so ask again regardless of declarations).
    if (const auto facts = input.store.parsed().find(file.path); facts != input.store.parsed().end()) {
      const resolve::Resolver resolver(input.store);
      for (const SuspiciousImport& suspicious : classify_stage::suspicious_imports(*facts->second, {}, input.rules, resolver)) {
        if (suspicious.called) used.insert(suspicious.service);
      }
    }
    for (const auto& [service, reason] : first_declaration) {
      if (used.contains(service)) continue;
      const SourceLocation location =
          reason->path == file.path ? SourceLocation{reason->line, reason->column} : SourceLocation{};
      findings.push_back(make_finding(
          code, file.path, location,
          fmt::format("`{}` is declared ({} `{}`) but nothing here uses it beyond the declaration", service,
                      to_string(reason->signal), reason->evidence)));
    }
  }
  return findings;
}

}  // namespace
}  // namespace testtier::lint_stage
