// `testtier explain TARGET`: why a test file or a test got its services and tier.
#include <cstdio>
#include <filesystem>
#include <string>

#include <fmt/format.h>

#include "cache_option.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "repository.hpp"
#include "testtier/classify.hpp"
#include "testtier/explain.hpp"
#include "testtier/text.hpp"

namespace testtier::cli {
namespace {

enum class ExplainFormat { text, json };

struct ExplainCli {
  std::string target;
  std::string root;  ///< empty: found upward from the target's file
  std::string rules;
  ExplainFormat format = ExplainFormat::text;
  CacheCli cache;
};

int run_explain(const ExplainCli& cli) {
  const std::size_t separator = cli.target.find("::");
  const std::string given_file = cli.target.substr(0, separator);
  // With --root, the file is relative to the root (as before); else to the working directory,
  // and the root is found upward from it.
  const bool search = cli.root.empty() && std::filesystem::exists(given_file);
  const auto repository = open_repository(cli.root, cli.rules, search ? given_file : std::string());
  if (!repository) return kUsage;
  std::string file = given_file;
  if (search) {
    const auto inside = paths_under_root({given_file}, *repository);
    if (!inside) return kUsage;
    file = inside->front();
  }
  const std::string target = separator == std::string::npos ? file : file + cli.target.substr(separator);
  ClassifyOptions options;
  options.only_files = {file};
  options.record_walk_stops = true;  // one file: cheap, and explain lists where the call walk stopped
  apply_cache_options(cli.cache, *repository, options);
  const Classification result = classify(repository->root, repository->rules, options);
  const auto text = cli.format == ExplainFormat::json ? explain_to_json(result, repository->rules, target)
                                                      : explain(result, repository->rules, target);
  if (!text) {
    print_error("testtier: error: {}: no such test file or test under {} (ids look like "
                "tests/x/test_y.py::TestClass::test_z)\n",
                printable(cli.target), std::filesystem::absolute(repository->root).lexically_normal().string());
    return kUsage;
  }
  return write_output("", *text) ? kOk : kUsage;
}

}  // namespace

Command add_explain_command(CLI::App& parent) {
  auto cli = std::make_shared<ExplainCli>();
  CLI::App* app = parent.add_subcommand("explain", "Show why a test file or a test needs its services");
  app->add_option("target", cli->target, "A test file (tests/x/test_y.py) or a test id (tests/x/test_y.py::Cls::test_z)")
      ->required();
  app->add_option("--root", cli->root,
                  "Repository root; TARGET is then relative to it (default: found upward from TARGET's file, "
                  "which is relative to the working directory)");
  app->add_option("--rules", cli->rules, "Rules file (default: as for classify)");
  add_format_option<ExplainFormat>(app, cli->format, {{"text", ExplainFormat::text}, {"json", ExplainFormat::json}},
                                   "text, or json (the testtier-explain/v1 document)");
  add_cache_options(app, cli->cache);
  app->footer("Exit status: 0 explained; 2 usage error, bad rules, no such test file or test, or output that "
              "cannot be written.");
  return {app, [cli] { return run_explain(*cli); }};
}

}  // namespace testtier::cli
