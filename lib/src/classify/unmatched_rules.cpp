#include "classify/unmatched_rules.hpp"

#include <algorithm>
#include <set>
#include <string>

#include <fmt/format.h>

#include "classify/signal_matcher.hpp"
#include "testtier/glob.hpp"
#include "util/edit_distance.hpp"

namespace testtier::classify_stage {
namespace {

constexpr std::string_view kBuiltIn = "<built-in default>";

/// The names a run saw, by the evidence kind they could match.
struct SeenNames {
  std::set<std::string> markers;
  std::set<std::string> fixtures;
  std::set<std::string> classes;  ///< qualified where known, and as written
  std::set<std::string> decorators;  ///< as written, and every name imported (qualified)
  std::size_t files = 0;
};

void add_marks(const std::vector<MarkUse>& marks, SeenNames& seen) {
  for (const MarkUse& mark : marks) {
    if (!mark.name.empty()) seen.markers.insert(mark.name);
    if (mark.name == "usefixtures") seen.fixtures.insert(mark.args.begin(), mark.args.end());
  }
}

void add_decorators(const std::vector<Decorator>& decorators, SeenNames& seen) {
  for (const Decorator& decorator : decorators) {
    if (!decorator.name.empty()) seen.decorators.insert(decorator.name);
  }
}

void add_function(const FunctionFacts& function, SeenNames& seen) {
  add_marks(function.marks, seen);
  add_decorators(function.decorators, seen);
  seen.fixtures.insert(function.parameters.begin(), function.parameters.end());
  if (function.is_fixture) seen.fixtures.insert(function.fixture.name);
}

/// Return every marker, fixture and class name that `parsed` define, request or import, and the
/// evidence `files`' reasons matched.
SeenNames seen_names(const std::vector<const FileFacts*>& parsed, const std::vector<FileResult>& files) {
  SeenNames seen;
  seen.files = parsed.size();
  for (const FileFacts* facts : parsed) {
    add_marks(facts->module_marks, seen);
    for (const FunctionFacts& function : facts->functions) add_function(function, seen);
    for (const ClassFacts& cls : facts->classes) {
      add_marks(cls.marks, seen);
      add_decorators(cls.decorators, seen);
      for (const FunctionFacts& method : cls.methods) add_function(method, seen);
      seen.classes.insert(facts->module.empty() ? cls.qualname : facts->module + "." + cls.qualname);
      for (const ClassFacts::Base& base : cls.bases) seen.classes.insert(base.name);
    }
    for (const Alias& alias : facts->aliases) {
      if (alias.mark.empty()) continue;
      seen.markers.insert(alias.mark);
      if (alias.mark == "usefixtures") seen.fixtures.insert(alias.mark_args.begin(), alias.mark_args.end());
    }
    for (const Import& import : facts->imports) {
      if (import.name.empty() || import.name == "*") continue;
      const std::string imported = import.module.empty() ? import.name : import.module + "." + import.name;
      seen.classes.insert(imported);
      seen.decorators.insert(imported);
    }
  }
  for (const FileResult& file : files) {
    for (const Reason& reason : file.reasons) {
      if (reason.signal == EvidenceKind::marker) seen.markers.insert(reason.evidence);
      if (reason.signal == EvidenceKind::fixture) seen.fixtures.insert(reason.evidence);
      if (reason.signal == EvidenceKind::base_class) seen.classes.insert(reason.evidence);
      if (reason.signal == EvidenceKind::decorator) seen.decorators.insert(reason.evidence);
    }
  }
  return seen;
}

/// Return whether the class or decorator `pattern` (qualified) is among `classes`, by its last name.
bool class_seen(const std::string& pattern, const std::set<std::string>& classes) {
  const std::string_view last = last_segment(pattern);
  return std::any_of(classes.begin(), classes.end(),
                     [&](const std::string& name) { return name == pattern || last_segment(name) == last; });
}

/// Return " did you mean `a` or `b`?" for the names of `candidates` near `name`, or "".
std::string did_you_mean(const std::string& name, const std::set<std::string>& candidates) {
  const std::vector<std::string> nearest = nearest_names(name, {candidates.begin(), candidates.end()});
  if (nearest.empty()) return "";
  std::vector<std::string> quoted;
  for (const std::string& each : nearest) quoted.push_back(fmt::format("`{}`", each));
  return fmt::format("; did you mean {}?", fmt::join(quoted, " or "));
}

/// Return every directory (with a trailing '/') that holds one of `files`, at any depth.
std::set<std::string> directories_of(const std::vector<std::string>& files) {
  std::set<std::string> dirs;
  for (const std::string& file : files) {
    for (std::size_t slash = file.find('/'); slash != std::string::npos; slash = file.find('/', slash + 1)) {
      dirs.insert(file.substr(0, slash + 1));
    }
  }
  return dirs;
}

/// Return " did you mean ...?" for the directory part of the glob `pattern` before its first
/// wildcard, near the directories that exist; "" when it has none or they exist.
std::string did_you_mean_directory(const std::string& pattern, const std::set<std::string>& dirs) {
  const std::size_t wild = pattern.find_first_of("*?[{");
  const std::size_t slash = pattern.rfind('/', wild == std::string::npos ? std::string::npos : wild);
  if (slash == std::string::npos) return "";
  const std::string prefix = pattern.substr(0, slash + 1);
  if (dirs.contains(prefix)) return "";
  return did_you_mean(prefix, dirs);
}

/// Return the Glob of `pattern`, or nullopt when it does not compile (already reported).
std::optional<Glob> compiled(const std::string& pattern) {
  try {
    return Glob(pattern);
  } catch (const std::invalid_argument&) {
    return std::nullopt;
  }
}

/// Return whether `pattern` matches one of `files`.
bool matches_any(const std::string& pattern, const std::vector<std::string>& files) {
  const std::optional<Glob> glob = compiled(pattern);
  return !glob || std::any_of(files.begin(), files.end(), [&](const std::string& file) { return glob->matches(file); });
}

/// Return where the `i`th of `locations` is, else `fallback`.
SourceLocation at(const std::vector<SourceLocation>& locations, std::size_t i, SourceLocation fallback) {
  return i < locations.size() ? locations[i] : fallback;
}

/// Return the rules file `origin` relative to `root` when it lies below it, else as it is.
std::string shown_origin(const std::filesystem::path& root, const std::string& origin) {
  std::error_code error;
  const std::filesystem::path base = std::filesystem::weakly_canonical(root, error);
  const std::filesystem::path file = std::filesystem::weakly_canonical(origin, error);
  const std::filesystem::path relative = file.lexically_relative(base);
  if (error || relative.empty() || *relative.begin() == "..") return origin;
  return relative.generic_string();
}

class Reporter {
 public:
  Reporter(const std::filesystem::path& root, const Rules& rules) : origin_(shown_origin(root, rules.origin)) {}

