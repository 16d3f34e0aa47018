// testtier: which external services each Python test needs, read statically.
#include <cstdio>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "output.hpp"
#include "testtier/version.hpp"

int main(int argc, char** argv) {
  using namespace testtier::cli;
  CLI::App app{"testtier: which external services each Python test needs, read statically", "testtier"};
  app.set_version_flag("-V,--version", fmt::format("testtier {}", testtier::version()));
  app.require_subcommand(0, 1);  // checked below, so that an unknown flag is reported first
  app.footer("Exit status: 0 success; 1 only from lint (findings) and compare (a test in a tier lacking a service "
             "it used at run time); 2 usage error or bad rules. `testtier COMMAND --help` says which each returns.");

  const std::vector<Command> commands = {add_classify_command(app), add_lint_command(app),
                                         add_explain_command(app), add_affected_command(app),
                                         add_plan_command(app),        add_report_command(app),
                                         add_compare_command(app),
                                         add_config_command(app),      add_facts_command(app)};

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kUsage;
  }
  for (const Command& command : commands) {
    if (command.app->parsed()) return command.run();
  }
  print_error("testtier: error: a subcommand is required\nRun with --help for more information.\n");
  return kUsage;
}
