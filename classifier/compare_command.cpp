// `testtier compare --runtime FILE [ROOT]`: where static analysis and a runtime classifier differ.
#include <cstdio>
#include <map>
#include <string>

#include <fmt/format.h>

#include "commands.hpp"
#include "output.hpp"
#include "repository.hpp"
#include "testtier/classify.hpp"
#include "testtier/compare.hpp"

namespace testtier::cli {
namespace {

struct CompareCli {
  std::string root = ".";
  std::string rules;
  std::string runtime;
  std::string output;
  bool no_cache = false;
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

int run_compare(const CompareCli& cli) {
  const auto rules = open_repository(cli.root, cli.rules);
  if (!rules) return kUsage;
  std::map<std::string, std::set<std::string>> runtime;
  try {
    runtime = read_runtime_services(cli.runtime);
  } catch (const std::exception& problem) {
    print_error("testtier: error: {}\n", problem.what());
    return kUsage;
  }
  ClassifyOptions options;
  options.use_cache = !cli.no_cache;
  const RuntimeComparison comparison = compare_with_runtime(classify(cli.root, *rules, options), *rules, runtime);
  if (!write_output(cli.output, render(comparison))) return kUsage;
  return comparison.tier_violations > 0 ? kFindings : kOk;
}

}  // namespace

Command add_compare_command(CLI::App& parent) {
  auto cli = std::make_shared<CompareCli>();
  CLI::App* app = parent.add_subcommand("compare", "Compare the static classification with a runtime classifier's");
  app->add_option("root", cli->root, "Repository root")->capture_default_str();
  app->add_option("--runtime", cli->runtime, "The runtime classifier's JSON ({\"tests\": {nodeid: [services]}})")
      ->required();
  app->add_option("--rules", cli->rules, "Rules file (default: as for classify)");
  app->add_option("-o,--output", cli->output, "Write to FILE (atomically) instead of stdout");
  app->add_flag("--no-cache", cli->no_cache, "Neither read nor write the facts cache");
  app->footer("Exit status: 0 no test lands in a tier lacking a service it used at run time, 1 some does, 2 usage.");
  return {app, [cli] { return run_compare(*cli); }};
}

}  // namespace testtier::cli
