// `testtier compare --runtime FILE [ROOT]`: where static analysis and a runtime classifier differ.
#include <cstdio>
#include <map>
#include <set>
#include <string>

#include <fmt/format.h>

#include "cache_option.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "repository.hpp"
#include "testtier/classify.hpp"
#include "testtier/compare.hpp"

namespace testtier::cli {
namespace {

enum class CompareFormat { text, json };

struct CompareCli {
  std::string root;  ///< empty: found upward from the working directory
  std::string rules;
  std::string runtime;
  std::string output;
  CompareFormat format = CompareFormat::text;
  CacheCli cache;
};

std::string describe_reasons(const std::vector<Reason>& reasons) {
  if (reasons.empty()) return "no static reason for any service";
  std::string text;
  for (const Reason& reason : reasons) {
    text += fmt::format("{}{}: {} `{}`", text.empty() ? "" : "; ", reason.service, to_string(reason.signal),
                        reason.evidence);
  }
  return text;
}

std::string render(const RuntimeComparison& c) {
  std::string out = fmt::format(
      "compared {} tests ({} files); {} seen only at run time, {} found statically but not run\n\n", c.tests_compared,
      c.files_compared, c.runtime_tests_unknown, c.static_tests_not_run);
  out += fmt::format("{:<16} {:>8} {:>14} {:>13}\n", "service", "agree", "runtime only", "static only");
  for (const ServiceAgreement& row : c.services) {
    out += fmt::format("{:<16} {:>8} {:>14} {:>13}\n", row.service, row.both, row.runtime_only, row.static_only);
  }
  out += fmt::format("\nmissed by static analysis ({}; {} tests in a tier lacking the service):\n", c.missed.size(),
                     c.tier_violations);
  for (const Disagreement& d : c.missed) {
    out += fmt::format("  {}  {}  (static tier {}{}; static reasons: {})\n", d.test, d.service, d.static_tier,
                       d.tier_lacks_service ? ", which lacks it" : "", describe_reasons(d.static_reasons));
  }
  out += fmt::format("\nnot seen at run time ({}):\n", c.extra.size());
  for (const Disagreement& d : c.extra) out += fmt::format("  {}  {}\n", d.test, d.service);
  out += fmt::format("\nfiles whose static services lack one seen at run time: {}\n", c.files_missing_a_service);
  return out;
}

/// Return the lines that name the runtime services the rules do not know (none when all known).
std::string describe_unknown(const std::map<std::string, std::size_t>& unknown, const Rules& rules) {
  std::string text;
  for (const auto& [service, tests] : unknown) {
    text += fmt::format("runtime service `{}` ({} test{}) is not a service of {}; add [services.{}] and a signal "
                        "for it, or map the runtime's name onto one the rules know\n",
                        service, tests, tests == 1 ? "" : "s", rules.origin, service);
  }
  return text;
}

int run_compare(const CompareCli& cli) {
  const auto repository = open_repository(cli.root, cli.rules);
  if (!repository) return kUsage;
  const Rules* rules = &repository->rules;
  std::map<std::string, std::set<std::string>> runtime;
  try {
    runtime = read_runtime_services(repository->from_start(cli.runtime));
  } catch (const std::exception& problem) {
    print_error("testtier: error: {}\n", problem.what());
    return kUsage;
  }
  ClassifyOptions options;
  apply_cache_options(cli.cache, *repository, options);
  const RuntimeComparison comparison = compare_with_runtime(classify(repository->root, *rules, options), *rules, runtime);
  const std::string unknown = describe_unknown(comparison.unknown_services, *rules);
  for (std::size_t start = 0; start < unknown.size();) {
    const std::size_t end = unknown.find('\n', start);
    print_error("testtier: warning: {}\n", unknown.substr(start, end - start));
    start = end + 1;
  }
  const std::string report = cli.format == CompareFormat::json
                                 ? comparison_to_json(comparison)
                                 : render(comparison) + (unknown.empty() ? "" : "\nunknown to the rules:\n" + unknown);
  if (!write_output(repository->from_start(cli.output), report)) return kUsage;
  return comparison.tier_violations > 0 ? kFindings : kOk;
}

}  // namespace

Command add_compare_command(CLI::App& parent) {
  auto cli = std::make_shared<CompareCli>();
  CLI::App* app = parent.add_subcommand("compare", "Compare the static classification with a runtime classifier's");
  app->add_option("root", cli->root, "Repository root (default: found upward from the working directory, as for classify)");
  app->add_option("--runtime", cli->runtime, "The runtime classifier's JSON ({\"tests\": {nodeid: [services]}})")
      ->required();
  app->add_option("--rules", cli->rules, "Rules file (default: as for classify)");
  add_format_option<CompareFormat>(app, cli->format, {{"text", CompareFormat::text}, {"json", CompareFormat::json}},
                                   "text, or json (the testtier-compare/v1 document)");
  app->add_option("-o,--output", cli->output, "Write to FILE (atomically) instead of stdout");
  add_cache_options(app, cli->cache);
  app->footer("Exit status: 0 no test lands in a tier lacking a service it used at run time; 1 some test does; 2 "
              "usage error, bad rules, a runtime file that cannot be read, or output that cannot be written.");
  return {app, [cli] { return run_compare(*cli); }};
}

}  // namespace testtier::cli
