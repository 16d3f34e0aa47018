// TT001 undeclared-service: a test reaches a service only through inferred evidence.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "lint/checks.hpp"

namespace testtier::lint_stage {

namespace {
std::vector<Finding> find_undeclared_services(const LintCode& code, const LintInput& input);
}  // namespace

extern const LintRule kUndeclaredService{
    .code = {
        .code = "TT001",
        .name = "undeclared-service",
        .severity = Severity::warning,
        .enabled_by_default = true,
        .summary = "A test uses a service only through inferred evidence and never declares it.",
        .what = "A test whose need for a service comes only from `call`, `setting`, `import` or `env` signals (or "
                "any signal the rules mark `declared = false`, also when found in the repository's functions the test "
                "calls), with no `base_class`, `marker`, `fixture` or `path` "
                "signal for that service. Reported at the line of the evidence, naming the service and a "
                "declaration the rules accept, and the chain (fixtures, classes, calls) that brought the evidence.",
        .why = "Tiered CI starts only the services a shard declares. A test that calls `store_event()` without "
               "declaring Snuba passes where every service runs and fails in a Postgres-only shard: Sentry's "
               "first tiered run went 97% green until such files were found by hand.",
        .example = "    class ProjectEventOwnersTest(APITestCase):\n"
                   "        def test_owners(self):\n"
                   "            self.store_event(data={...})   # TT001: snuba reached only through `store_event`",
        .fix = "Declare the service the way the rules accept, e.g. `pytestmark = [requires_snuba]` or a Snuba "
               "base class, or silence a known exception with `# testtier: ignore[TT001]` on the line or its "
               "`def`.",
    },
    .check = find_undeclared_services,
};

namespace {

std::string describe_evidence(const Reason& reason) {
  switch (reason.signal) {
    case EvidenceKind::call: return fmt::format("the call `{}`", reason.evidence);
    case EvidenceKind::setting: return fmt::format("a setting matching `{}`", reason.evidence);
    case EvidenceKind::import: return fmt::format("the import of `{}`", reason.evidence);
    case EvidenceKind::env: return fmt::format("an environment variable matching `{}`", reason.evidence);
    default: return fmt::format("{} `{}` (not declaring)", to_string(reason.signal), reason.evidence);
  }
}

/// Return ", reached through A (path:line) -> B" for evidence that reached the test along a chain.
std::string describe_chain(const Reason& reason) {
  if (reason.via.empty()) return {};
  std::string chain;
  for (const std::string& hop : reason.via) chain += (chain.empty() ? "" : " -> ") + hop;
  return ", reached through " + chain;
}

std::string test_name(const std::string& id) {
  const std::size_t colons = id.find("::");
  return colons == std::string::npos ? id : id.substr(colons + 2);
}

using SiteKey = std::tuple<std::string, std::uint32_t, std::uint32_t, std::string>;

/// Return the first line of `definition`, its decorators included.
template <typename Definition>
std::uint32_t first_line(const Definition& definition) {
  std::uint32_t line = definition.location.line;
  for (const Decorator& decorator : definition.decorators) line = std::min(line, decorator.location.line);
  return line;
}

/// Return whether `line` of `facts` lies outside every module-level function and class: code
/// that runs when the module is imported, on behalf of every test it collects.
bool runs_at_import(const FileFacts* facts, std::uint32_t line) {
  if (facts == nullptr) return false;
  const auto inside = [&](const auto& definition) {
    return line >= first_line(definition) && line <= definition.end_line;
  };
  return std::none_of(facts->functions.begin(), facts->functions.end(), inside) &&
         std::none_of(facts->classes.begin(), facts->classes.end(), inside);
}

/// Add a finding per inferred reason of a service that `reasons` never declares.
void report_undeclared(const LintCode& code, const std::vector<Reason>& reasons, const std::string& test,
                       const FileResult& file, const LintInput& input, std::set<SiteKey>& reported,
                       std::vector<Finding>& out) {
  const FileFacts* facts = input.store.get(file.path);
  std::set<std::string> declared;
  for (const Reason& reason : reasons) {
    if (reason.declared) declared.insert(reason.service);
  }
  for (const Reason& reason : reasons) {
    if (reason.declared || declared.contains(reason.service)) continue;
    if (!reported.emplace(reason.path, reason.line, reason.column, reason.service).second) continue;
    const bool whole_file = test.empty() || (reason.path == file.path && runs_at_import(facts, reason.line));
    Finding finding = make_finding(code, reason.path, {reason.line, reason.column},
                                   fmt::format("{} needs `{}` only through {}{}; nothing declares it",
                                               whole_file ? "this file" : fmt::format("`{}`", test),
                                               reason.service, describe_evidence(reason), describe_chain(reason)));
    finding.fix = declaration_advice(reason.service, input.rules, input.store);
    out.push_back(std::move(finding));
  }
}

std::vector<Finding> find_undeclared_services(const LintCode& code, const LintInput& input) {
  std::vector<Finding> findings;
  std::set<SiteKey> reported;
  for (const FileResult& file : input.classification.files) {
    for (const TestResult& test : file.tests) {
      report_undeclared(code, test.reasons, test_name(test.id), file, input, reported, findings);
    }
    report_undeclared(code, file.reasons, "", file, input, reported, findings);
  }
  return findings;
}

}  // namespace
}  // namespace testtier::lint_stage
