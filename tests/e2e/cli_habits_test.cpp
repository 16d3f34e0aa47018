// ruff's habits on the command line: `--output-format` for `--format`, colour (`--color`,
// NO_COLOR, FORCE_COLOR) in human text only, and classify's text summary on a terminal.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli.hpp"

using namespace testtier::e2e;
namespace fs = std::filesystem;

namespace {

const fs::path kExpected = source_path("corpus/expected/sentry-like");

bool has_escape(const std::string& text) { return text.find("\x1b[") != std::string::npos; }

/// Return `text` without its ANSI SGR escapes.
std::string without_escapes(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "\x1b[") == 0) {
      i = text.find('m', i);
      continue;
    }
    out += text[i];
  }
  return out;
}

}  // namespace

TEST_CASE("the option --output-format is --format under ruff's name, on every command that has --format", "[e2e][cli]") {
  const CorpusCopy corpus("corpus/sentry-like");
  const std::string runtime = (kExpected / "runtime_classification.json").string();
  const std::vector<std::pair<std::vector<std::string>, std::string>> commands = {
      {{"classify", "-q"}, "csv"},
      {{"lint"}, "json"},
      {{"explain", "tests/sentry/consumers/test_occurrence_consumer.py"}, "json"},
      {{"affected", "-q", "--changed", "conftest.py"}, "json"},
      {{"plan", "-q"}, "markdown"},
      {{"compare", "--runtime", runtime}, "json"}};
  for (const auto& [command, format] : commands) {
    INFO(command.front());
    std::vector<std::string> with_format = command;
    with_format.insert(with_format.end(), {"--format", format});
    std::vector<std::string> with_output_format = command;
    with_output_format.insert(with_output_format.end(), {"--output-format", format});
    std::vector<std::string> with_equals = command;
    with_equals.push_back("--output-format=" + format);
    const auto a = run_testtier(with_format, corpus.path());
    const auto b = run_testtier(with_output_format, corpus.path());
    const auto c = run_testtier(with_equals, corpus.path());
    CHECK(a.status != 2);
    CHECK(b.status == a.status);
    CHECK(b.out == a.out);
    CHECK(c.out == a.out);
    std::vector<std::string> bad = command;
    bad.insert(bad.end(), {"--output-format", "yaml"});
    const auto refused = run_testtier(bad, corpus.path());
    CHECK(refused.status == 2);
    CHECK_THAT(refused.err, Catch::Contains("unknown format `yaml`"));
    const auto help = run_testtier({command.front(), "--help"});
    CHECK_THAT(help.out, Catch::Contains("--format,--output-format"));
  }
}

TEST_CASE("colour: --color=always and FORCE_COLOR colour lint's and classify's text", "[e2e][color]") {
  const CorpusCopy corpus("corpus/sentry-like");
  const auto plain = run_testtier({"lint"}, corpus.path());
  REQUIRE_FALSE(has_escape(plain.out));
  const auto always = run_testtier({"lint", "--color=always"}, corpus.path());
  CHECK(always.status == plain.status);
  CHECK_THAT(always.out, Catch::Contains("\x1b[1;31mTT001\x1b[0m"));
  CHECK(without_escapes(always.out) == plain.out);
  const auto forced = run_testtier({"lint"}, corpus.path(), {{"FORCE_COLOR", "1"}});
  CHECK(forced.out == always.out);
  const auto statistics = run_testtier({"lint", "--statistics", "--color", "always"}, corpus.path());
  CHECK_THAT(statistics.out, Catch::Contains("\x1b[1;31mTT001\x1b[0m  undeclared-service"));

  const auto text = run_testtier({"classify", "-q", "--format", "text", "--color", "always"}, corpus.path());
  CHECK(has_escape(text.out));
  CHECK(without_escapes(text.out) == read_text(kExpected / "classify.txt"));
}

