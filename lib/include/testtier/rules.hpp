// Rules, format version 1 (see DESIGN.md "Rules"): which evidence means which service, and the
// tiers that services are grouped into. Rules are data, loaded from TOML with toml++.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "testtier/diagnostic.hpp"

namespace testtier {

/// The one rules format version this library reads.
inline constexpr int kRulesVersion = 1;

/// The kinds of evidence a signal can name. base_class, marker, fixture, path and decorator declare
/// a need; setting, call, import and env infer one. (New kinds go last: caches store the number.)
enum class EvidenceKind : std::uint8_t { base_class, marker, fixture, path, setting, call, import, decorator, env };

/// Return the TOML key of `kind`: "base_class", "marker", "fixture", "path", "setting", "call",
/// "import", "decorator", "env".
std::string_view to_string(EvidenceKind kind);

/// Return whether evidence of `kind` declares a need unless a signal says `declared = false`.
bool declares_by_default(EvidenceKind kind);

/// A service a test may need, e.g. `[services.snuba]`.
struct Service {
  std::string name;
  std::vector<int> ports;
  std::vector<std::string> brings;   ///< services started with it (for plans and costs)
  double startup_seconds = 0;        ///< estimate, for plans; never used to classify
};

/// One `[[signal]]`: evidence of one kind, any of `patterns` matching, means `needs`.
/// Patterns by kind: base_class — qualified class names; marker — mark names; fixture — fixture
/// names; path — globs on root-relative paths; setting — `KEY=VALUE-GLOB` (or `KEY` alone: any
/// value); call — callee names matched on dotted suffix (`store_event`, `snuba.query`);
/// import — module names, matching the module and everything under it; decorator — decorator
/// names (dotted: qualified, bare: by last name); env — globs (glob.hpp, fnmatch-like: `*`, `?`,
/// `[...]`, `{a,b}`) on environment variable names read or written by a literal name
/// (`SENTRY_PYTHON_TEST_POSTGRES_*`, `REDIS_URL`).
struct Signal {
  EvidenceKind kind = EvidenceKind::base_class;
  std::vector<std::string> patterns;
  std::vector<std::string> needs;
  bool declared = true;              ///< declares_by_default(kind) unless the rules say otherwise
  SourceLocation location;           ///< the `[[signal]]` header in the rules file
  std::vector<SourceLocation> pattern_locations;  ///< where each of `patterns` is written (may be empty)
};

/// One `[[suspicious]]`: imports to review in files that do not declare `service`.
struct SuspiciousRule {
  std::vector<std::string> imports;  ///< module names, matching the module and everything under it
  std::string service;
  SourceLocation location;
};

/// One `[[tier]]`. Tiers are tried in order; the first that provides every need wins.
struct Tier {
  std::string name;
  std::vector<std::string> provides;  ///< service names; "*" means every service
  bool provides_everything = false;   ///< `provides` contains "*"
};

/// `[project]`: where code and tests are. An absent list means "follow the repository's pytest
/// configuration, else pytest's defaults" (see pytest_config.hpp).
struct ProjectRules {
  std::vector<std::string> import_roots = {"src", "."};
  std::optional<std::vector<std::string>> test_files;      ///< globs on root-relative paths
  std::vector<std::string> exclude;
  std::optional<std::vector<std::string>> test_classes;    ///< name globs (pytest python_classes)
  std::optional<std::vector<std::string>> test_functions;  ///< name globs (pytest python_functions)
  std::vector<SourceLocation> test_files_locations;  ///< where each of `test_files` is written (may be empty)
  std::vector<SourceLocation> exclude_locations;     ///< where each of `exclude` is written (may be empty)
};

/// `[analysis]`: how far evidence is followed into the repository's own code. Only inferred
/// evidence (calls, settings, imports inside functions, environment variables) found in the bodies
/// reached counts for a test; declarations stay where the test, its classes and fixtures write them.
struct AnalysisRules {
  /// Calls followed from a test's body, set-up methods and fixtures: 1 reads the functions they call,
  /// 2 also what those call, and so on; 0 follows none. Chosen by measurement (docs/rules.md).
  int call_depth = 4;
  /// Functions one test's walk may enter in all (counting a function reached twice twice), so that a
  /// helper that fans out widely cannot make one test cost as much as a repository.
  int call_budget = 2000;
  friend bool operator==(const AnalysisRules&, const AnalysisRules&) = default;
};

/// `[select]`: for `testtier affected`, changes that mean "run every test".
struct SelectRules {
  /// Globs on root-relative paths (migrations, settings, dependency manifests, core files): a
  /// changed file matching one selects every test.
  std::vector<std::string> run_all;
};

/// A lint code or prefix ("TT001", "TT0", "ALL") written in `[lint]`, upper-cased, with where.
struct LintSelector {
  std::string code;
  SourceLocation location;

  friend bool operator==(const LintSelector&, const LintSelector&) = default;
};

/// One entry of `[lint] per-file-ignores`: codes not reported in the files `glob` matches.
struct PerFileIgnore {
  /// A glob on root-relative paths (glob.hpp: one without '/' matches the base name at any
  /// depth); a leading '!' negates it: the codes are then ignored in every file it does NOT match.
  std::string glob;
  std::vector<LintSelector> codes;
  SourceLocation location;  ///< where the glob is written

