// What `classify` finds: per file and per test, the services needed, the tier, and why.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "testtier/diagnostic.hpp"
#include "testtier/rules.hpp"

namespace testtier {

/// Why a test or file needs one service: the signal that matched, where its evidence is, and the
/// chain (inheritance, fixtures, aliases) that carried it to the test.
struct Reason {
  std::string service;
  EvidenceKind signal = EvidenceKind::base_class;
  std::string evidence;        ///< what matched: the qualified base, mark, fixture, glob, setting, callee, module
  std::string path;            ///< the file holding the evidence, relative to the root
  std::uint32_t line = 0;      ///< where in `path` (0 for a path rule: the whole file)
  /// The hops from the test (exclusive) to the evidence, each "NAME (PATH:LINE)" where it was
  /// found, the last being the name the rules matched; empty when the evidence is on the test or
  /// its file. E.g. {"EventsBase (tests/snuba/api/base.py:6)", "sentry.testutils.cases.SnubaTestCase"}.
  std::vector<std::string> via;
  bool declared = true;        ///< the signal declares the need (false: inferred)
  bool by_last_name = false;   ///< a name that did not resolve matched by its last segment only
  std::uint32_t column = 0;    ///< 1-based column of `line`, in characters; not in the JSON output

  friend bool operator==(const Reason&, const Reason&) = default;
};

/// One collected test: a pytest node id (`path::Class::test` or `path::test`).
struct TestResult {
  std::string id;
  std::uint32_t line = 0;              ///< the `def` line (in the file that defines the method)
  std::vector<std::string> services;   ///< sorted
  std::string tier;
  std::vector<Reason> reasons;         ///< sorted by service, then path, line, signal
  /// Where the walk into the repository's code stopped and why ("PATH:LINE[ in FUNCTION]: `CALLEE`
  /// not followed: WHY"), sorted; only when classified with ClassifyOptions::record_walk_stops.
  std::vector<std::string> walk_stops;

  friend bool operator==(const TestResult&, const TestResult&) = default;
};

/// An import of a `[[suspicious]]` module in a file that does not declare its service.
struct SuspiciousImport {
  std::string module;                  ///< the module imported from, absolute
  std::vector<std::string> names;      ///< names imported (empty for `import a.b`)
  std::uint32_t line = 0;
  std::string service;
  bool called = false;                 ///< an imported name (or attribute of it) is called in the file

  friend bool operator==(const SuspiciousImport&, const SuspiciousImport&) = default;
};

/// One test file.
struct FileResult {
  std::string path;                    ///< relative to the root, with '/'
  std::vector<std::string> services;   ///< union over its tests and module-level signals, sorted
  std::string tier;
  std::vector<Reason> reasons;         ///< deduplicated over tests and module level
  std::vector<SuspiciousImport> suspicious;
  std::vector<TestResult> tests;       ///< sorted by id

  friend bool operator==(const FileResult&, const FileResult&) = default;
};

/// Where a run's time went, in seconds. Public because `testtier classify --timings` and the
/// benchmark print it, and a tool that embeds classify() may want the same answer; the stages it
/// names may be split or merged between versions (its fields are no promise).
struct ClassifyTimings {
  double discover = 0;         ///< wall: walking the root, reading pytest configuration, indexing modules
  double parse = 0;            ///< wall: every parse wave
  double read_cpu = 0;         ///< CPU over all threads: reading and hashing files
  double tree_sitter_cpu = 0;  ///< CPU over all threads: tree-sitter itself
  double extract_cpu = 0;      ///< CPU over all threads: decoding, walking trees into facts, cache hits
  double analysis = 0;         ///< wall: resolve, graph and classify, over every wave (their sum)
  double resolve = 0;          ///<   wall: after each parse wave, resolving what the tests reach
  double graph = 0;            ///<   wall: building the class graph and fixture scopes (once a wave)
  double classify = 0;         ///<   wall: gathering each test's evidence and choosing tiers
  double cache = 0;            ///< wall: loading and saving the facts cache (or loading a reused result and
                               ///< checking the files it depends on)
  std::size_t waves = 0;       ///< parse waves (test files and conftests first, then what they reach)
  std::size_t parsed_on_demand = 0;  ///< files parsed one at a time as resolution met them (up to
                                     ///< 512 KiB after each wave), not in a wave; their time is in `resolve`
};

/// How much work a run did (for --timings, the benchmark and the "not parsed" promise).
struct ClassifyStats {
  std::size_t python_files = 0;        ///< .py files discovered
  std::size_t test_files = 0;
  std::size_t parsed_files = 0;        ///< files parsed (tests, conftests, and modules reached)
  std::size_t skipped_files = 0;       ///< python_files - parsed_files: never reached, never parsed
  std::size_t cached_files = 0;        ///< of parsed_files, how many came from the facts cache
  std::uint64_t parsed_bytes = 0;
  /// Nothing the last run depended on changed: its classification was reused from the cache
  /// (then parsed_files counts the files read and hashed to know that, all of them cached_files).
  bool reused = false;
  ClassifyTimings timings;
};

/// The whole answer for one repository.
struct Classification {
  std::string root;                    ///< as given
  std::string rules_origin;            ///< Rules::origin
  std::vector<std::string> tier_order; ///< tier names, cheapest first (for summaries)
  /// What a shard of each tier starts (started_services()), by tier name: for CI matrices and the
  /// pytest plugin, which start or check services without reading the rules.
  std::map<std::string, std::vector<std::string>> tier_services;
  std::map<std::string, std::vector<int>> service_ports;  ///< every service of the rules, by name
  std::vector<FileResult> files;       ///< sorted by path
  std::vector<Diagnostic> diagnostics; ///< sorted by path, line, column, code
  ClassifyStats stats;
};

}  // namespace testtier
