// explain(): services, their chains, the tier and the cheaper tiers that do not fit.
#include "testtier/explain.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "report/explain.hpp"
#include "testtier/text.hpp"

namespace testtier::report {
namespace {

std::string where(const Reason& reason) {
  if (reason.line == 0) return printable(reason.path);
  return fmt::format("{}:{}", printable(reason.path), reason.line);
}

/// Append one reason: the signal, the evidence and where it is written, then the chain from
/// `origin` (the test or file) through every hop to the evidence the rules matched.
void explain_reason(const Reason& reason, const std::string& origin, std::string& out) {
  fmt::format_to(std::back_inserter(out), "    {} `{}` at {}{}{}\n", to_string(reason.signal), printable(reason.evidence),
                 where(reason), reason.declared ? "" : " (inferred: not a declaration)",
                 reason.by_last_name ? " (matched by last name only: the name did not resolve)" : "");
  fmt::format_to(std::back_inserter(out), "      {}\n", origin);
  for (const std::string& hop : reason.via) fmt::format_to(std::back_inserter(out), "      -> {}\n", printable(hop));
  if (reason.via.empty() || reason.via.back() != reason.evidence) {
    fmt::format_to(std::back_inserter(out), "      -> {}\n", printable(reason.evidence));
  }
}

void explain_services(const std::vector<std::string>& services, const std::vector<Reason>& reasons,
                      const std::string& origin, std::string& out) {
  if (services.empty()) {
    out += "  needs no service: no signal of the rules reaches it\n";
    return;
  }
  for (const std::string& service : services) {
    fmt::format_to(std::back_inserter(out), "  {}\n", service);
    for (const Reason& reason : reasons) {
      if (reason.service == service) explain_reason(reason, origin, out);
    }
  }
}

/// Append the tier and, for each cheaper tier, the services it lacks.
void explain_tier(const std::vector<std::string>& services, const std::string& tier, const Rules& rules,
                  std::string& out) {
  fmt::format_to(std::back_inserter(out), "  tier: {}\n", tier);
  for (const Tier& cheaper : rules.tiers) {
    if (cheaper.name == tier) break;
    std::vector<std::string> missing;
    for (const std::string& service : services) {
      if (std::find(cheaper.provides.begin(), cheaper.provides.end(), service) == cheaper.provides.end()) {
        missing.push_back(service);
      }
    }
    fmt::format_to(std::back_inserter(out), "    not {}: it lacks {}\n", cheaper.name, fmt::join(missing, ", "));
  }
}

}  // namespace

std::string explain_test(const TestResult& test, const Rules& rules) {
  std::string out = fmt::format("{} (line {})\n", printable(test.id), test.line);
  const std::size_t after_path = test.id.find("::");
  std::string name;  // "Class.test" or "test"
  for (std::size_t at = after_path + 2; at < test.id.size(); ++at) {
    if (test.id.compare(at, 2, "::") == 0) {
      name += '.';
      ++at;
    } else {
      name += test.id[at];
    }
  }
  const std::string origin =
      fmt::format("{} ({}:{})", printable(name), printable(test.id.substr(0, after_path)), test.line);
  explain_services(test.services, test.reasons, origin, out);
  explain_tier(test.services, test.tier, rules, out);
  return out;
}

std::string explain_file(const FileResult& file, const Rules& rules, bool list_tests) {
  std::string out = fmt::format("{}\n", printable(file.path));
  explain_services(file.services, file.reasons, printable(file.path), out);
  explain_tier(file.services, file.tier, rules, out);
  for (const SuspiciousImport& suspicious : file.suspicious) {
    fmt::format_to(std::back_inserter(out), "  suspicious: import of {} at line {} ({}; {} not declared)\n",
                   printable(suspicious.module), suspicious.line, suspicious.called ? "a name from it is called" : "types only",
                   suspicious.service);
  }
  fmt::format_to(std::back_inserter(out), "  tests: {}\n", file.tests.size());
  if (!list_tests) return out;
  for (const TestResult& test : file.tests) {
    fmt::format_to(std::back_inserter(out), "    {}  {}  [{}]\n", printable(test.id), test.tier, fmt::join(test.services, ", "));
  }
  return out;
}

}  // namespace testtier::report

namespace testtier {

std::optional<std::string> explain(const Classification& result, const Rules& rules, std::string_view target) {
  for (const FileResult& file : result.files) {
    if (file.path == target) return report::explain_file(file, rules);
    for (const TestResult& test : file.tests) {
      if (test.id == target) return report::explain_test(test, rules);
    }
  }
  return std::nullopt;
}

}  // namespace testtier
