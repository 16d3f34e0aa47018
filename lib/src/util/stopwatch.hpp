// Wall time between laps, for --timings.
#pragma once

#include <chrono>

namespace testtier {

/// Measures wall time between laps.
class Stopwatch {
 public:
  /// Return the seconds since the previous lap (or construction) and start the next lap.
  double lap() {
    const auto now = std::chrono::steady_clock::now();
    const double seconds = std::chrono::duration<double>(now - last_).count();
    last_ = now;
    return seconds;
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

}  // namespace testtier
