// Run the real `testtier` binary the way a user would, for end-to-end tests.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace testtier::e2e {

/// What one run of the program produced.
struct CliResult {
  int status = -1;   ///< exit status (-1 when killed by a signal)
  std::string out;   ///< everything written to stdout
  std::string err;   ///< everything written to stderr
};

/// Environment variables (name, value) to set for one run.
using Environment = std::vector<std::pair<std::string, std::string>>;

/// Run `testtier ARGS...` in `working_directory` (the test's own when empty), with stdin closed
/// and stdout and stderr captured in files (so not a terminal). The variables that change the
/// program's colour and cache (NO_COLOR, FORCE_COLOR, TESTTIER_CACHE_DIR) are unset unless
/// `environment` sets them, so that the environment the suite runs in does not change answers.
CliResult run_testtier(const std::vector<std::string>& args,
                       const std::filesystem::path& working_directory = {},
                       const Environment& environment = {});

/// Run `testtier ARGS...` as run_testtier() does, but with a pseudo-terminal (openpty) as its
/// stdin, stdout and stderr, TERM=xterm: `out` holds both streams as the terminal showed them,
/// with the terminal's "\r\n" line ends made "\n" again; `err` is empty.
CliResult run_testtier_on_terminal(const std::vector<std::string>& args,
                                   const std::filesystem::path& working_directory = {},
                                   const Environment& environment = {});

/// Return the path of `relative` inside the source tree (e.g. "corpus/sentry-like").
std::filesystem::path source_path(const std::string& relative);

/// A fresh empty directory under the system temporary directory, removed with the object.
class TemporaryDirectory {
 public:
  TemporaryDirectory();
  ~TemporaryDirectory();
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;

  const std::filesystem::path& path() const { return path_; }
  /// Write `text` to `relative` below the directory, creating parent directories.
  std::filesystem::path write(const std::string& relative, const std::string& text) const;

 private:
  std::filesystem::path path_;
};

/// A fresh temporary copy of `relative`, a directory of the source tree (e.g. "corpus/affected"),
/// so that runs may write their cache (and anything else) into it as they would for a user.
class CorpusCopy : public TemporaryDirectory {
 public:
  explicit CorpusCopy(const std::string& relative);
};

/// Run `testtier ARGS...` in `working_directory` twice with the cache on, as a user does: cold
/// (no cache yet), then warm. CHECK that `cache_root` (the working directory when empty) holds a
/// cache after the first and that both runs exit alike and print the same; return the second.
CliResult run_cold_then_warm(const std::vector<std::string>& args, const std::filesystem::path& working_directory,
                             const std::filesystem::path& cache_root = {});

/// Return the whole content of `file` ("" when it cannot be read).
std::string read_text(const std::filesystem::path& file);

}  // namespace testtier::e2e