  void add(SourceLocation location, std::string message) {
    out_.push_back({origin_, location, Severity::warning, std::string(codes::unmatched_rule), std::move(message)});
  }

  std::vector<Diagnostic> take() { return std::move(out_); }

 private:
  std::string origin_;
  std::vector<Diagnostic> out_;
};

/// Report the patterns of one list (a signal's, or a [project] list) that match nothing. Lists
/// often spell one thing several ways on purpose (old and new module paths, both forms of a
/// decorator), so an absent pattern is reported when no pattern of its list matches anything,
/// or when it is near a name that does appear (a likely typo: `suggestion` says which).
struct Candidate {
  SourceLocation location;
  std::string message;     ///< without the suggestion
  std::string suggestion;  ///< "; did you mean ...?" or ""
};

void report_list(const std::vector<Candidate>& absent, std::size_t listed, Reporter& reporter) {
  const bool any_present = absent.size() < listed;
  for (const Candidate& candidate : absent) {
    if (any_present && candidate.suggestion.empty()) continue;
    const bool others = listed > 1 && !any_present;
    reporter.add(candidate.location,
                 candidate.message + (others ? " (nor does any other of its list)" : "") + candidate.suggestion);
  }
}

void check_project_globs(const Rules& rules, const Discovery& found, const std::set<std::string>& dirs,
                         Reporter& reporter) {
  const ProjectRules& project = rules.project;
  if (project.test_files) {
    std::vector<Candidate> absent;
    for (std::size_t i = 0; i < project.test_files->size(); ++i) {
      const std::string& pattern = (*project.test_files)[i];
      if (matches_any(pattern, found.python_files)) continue;
      absent.push_back({at(project.test_files_locations, i, {}),
                        fmt::format("`test_files` glob \"{}\" matches no Python file under the root", pattern),
                        did_you_mean_directory(pattern, dirs)});
    }
    report_list(absent, project.test_files->size(), reporter);
  }
  std::vector<Candidate> absent;
  for (std::size_t i = 0; i < project.exclude.size() && i < found.exclude_matched.size(); ++i) {
    if (found.exclude_matched[i]) continue;
    absent.push_back({at(project.exclude_locations, i, {}),
                      fmt::format("`exclude` glob \"{}\" leaves out nothing: no file or directory under the root "
                                  "matches it",
                                  project.exclude[i]),
                      did_you_mean_directory(project.exclude[i], dirs)});
  }
  report_list(absent, project.exclude.size(), reporter);
}

/// Return the candidate warning for `pattern` of `signal` when it matches nothing, else nullopt.
std::optional<Candidate> absent_pattern(const Signal& signal, const std::string& pattern, SourceLocation where,
                                        const Discovery& found, const SeenNames& seen,
                                        const std::set<std::string>& dirs) {
  const std::string read = fmt::format("appears in none of the {} files this run read (test files, conftests and "
                                       "the modules they reach)",
                                       seen.files);
  const std::string_view kind = to_string(signal.kind);
  switch (signal.kind) {
    case EvidenceKind::path:
      if (matches_any(pattern, found.python_files)) return std::nullopt;
      return Candidate{where, fmt::format("`path` glob \"{}\" matches no Python file under the root", pattern),
                       did_you_mean_directory(pattern, dirs)};
    case EvidenceKind::marker:
    case EvidenceKind::fixture: {
      const std::set<std::string>& names = signal.kind == EvidenceKind::marker ? seen.markers : seen.fixtures;
      if (names.contains(pattern)) return std::nullopt;
      return Candidate{where, fmt::format("`{}` \"{}\" {}", kind, pattern, read), did_you_mean(pattern, names)};
    }
    case EvidenceKind::base_class:
    case EvidenceKind::decorator: {
      const std::set<std::string>& names = signal.kind == EvidenceKind::base_class ? seen.classes : seen.decorators;
      if (class_seen(pattern, names)) return std::nullopt;
      return Candidate{where, fmt::format("`{}` \"{}\" {}", kind, pattern, read), did_you_mean(pattern, names)};
    }
    default:  // settings, calls, imports and env names are often absent on purpose (a guard)
      return std::nullopt;
  }
}

void check_signal(const Signal& signal, const Discovery& found, const SeenNames& seen,
                  const std::set<std::string>& dirs, Reporter& reporter) {
  std::vector<Candidate> absent;
  for (std::size_t i = 0; i < signal.patterns.size(); ++i) {
    const SourceLocation where = at(signal.pattern_locations, i, signal.location);
    if (auto candidate = absent_pattern(signal, signal.patterns[i], where, found, seen, dirs)) {
      absent.push_back(std::move(*candidate));
    }
  }
  report_list(absent, signal.patterns.size(), reporter);
}

}  // namespace

std::vector<Diagnostic> unmatched_rules(const std::filesystem::path& root, const Rules& rules, const Discovery& found,
                                        const std::vector<const FileFacts*>& parsed,
                                        const std::vector<FileResult>& files) {
  if (rules.origin == kBuiltIn) return {};
  Reporter reporter(root, rules);
  const std::set<std::string> dirs = directories_of(found.python_files);
  check_project_globs(rules, found, dirs, reporter);
  const SeenNames seen = seen_names(parsed, files);
  for (const Signal& signal : rules.signals) check_signal(signal, found, seen, dirs, reporter);
  return reporter.take();
}

}  // namespace testtier::classify_stage
