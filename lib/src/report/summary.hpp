// Counts shared by the classify writers: files and tests per tier and per service.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "testtier/classification.hpp"

namespace testtier::report {

/// How many files and tests a classification holds, per tier and per service.
struct Summary {
  std::size_t files = 0;
  std::size_t tests = 0;
  std::map<std::string, std::size_t> files_per_tier;
  std::map<std::string, std::size_t> tests_per_tier;
  std::map<std::string, std::size_t> files_per_service;   ///< files whose services include it
  std::map<std::string, std::size_t> tests_per_service;   ///< tests whose services include it
  /// `tier_order`, then any other tier a file or test is in, by name (so nothing is dropped).
  std::vector<std::string> tiers;
};

/// Return the counts of `result`.
Summary summarize(const Classification& result);

/// A name and its count, in the order a writer lists them.
using Count = std::pair<std::string, std::size_t>;

/// Return the nonzero counts of `per_tier`, in the order of `tiers`.
std::vector<Count> tier_counts(const std::map<std::string, std::size_t>& per_tier,
                               const std::vector<std::string>& tiers);

/// Return "1 file", "2 files" and so on: `count` and `noun`, with an "s" unless `count` is 1.
std::string count_of(std::size_t count, std::string_view noun);

/// Return `part` as a percentage of `whole` with one decimal ("7.4%"), "0.0%" when `whole` is 0.
std::string percent(std::size_t part, std::size_t whole);

/// Return the count of `key` in `counts`, 0 when it has none.
std::size_t count_in(const std::map<std::string, std::size_t>& counts, const std::string& key);

/// Return `items` with `separator` between them.
std::string joined(const std::vector<std::string>& items, std::string_view separator);

}  // namespace testtier::report
