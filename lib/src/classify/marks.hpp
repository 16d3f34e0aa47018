// Marks as pytest sees them: `@requires_snuba` and `pytestmark = [django_db_all]` resolved
// through module-level aliases (`functools.partial` ones too) and through decorator functions
// whose bodies apply a mark, maybe in other files, to the marks they stand for.
#pragma once

#include <string>
#include <vector>

#include "resolve/symbols.hpp"

namespace testtier::classify_stage {

/// A mark applied to a test, with where it is written and the aliases it went through.
struct ResolvedMark {
  std::string name;                   ///< "usefixtures", "django_db", ...
  std::vector<std::string> args;      ///< literal string arguments
  std::string path;                   ///< where the mark (or the alias naming it) is written
  SourceLocation location;
  /// The hops: aliases ("requires_snuba (src/sentry/testutils/skips.py:9)") and decorator
  /// functions ("django_db_all (src/sentry/testutils/pytest/fixtures.py:40)").
  std::vector<std::string> via;
  bool by_last_name = false;          ///< an alias that resolved nowhere: `name` is its last segment
};

/// Return the marks `mark` (written in the file `path`) stands for: itself when it is spelled
/// as a mark; else what the name it is written as resolves to: an alias of a mark (every module-level
/// binding of that alias counts, one per branch of a `try`/`if`), or a repository function whose body
/// applies marks (`def django_db_all(func=None, ...): return pytest.mark.django_db(...)(func)`),
/// directly or through the aliases and functions it calls. Empty when it is no mark (a
/// decorator outside the repository, a plain function) or its file is pending; a name that
/// resolves nowhere is matched by its last segment.
std::vector<ResolvedMark> resolve_marks(const MarkUse& mark, const std::string& path, resolve::Resolver& resolver);

}  // namespace testtier::classify_stage