TEST_CASE("colour: never in JSON, SARIF or files written with -o, nor with --color=never", "[e2e][color]") {
  const CorpusCopy corpus("corpus/sentry-like");
  for (const char* format : {"json", "sarif", "github", "markdown"}) {
    INFO(format);
    CHECK_FALSE(has_escape(run_testtier({"lint", "--format", format, "--color=always"}, corpus.path()).out));
  }
  CHECK_FALSE(has_escape(run_testtier({"classify", "-q", "--color=always"}, corpus.path()).out));  // json
  const fs::path file = corpus.path() / "lint.txt";
  const auto to_file = run_testtier({"lint", "--color=always", "-o", file.string()}, corpus.path(), {{"FORCE_COLOR", "1"}});
  CHECK(to_file.status == 1);
  CHECK(to_file.out.empty());
  CHECK_FALSE(has_escape(read_text(file)));
  CHECK(read_text(file) == run_testtier({"lint"}, corpus.path()).out);
  const auto on_terminal_to_file =
      run_testtier_on_terminal({"classify", "-q", "--format", "text", "-o", (corpus.path() / "c.txt").string()}, corpus.path());
  CHECK(on_terminal_to_file.status == 0);
  CHECK(read_text(corpus.path() / "c.txt") == read_text(kExpected / "classify.txt"));
  CHECK_FALSE(has_escape(run_testtier_on_terminal({"lint", "--color=never"}, corpus.path()).out));
  for (const char* bad_choice : {"--color=sometimes", "--color=1"}) {
    const auto bad = run_testtier({"lint", bad_choice}, corpus.path());
    CHECK(bad.status == 2);
    CHECK_THAT(bad.err, Catch::Contains("expected auto, always or never"));
  }
  CHECK_THAT(run_testtier({"lint", "--help"}).out, Catch::Contains("--color WHEN=auto"));
}

TEST_CASE("colour on a terminal by default, NO_COLOR wins over auto and over FORCE_COLOR", "[e2e][color][terminal]") {
  const CorpusCopy corpus("corpus/sentry-like");
  const auto terminal = run_testtier_on_terminal({"lint"}, corpus.path());
  CHECK(terminal.status == 1);
  CHECK_THAT(terminal.out, Catch::Contains("\x1b[1;31mTT001\x1b[0m"));
  const auto no_color = run_testtier_on_terminal({"lint"}, corpus.path(), {{"NO_COLOR", "1"}});
  CHECK(no_color.status == 1);
  CHECK_FALSE(has_escape(no_color.out));
  CHECK(no_color.out == without_escapes(terminal.out));
  CHECK_FALSE(has_escape(run_testtier_on_terminal({"lint"}, corpus.path(), {{"NO_COLOR", "x"}, {"FORCE_COLOR", "1"}}).out));
  CHECK(has_escape(run_testtier_on_terminal({"lint"}, corpus.path(), {{"NO_COLOR", ""}}).out));  // empty: not set
  CHECK(has_escape(run_testtier_on_terminal({"lint", "--color=always"}, corpus.path(), {{"NO_COLOR", "1"}}).out));
  CHECK_FALSE(has_escape(run_testtier_on_terminal({"lint"}, corpus.path(), {{"TERM", "dumb"}}).out));
}

TEST_CASE("classify writes its text summary on a terminal, JSON to pipes and files", "[e2e][classify][terminal]") {
  const CorpusCopy corpus("corpus/sentry-like");
  const auto terminal = run_testtier_on_terminal({"classify", "-q"}, corpus.path(), {{"NO_COLOR", "1"}});
  CHECK(terminal.status == 0);
  CHECK(terminal.out == read_text(kExpected / "classify.txt"));
  const auto piped = run_testtier({"classify", "-q"}, corpus.path());
  CHECK(piped.out == read_text(kExpected / "classify.json"));
  const auto asked = run_testtier_on_terminal({"classify", "-q", "--format", "json"}, corpus.path());
  CHECK(asked.out == read_text(kExpected / "classify.json"));
  const auto reasons = run_testtier_on_terminal({"classify", "-q", "--test-reasons"}, corpus.path());
  CHECK(reasons.out == read_text(kExpected / "classify.test-reasons.json"));
  const fs::path file = corpus.path() / "out.json";
  CHECK(run_testtier_on_terminal({"classify", "-q", "-o", file.string()}, corpus.path()).status == 0);
  CHECK(read_text(file) == read_text(kExpected / "classify.json"));
  CHECK_THAT(run_testtier({"classify", "--help"}).out,
             Catch::Contains("default: text when standard output is a terminal"));
}
