// The subcommands of `testtier`, each a thin layer over the library's public headers.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace testtier::cli {

/// Exit statuses shared by every subcommand (each command's help says which it returns).
enum ExitStatus : int { kOk = 0, kFindings = 1, kUsage = 2 };

/// A registered subcommand: its parser and what to run once it has parsed.
struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

/// Add `--format NAME` (also spelled `--output-format`, as ruff's) to `app`, storing the enum
/// `formats` maps NAME to in `target` (which holds the default). An unknown name is a usage error
/// listing the known ones.
template <typename Format>
CLI::Option* add_format_option(CLI::App* app, Format& target, std::vector<std::pair<std::string, Format>> formats,
                               const std::string& help) {
  std::string names;
  std::string fallback;
  for (const auto& [name, value] : formats) {
    names += (names.empty() ? "" : ", ") + name;
    if (value == target) fallback = name;
  }
  CLI::Validator known(
      [formats, names](std::string& value) -> std::string {
        for (const auto& [name, format] : formats) {
          if (name == value) return {};
        }
        return "unknown format `" + value + "`; expected one of: " + names;
      },
      "", "format");
  return app
      ->add_option_function<std::string>(
          "--format,--output-format",
          [&target, formats](const std::string& value) {
            for (const auto& [name, format] : formats) {
              if (name == value) target = format;
            }
          },
          help)
      ->check(known)
      ->type_name("FORMAT")
      ->default_str(fallback);
}

/// Add `--format NAME` (or `--output-format NAME`) choosing a row of `formats` (a writer table of testtier/report.hpp) into
/// `target`, which holds the default; the help names every format with its description.
template <typename Row>
CLI::Option* add_format_option(CLI::App* app, const Row*& target, std::span<const Row> formats) {
  std::vector<std::pair<std::string, const Row*>> choices;
  std::string help;
  for (const Row& row : formats) {
    choices.emplace_back(std::string(row.name), &row);
    const char* joint = help.empty() ? "Output format: " : &row == &formats.back() ? " or " : ", ";
    help += fmt::format("{}{} ({})", joint, row.name, row.description);
  }
  return add_format_option(app, target, std::move(choices), help);
}

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

/// Register `testtier report --html FILE [ROOT]`: one self-contained HTML page about the tiers.
Command add_report_command(CLI::App& parent);

/// Register `testtier compare --runtime FILE [ROOT]`: static against runtime classification.
Command add_compare_command(CLI::App& parent);

/// Register `testtier config [PATH]`: the effective rules and where each part came from.
Command add_config_command(CLI::App& parent);

/// Register `testtier facts PATH...`: dump the parse stage's FileFacts as JSON.
Command add_facts_command(CLI::App& parent);

}  // namespace testtier::cli
