// How many threads a parallel stage runs on, whatever the caller asked for.
#pragma once

#include <tbb/info.h>

namespace testtier {

/// Return the concurrency of a task arena for `threads` requested threads (0: one per core):
/// never more than the cores TBB sees. More would only add contention, and TBB itself warns
/// on stderr past its limit and fails on huge counts (`-j 1000000`).
inline int arena_concurrency(unsigned threads) {
  const int cores = tbb::info::default_concurrency();
  return threads == 0 || threads > static_cast<unsigned>(cores) ? cores : static_cast<int>(threads);
}

}  // namespace testtier
