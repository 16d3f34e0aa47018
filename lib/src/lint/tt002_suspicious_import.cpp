// TT002 suspicious-import: an import of a `[[suspicious]]` module where its service is not declared.
#include <algorithm>

#include <fmt/format.h>

#include "lint/checks.hpp"

namespace testtier::lint_stage {

namespace {
std::vector<Finding> find_suspicious_imports(const LintCode& code, const LintInput& input);
}  // namespace

extern const LintRule kSuspiciousImport{
    .code = {
        .code = "TT002",
        .name = "suspicious-import",
        .severity = Severity::note,
        .enabled_by_default = true,
        .summary = "A test file imports a module of a service it does not declare.",
        .what = "An import of a module listed under `[[suspicious]]` in a test file that does not declare that "
                "service: a note, which says whether only names that are never called are imported (types, "
                "constants, enums) or an imported name, or an attribute of it, is called, which may reach the "
                "service. Notes alone do not fail a lint run.",
        .why = "Of the 55 files in Sentry's tests/sentry/ that imported Snuba modules without declaring Snuba, "
               "about 50 used only types and constants and needed no Snuba, and about 5 did need it. Whether a "
               "called name reaches the service is more than analysis can tell (on Sentry's real tests the "
               "called names were a Django model, `SnubaQuery`, and a string parser, `parse_mri`): calls the "
               "rules know to reach it are TT001 warnings; the rest are notes pointing review at the few that "
               "may matter.",
        .example = "    from sentry.snuba.dataset import Dataset        # TT002 note: types only\n"
                   "    from sentry.snuba.models import SnubaQuery      # TT002 note: SnubaQuery(...) is called, which may\n"
                   "                                                    #   query Snuba",
        .fix = "Declare the service when the file really uses it; otherwise import the type from a module that is "
               "not suspicious, or keep the note and suppress it with `# testtier: ignore[TT002]`.",
    },
    .check = find_suspicious_imports,
};

namespace {

SourceLocation import_location(const resolve::FactStore& store, const std::string& path, std::uint32_t line) {
  if (const FileFacts* facts = store.parsed().contains(path) ? store.parsed().at(path).get() : nullptr) {
    for (const Import& import : facts->imports) {
      if (import.location.line == line) return import.location;
    }
  }
  return {line, 1};
}

std::string spelled(const SuspiciousImport& suspicious) {
  if (suspicious.names.empty()) return fmt::format("import {}", suspicious.module);
  std::string names;
  for (const std::string& name : suspicious.names) names += (names.empty() ? "" : ", ") + name;
  return fmt::format("from {} import {}", suspicious.module, names);
}

/// Return the message of `suspicious`: which names are imported, and whether one is called.
std::string describe(const SuspiciousImport& suspicious) {
  if (suspicious.called) {
    return fmt::format("`{}` where `{}` is not declared; an imported name is called, which may use `{}`",
                       spelled(suspicious), suspicious.service, suspicious.service);
  }
  return fmt::format("`{}` where `{}` is not declared; only types or constants are used", spelled(suspicious),
                     suspicious.service);
}

std::vector<Finding> find_suspicious_imports(const LintCode& code, const LintInput& input) {
  std::vector<Finding> findings;
  for (const FileResult& file : input.classification.files) {
    for (const SuspiciousImport& suspicious : file.suspicious) {
      Finding finding = make_finding(code, file.path, import_location(input.store, file.path, suspicious.line),
                                     describe(suspicious));
      if (suspicious.called) finding.fix = declaration_advice(suspicious.service, input.rules, input.store);
      findings.push_back(std::move(finding));
    }
  }
  return findings;
}

}  // namespace
}  // namespace testtier::lint_stage
