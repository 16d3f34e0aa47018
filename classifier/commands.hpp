// The subcommands of `testtier`, each a thin layer over the library's public headers.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

namespace testtier::cli {

/// Exit statuses shared by every subcommand.
enum ExitStatus : int { kOk = 0, kFindings = 1, kUsage = 2 };

/// A registered subcommand: its parser and what to run once it has parsed.
struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

/// Register `testtier classify [ROOT]`: services and tiers per file and per test.
Command add_classify_command(CLI::App& parent);

/// Register `testtier lint [PATH...]`: findings with codes, in text, json, sarif or github format.
Command add_lint_command(CLI::App& parent);

/// Register `testtier explain TARGET`: the chains behind a test's or file's services and tier.
Command add_explain_command(CLI::App& parent);

/// Register `testtier affected`: the tests a change affects.
Command add_affected_command(CLI::App& parent);

/// Register `testtier plan [ROOT]`: CI shards per tier.
Command add_plan_command(CLI::App& parent);

/// Register `testtier compare --runtime FILE [ROOT]`: static against runtime classification.
Command add_compare_command(CLI::App& parent);

/// Register `testtier facts PATH...`: dump the parse stage's FileFacts as JSON.
Command add_facts_command(CLI::App& parent);

}  // namespace testtier::cli
