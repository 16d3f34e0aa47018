// Measuring one piece of work in a child process: its wall time, CPU time and peak RSS, with
// nothing else in that process to blur them.
#pragma once

#include <functional>
#include <string>

namespace testtier::bench {

/// What one measured run used, and what it said.
struct Measurement {
  double wall_seconds = 0;
  double cpu_seconds = 0;      ///< user + system, all threads
  double peak_rss_mb = 0;      ///< the child's maximum resident set
  std::string report;          ///< what the work returned (counts, as text)
  bool ok = false;
};

/// Run `work` in a forked child and measure it. The parent must not have started threads (TBB)
/// before: fork() copies only the calling thread.
Measurement measure_in_child(const std::function<std::string()>& work);

}  // namespace testtier::bench
