// `testtier explain TARGET`: why a test file or a test got its services and tier.
#include <cstdio>
#include <string>

#include <fmt/format.h>

#include "commands.hpp"
#include "output.hpp"
#include "repository.hpp"
#include "testtier/classify.hpp"
#include "testtier/explain.hpp"

namespace testtier::cli {
namespace {

struct ExplainCli {
  std::string target;
  std::string root = ".";
  std::string rules;
  bool no_cache = false;
};

int run_explain(const ExplainCli& cli) {
  const auto rules = open_repository(cli.root, cli.rules);
  if (!rules) return kUsage;
  const std::string file = cli.target.substr(0, cli.target.find("::"));
  ClassifyOptions options;
  options.only_files = {file};
  options.use_cache = !cli.no_cache;
  const Classification result = classify(cli.root, *rules, options);
  const auto text = explain(result, *rules, cli.target);
  if (!text) {
    print_error("testtier: error: {}: no such test file or test under {} (ids look like "
                       "tests/x/test_y.py::TestClass::test_z; paths are relative to the root)\n",
               cli.target, cli.root);
    return kUsage;
  }
  write_output("", *text);
  return kOk;
}

}  // namespace

Command add_explain_command(CLI::App& parent) {
  auto cli = std::make_shared<ExplainCli>();
  CLI::App* app = parent.add_subcommand("explain", "Show why a test file or a test needs its services");
  app->add_option("target", cli->target, "A test file (tests/x/test_y.py) or a test id (tests/x/test_y.py::Cls::test_z)")
      ->required();
  app->add_option("--root", cli->root, "Repository root")->capture_default_str();
  app->add_option("--rules", cli->rules, "Rules file (default: as for classify)");
  app->add_flag("--no-cache", cli->no_cache, "Neither read nor write the facts cache");
  return {app, [cli] { return run_explain(*cli); }};
}

}  // namespace testtier::cli
