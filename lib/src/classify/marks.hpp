// Marks as pytest sees them: `@requires_snuba` and `pytestmark = [django_db_all]` resolved
// through module-level aliases, maybe in other files, to the mark they stand for.
#pragma once

#include <optional>
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
  std::vector<std::string> via;       ///< alias hops: "requires_snuba (src/sentry/testutils/skips.py:9)"
  bool by_last_name = false;          ///< an alias that resolved nowhere: `name` is its last segment
};

/// Return the mark `mark` (written in the file `path`) stands for; nullopt when it is not a mark
/// (a decorator that resolves to a function or outside the repository) or its file is pending.
std::optional<ResolvedMark> resolve_mark(const MarkUse& mark, const std::string& path,
                                         resolve::Resolver& resolver);

}  // namespace testtier::classify_stage
