// The rules' signals compiled for matching evidence of each kind.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "testtier/facts.hpp"
#include "testtier/glob.hpp"
#include "testtier/rules.hpp"

namespace testtier::classify_stage {

/// One signal that some evidence matched, and the pattern that matched it.
struct SignalMatch {
  const Signal* signal = nullptr;
  std::string pattern;
};

class SignalMatcher {
 public:
  /// Compile the path and env globs of `rules` (already validated by the rules loader). Keeps a reference.
  explicit SignalMatcher(const Rules& rules);

  /// Return whether any signal is of `kind`.
  bool has(EvidenceKind kind) const;
  /// Match a class known by `spellings` (qualified names); `by_last_name` compares last segments.
  std::vector<SignalMatch> base_class(const std::vector<std::string>& spellings, bool by_last_name) const;
  /// Match a mark `name`; `by_last_name` compares the last segment of `name`.
  std::vector<SignalMatch> marker(std::string_view name, bool by_last_name = false) const;
  std::vector<SignalMatch> fixture(std::string_view name) const;
  std::vector<SignalMatch> path(std::string_view path) const;
  /// Match `KEY=VALUE-GLOB` (the literal value against the glob, fnmatch; `KEY=*` any value, literal
  /// or not) or `KEY` alone. A key inside a dict value is `KEY.INNER` (`SENTRY_PROCESSING_SERVICES.redis`).
  std::vector<SignalMatch> setting(const SettingUse& setting) const;
  /// Match a callee: a bare pattern (`store_event`) by its last name, `self.store_event` included;
  /// a dotted one (`clickhouse_driver.Client`) on a dotted suffix of `qualified`, the callee as the
  /// file's imports qualify it (`ch.Client` after `import clickhouse_driver as ch`).
  std::vector<SignalMatch> call(std::string_view callee, std::string_view qualified) const;
  /// Return whether some dotted call pattern could match `callee` (the same last name): only then
  /// is it worth qualifying `callee` through the file's imports.
  bool call_wants_qualified(std::string_view callee) const;
  /// Match a decorator known by `spellings` (qualified names, or as written when it resolves
  /// nowhere): a dotted pattern against each spelling, a bare one against their last names.
  std::vector<SignalMatch> decorator(const std::vector<std::string>& spellings) const;
  /// Match a module and everything under it.
  std::vector<SignalMatch> import(std::string_view module) const;
  /// Match an environment variable's name against the globs of `env` signals (glob.hpp, on the
  /// whole name: `SENTRY_PYTHON_TEST_POSTGRES_*`, `REDIS_URL`).
  std::vector<SignalMatch> env(std::string_view name) const;

 private:
  template <typename Predicate>
  std::vector<SignalMatch> matching(EvidenceKind kind, Predicate&& matches) const;

  const Rules& rules_;
  std::vector<std::vector<Glob>> globs_;  ///< per signal: its patterns compiled for path and env (empty for other kinds)
  std::vector<std::string> dotted_call_last_names_;  ///< sorted last names of dotted call patterns
};

/// Return the last '.'-separated segment of `dotted`.
std::string_view last_segment(std::string_view dotted);

/// Return whether `dotted` is `name` or ends with "." + `name`.
bool has_dotted_suffix(std::string_view dotted, std::string_view name);

/// Return whether `module` is `prefix` or lies under it (`prefix` + "." + ...).
bool is_module_or_under(std::string_view module, std::string_view prefix);

}  // namespace testtier::classify_stage
