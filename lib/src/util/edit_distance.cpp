#include "util/edit_distance.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

namespace testtier {
namespace {

/// Return `name` lower-cased with '-' as '_', for comparisons that forgive only those.
std::string folded(std::string_view name) {
  std::string out(name);
  for (char& c : out) c = c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// Return `name` without its leading underscores.
std::string_view public_name(std::string_view name) {
  while (name.starts_with('_')) name.remove_prefix(1);
  return name;
}

/// Return the part of `name` after its last '.'.
std::string_view last_segment(std::string_view name) {
  const auto dot = name.rfind('.');
  return dot == std::string_view::npos ? name : name.substr(dot + 1);
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Three rows of the dynamic programme are enough for optimal string alignment.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::vector<std::string> nearest_names(std::string_view name, const std::vector<std::string>& candidates,
                                       std::size_t limit) {
  std::set<std::pair<std::size_t, std::string>> ranked;
  const std::string name_folded = folded(name);
  for (const std::string& candidate : candidates) {
    // `_requires_kafka` and `requires_kafka` are a pair on purpose in pytest code (a private
    // fixture and the public mark that requests it), not a typo of each other.
    if (candidate == name || public_name(candidate) == public_name(name)) continue;
    const std::size_t shorter = std::min(name.size(), candidate.size());
    const std::size_t allowed = std::clamp<std::size_t>(shorter / 4, 1, 2);
    const bool moved = last_segment(name) != name && last_segment(candidate) == last_segment(name);
    // Lengths further apart than `allowed` are never near, nor the same but for spelling (folding
    // keeps the length): skip the quadratic distance, most candidates of a large repository.
    const std::size_t gap = name.size() > candidate.size() ? name.size() - candidate.size() : candidate.size() - name.size();
    if (!moved && gap > allowed) continue;
    const std::size_t distance = edit_distance(name, candidate);
    const bool same_but_spelling = gap == 0 && folded(candidate) == name_folded;
    if (distance <= allowed || same_but_spelling || moved) ranked.emplace(distance, candidate);
  }
  std::vector<std::string> nearest;
  for (const auto& [distance, candidate] : ranked) {
    if (nearest.size() == limit) break;
    nearest.push_back(candidate);
  }
  return nearest;
}

}  // namespace testtier
