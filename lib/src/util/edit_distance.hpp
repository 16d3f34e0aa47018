// Edit distance between names, for "did you mean ...?" (internal; depends on nothing of ours).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace testtier {

/// Return the Damerau-Levenshtein distance (optimal string alignment: insertions, deletions,
/// substitutions and swaps of neighbours each cost 1) between `a` and `b`, byte by byte.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Return the names of `candidates` nearest to `name`, closest first (ties by name), at most
/// `limit` of them, and only those close enough to be a likely typo: within a quarter of the
/// shorter name's length (at least 1, at most 2 edits), differing only in case or `-` against
/// `_`, or a dotted name with the same last part (`a.b.C` for `a.C`). Names that differ only in
/// leading underscores (`_requires_kafka`, `requires_kafka`) are a deliberate pair, never offered.
std::vector<std::string> nearest_names(std::string_view name, const std::vector<std::string>& candidates,
                                       std::size_t limit = 3);

}  // namespace testtier
