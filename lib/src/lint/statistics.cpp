// lint_statistics(): findings counted per code, as ruff's `--statistics`.
#include <algorithm>
#include <map>

#include "testtier/lint.hpp"

namespace testtier {

std::vector<LintStatistic> lint_statistics(const LintResult& result) {
  std::map<std::string, std::size_t> counts;
  for (const Finding& finding : result.findings) ++counts[finding.code];
  std::vector<LintStatistic> statistics;
  for (const auto& [code, count] : counts) {
    const LintCode* known = find_lint_code(code);
    statistics.push_back({code, known != nullptr ? std::string(known->name) : std::string(), count});
  }
  // Most frequent first; a tie in code order (the map's), kept by the stable sort.
  std::stable_sort(statistics.begin(), statistics.end(),
                   [](const LintStatistic& a, const LintStatistic& b) { return a.count > b.count; });
  return statistics;
}

}  // namespace testtier
