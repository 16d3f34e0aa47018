// explain() and explain_to_json(): services, their chains, the tier and the cheaper tiers that do
// not fit.
#include "testtier/explain.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/explain.hpp"
#include "report/json_dump.hpp"
#include "report/reason_json.hpp"
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

/// Return each tier of `rules` cheaper than `tier` with the ones of `services` it lacks.
std::vector<std::pair<std::string, std::vector<std::string>>> cheaper_tiers(const std::vector<std::string>& services,
                                                                           const std::string& tier, const Rules& rules) {
  std::vector<std::pair<std::string, std::vector<std::string>>> cheaper;
  for (const Tier& each : rules.tiers) {
    if (each.name == tier) break;
    std::vector<std::string> missing;
    for (const std::string& service : services) {
      if (std::find(each.provides.begin(), each.provides.end(), service) == each.provides.end()) {
        missing.push_back(service);
      }
    }
    cheaper.emplace_back(each.name, std::move(missing));
  }
  return cheaper;
}

/// Append the tier and, for each cheaper tier, the services it lacks.
void explain_tier(const std::vector<std::string>& services, const std::string& tier, const Rules& rules,
                  std::string& out) {
  fmt::format_to(std::back_inserter(out), "  tier: {}\n", tier);
  for (const auto& [name, missing] : cheaper_tiers(services, tier, rules)) {
    fmt::format_to(std::back_inserter(out), "    not {}: it lacks {}\n", name, fmt::join(missing, ", "));
  }
}

// Stops the text lists; JSON lists all of them.
constexpr std::size_t kStopsShown = 20;

/// Append where the call walk stopped (recorded only when explain classified the test).
void explain_walk_stops(const std::vector<std::string>& stops, std::string& out) {
  if (stops.empty()) return;
  fmt::format_to(std::back_inserter(out), "  calls not followed ({}):\n", stops.size());
  for (std::size_t i = 0; i < stops.size() && i < kStopsShown; ++i) {
    fmt::format_to(std::back_inserter(out), "    {}\n", printable(stops[i]));
  }
  if (stops.size() > kStopsShown) {
    fmt::format_to(std::back_inserter(out), "    ... and {} more (--format json lists them all)\n", stops.size() - kStopsShown);
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
  explain_walk_stops(test.walk_stops, out);
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

namespace {

using Json = nlohmann::ordered_json;

/// Return the parts a test's and a file's explanations share: services, reasons, tier, cheaper tiers.
Json explained(const std::vector<std::string>& services, const std::vector<Reason>& reasons, const std::string& tier,
               const Rules& rules) {
  Json cheaper = Json::array();
  for (const auto& [name, missing] : cheaper_tiers(services, tier, rules)) {
    cheaper.push_back({{"tier", name}, {"lacks", missing}});
  }
  return Json{{"services", services}, {"reasons", report::reasons_json(reasons)}, {"tier", tier},
              {"cheaper_tiers", cheaper}};
}

/// Append the members of the object `parts` to the object `out`, in their order.
void append(Json& out, const Json& parts) {
  for (auto it = parts.begin(); it != parts.end(); ++it) out[it.key()] = it.value();
}

Json test_json(const TestResult& test, const Rules& rules) {
  Json out{{"schema", "testtier-explain/v1"}, {"kind", "test"}, {"target", test.id},
           {"path", test.id.substr(0, test.id.find("::"))}, {"line", test.line}};
  append(out, explained(test.services, test.reasons, test.tier, rules));
  out["walk_stops"] = test.walk_stops;
  return out;
}

Json file_json(const FileResult& file, const Rules& rules) {
  Json out{{"schema", "testtier-explain/v1"}, {"kind", "file"}, {"target", file.path}, {"path", file.path}};
  append(out, explained(file.services, file.reasons, file.tier, rules));
  Json suspicious = Json::array();
  for (const SuspiciousImport& import : file.suspicious) suspicious.push_back(report::suspicious_json(import));
  out["suspicious"] = suspicious;
  Json tests = Json::array();
  for (const TestResult& test : file.tests) {
    tests.push_back({{"id", test.id}, {"line", test.line}, {"services", test.services}, {"tier", test.tier}});
  }
  out["tests"] = tests;
  return out;
}

}  // namespace

}  // namespace testtier::report

namespace testtier {

std::optional<std::string> explain_to_json(const Classification& result, const Rules& rules, std::string_view target) {
  for (const FileResult& file : result.files) {
    if (file.path == target) return report::dump_json(report::file_json(file, rules), 2) + "\n";
    for (const TestResult& test : file.tests) {
      if (test.id == target) return report::dump_json(report::test_json(test, rules), 2) + "\n";
    }
  }
  return std::nullopt;
}

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