  friend bool operator==(const PerFileIgnore&, const PerFileIgnore&) = default;
};

/// `[lint]`: which codes `testtier lint` reports, as ruff's settings of the same names (see
/// lint.hpp for how they combine with the command line's). Every code is checked to name a lint
/// code (or be a prefix of one, or ALL) when the rules are read.
struct LintRules {
  std::optional<std::vector<LintSelector>> select;  ///< absent: the codes on by default
  std::vector<LintSelector> extend_select;          ///< `extend-select`: added to `select`
  std::vector<LintSelector> ignore;
  std::vector<PerFileIgnore> per_file_ignores;      ///< `per-file-ignores`, in file order

  friend bool operator==(const LintRules&, const LintRules&) = default;
};

/// A whole rule set, validated: every service named in `needs`, `brings`, `[[suspicious]]` and
/// `provides` exists, and the tiers place every service (some tier provides each one).
struct Rules {
  std::string origin;                       ///< the file it came from, or "<built-in default>"
  ProjectRules project;
  std::map<std::string, Service> services;  ///< by name
  std::vector<Signal> signals;              ///< in file order
  std::vector<SuspiciousRule> suspicious;
  std::vector<Tier> tiers;                  ///< cheapest first
  SelectRules select;
  LintRules lint;
  AnalysisRules analysis;
};

/// One problem of a rules file: where, the dotted key at fault (see RulesError::key) and what.
struct RulesProblem {
  SourceLocation location;
  std::string key;
  std::string message;
};

/// A rules file that cannot be used. `what()` reads "FILE:LINE:COL: error: MESSAGE" (the location
/// omitted when unknown), e.g. "testtier.toml:12:1: error: unknown key `tets` in [project]", one
/// line per problem when the file has several: every problem of a file is reported at once.
class RulesError : public std::runtime_error {
 public:
  RulesError(std::string origin, SourceLocation location, std::string key, std::string message);
  /// Every problem of the file `origin`, in file order; `problems` must not be empty.
  RulesError(std::string origin, std::vector<RulesProblem> problems);

  const std::string& origin() const { return origin_; }
  const SourceLocation& location() const { return location_; }
  /// The dotted key at fault, e.g. "project.tets"; elements of arrays of tables count from 0
  /// ("signal[2].needs"), keys in a pyproject.toml start with "tool.testtier.", and a TOML
  /// syntax error or an unreadable file has none ("").
  const std::string& key() const { return key_; }
  const std::string& message() const { return message_; } ///< without file and location
  /// Every problem (the first is the one location(), key() and message() describe).
  const std::vector<RulesProblem>& problems() const { return problems_; }

 private:
  std::string origin_;
  SourceLocation location_;
  std::string key_;
  std::string message_;
  std::vector<RulesProblem> problems_;
};

/// Parse and validate version-1 rules from `toml_text`, naming them `origin` in errors.
/// Throws RulesError on a TOML syntax error, a missing or other `version`, an unknown key, a wrong
/// type, an unknown service, a signal with no or two evidence kinds or without `needs`, a bad
/// glob, no tiers, or tiers that cannot place every service.
Rules parse_rules(std::string_view toml_text, std::string origin);

/// Read and parse the rules file `file`. Throws RulesError (also when it cannot be read).
Rules load_rules_file(const std::filesystem::path& file);

/// Parse rules from the `[tool.testtier]` table of the pyproject.toml text `toml_text`; nullopt
/// when it has no such table. Throws RulesError like parse_rules.
std::optional<Rules> parse_pyproject_rules(std::string_view toml_text, std::string origin);

/// Return the services a shard of `tier` starts: what it provides ("*": every service of `rules`),
/// with what each brings, sorted by name.
std::vector<std::string> started_services(const Tier& tier, const Rules& rules);

/// Return the built-in rules for generic pytest + pytest-django projects (rules/default.toml,
/// compiled in).
Rules default_rules();

/// Where a repository's root was found by find_project_root().
struct ProjectRoot {
  std::filesystem::path root;    ///< absolute; the start directory when no configuration was found
  std::filesystem::path config;  ///< absolute path of the file that decided it, empty when none did
  bool has_rules = false;        ///< `config` is testtier.toml or a pyproject.toml with [tool.testtier]
};

/// Return the root for a run started at `start` (a directory, or a file: its directory), as ruff
/// and pytest find their configuration: the nearest directory at or above it holding
/// `testtier.toml` or a `pyproject.toml` with `[tool.testtier]`; else the nearest holding a pytest
/// configuration file (as read_pytest_config() picks one); else `start`'s directory. The search
/// goes up to the filesystem root (like ruff's, it does not stop at a `.git`). Never throws: a
/// pyproject.toml that cannot be read or parsed counts as holding rules, so that loading them
/// reports the problem.
ProjectRoot find_project_root(const std::filesystem::path& start);

/// Return the rules for the repository at `root`: `explicit_file` when given, else
/// `ROOT/testtier.toml`, else `[tool.testtier]` in `ROOT/pyproject.toml`, else default_rules().
/// Throws RulesError.
Rules find_rules(const std::filesystem::path& root,
                 const std::optional<std::filesystem::path>& explicit_file = std::nullopt);

}  // namespace testtier
