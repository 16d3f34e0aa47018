// TT003 unused-declaration: a file declares a service nothing in it uses (off by default).
#include <map>
#include <set>

#include <fmt/format.h>

#include "classify/suspicious.hpp"
#include "lint/checks.hpp"
#include "lint/codes.hpp"

namespace testtier::lint_stage {

const LintCode kUnusedDeclaration{
    "TT003",
    "unused-declaration",
    Severity::note,
    false,
    "A test file declares a service that nothing in it uses beyond the declaration.",
    "A service declared by a `marker`, `fixture` or `path` signal in a test file where no other "
    "evidence for that service exists: no inferred signal (call, setting, import) in the file or what "
    "its tests reach, and no base class that brings it. Off by default: select it with `--select TT003`.",
    "Each declared service puts a file in a dearer tier. A `pytestmark = [requires_snuba]` left behind "
    "after a refactor costs Snuba's 4–5 minute start-up in every shard that runs the file.",
    "    pytestmark = [requires_snuba]    # TT003: nothing below calls Snuba\n"
    "    def test_parse():\n"
    "        assert parse('1h') == 3600",
    "Remove the declaration if the file really does not need the service, or suppress the finding on "
    "the declaration's line when the need is real but invisible to static analysis."};


std::vector<Finding> check_unused_declarations(const LintInput& input) {
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
      Finding finding;
      finding.code = std::string(kUnusedDeclaration.code);
      finding.severity = kUnusedDeclaration.severity;
      finding.path = file.path;
      if (reason->path == file.path) finding.location = {reason->line, reason->column};
      finding.message = fmt::format("`{}` is declared ({} `{}`) but nothing here uses it beyond the declaration",
                                    service, to_string(reason->signal), reason->evidence);
      findings.push_back(std::move(finding));
    }
  }
  return findings;
}

}  // namespace testtier::lint_stage
