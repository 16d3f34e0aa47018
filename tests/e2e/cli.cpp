#include "cli.hpp"

#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

namespace testtier::e2e {
namespace fs = std::filesystem;
namespace {

std::string shell_quoted(const std::string& text) {
  std::string quoted = "'";
  for (const char c : text) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

/// The variables the program reads that the suite's own environment must not pass on.
constexpr const char* kProgramVariables[] = {"NO_COLOR", "FORCE_COLOR", "TESTTIER_CACHE_DIR"};

/// In the child of forkpty(): set up `environment` and `working_directory`, then become testtier.
[[noreturn]] void exec_testtier(const std::vector<std::string>& args, const fs::path& working_directory,
                                const Environment& environment) {
  for (const char* name : kProgramVariables) unsetenv(name);
  setenv("TERM", "xterm", 1);
  for (const auto& [name, value] : environment) setenv(name.c_str(), value.c_str(), 1);
  if (!working_directory.empty() && chdir(working_directory.c_str()) != 0) _exit(126);
  std::vector<char*> argv{const_cast<char*>(TESTTIER_BINARY)};
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  execv(TESTTIER_BINARY, argv.data());
  _exit(127);
}

}  // namespace

CliResult run_testtier_on_terminal(const std::vector<std::string>& args, const fs::path& working_directory,
                                   const Environment& environment) {
  int terminal = -1;
  const pid_t child = forkpty(&terminal, nullptr, nullptr, nullptr);
  if (child < 0) return {};
  if (child == 0) exec_testtier(args, working_directory, environment);
  CliResult result;
  char buffer[4096];
  for (;;) {  // until the child closes its end: then read() fails with EIO
    const ssize_t got = read(terminal, buffer, sizeof buffer);
    if (got > 0) {
      result.out.append(buffer, static_cast<std::size_t>(got));
    } else if (got < 0 && errno == EINTR) {
      continue;
    } else {
      break;
    }
  }
  close(terminal);
  int raw = 0;
  while (waitpid(child, &raw, 0) < 0 && errno == EINTR) {
  }
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  std::string out;
  for (std::size_t i = 0; i < result.out.size(); ++i) {
    if (result.out[i] == '\r' && i + 1 < result.out.size() && result.out[i + 1] == '\n') continue;
    out += result.out[i];
  }
  result.out = std::move(out);
  return result;
}

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

fs::path source_path(const std::string& relative) { return fs::path(TESTTIER_SOURCE_DIR) / relative; }

CliResult run_testtier(const std::vector<std::string>& args, const fs::path& working_directory,
                       const Environment& environment) {
  const TemporaryDirectory capture;
  const fs::path out = capture.path() / "stdout";
  const fs::path err = capture.path() / "stderr";
  std::string command;
  if (!working_directory.empty()) command += "cd " + shell_quoted(working_directory.string()) + " && ";
  command += "env";
  for (const char* name : kProgramVariables) command += std::string(" -u ") + name;
  for (const auto& [name, value] : environment) command += " " + shell_quoted(name + "=" + value);
  command += " " + shell_quoted(TESTTIER_BINARY);
  for (const std::string& arg : args) command += " " + shell_quoted(arg);
  command += " </dev/null >" + shell_quoted(out.string()) + " 2>" + shell_quoted(err.string());
  const int raw = std::system(command.c_str());
  CliResult result;
  result.status = (raw != -1 && WIFEXITED(raw)) ? WEXITSTATUS(raw) : -1;
  result.out = read_text(out);
  result.err = read_text(err);
  return result;
}

TemporaryDirectory::TemporaryDirectory() {
  std::random_device random;
  for (;;) {
    path_ = fs::temp_directory_path() / ("testtier-e2e-" + std::to_string(random()));
    if (fs::create_directory(path_)) break;
  }
}

TemporaryDirectory::~TemporaryDirectory() {
  std::error_code ignored;
  fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ignored);
  fs::remove_all(path_, ignored);
}

fs::path TemporaryDirectory::write(const std::string& relative, const std::string& text) const {
  const fs::path file = path_ / relative;
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
  return file;
}

CorpusCopy::CorpusCopy(const std::string& relative) {
  fs::copy(source_path(relative), path(), fs::copy_options::recursive);
  fs::remove_all(path() / ".testtier_cache");
}

CliResult run_cold_then_warm(const std::vector<std::string>& args, const fs::path& working_directory,
                             const fs::path& cache_root) {
  const fs::path cache = (cache_root.empty() ? working_directory : cache_root) / ".testtier_cache";
  std::error_code ignored;
  fs::remove_all(cache, ignored);
  const CliResult cold = run_testtier(args, working_directory);
  CHECK(fs::is_directory(cache));
  const CliResult warm = run_testtier(args, working_directory);
  CHECK(warm.status == cold.status);
  CHECK(warm.out == cold.out);
  CHECK(warm.err == cold.err);
  return warm;
}

}  // namespace testtier::e2e
