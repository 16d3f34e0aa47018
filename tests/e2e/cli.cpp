#include "cli.hpp"

#include <sys/wait.h>

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

}  // namespace

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

fs::path source_path(const std::string& relative) { return fs::path(TESTTIER_SOURCE_DIR) / relative; }

CliResult run_testtier(const std::vector<std::string>& args, const fs::path& working_directory) {
  const TemporaryDirectory capture;
  const fs::path out = capture.path() / "stdout";
  const fs::path err = capture.path() / "stderr";
  std::string command;
  if (!working_directory.empty()) command += "cd " + shell_quoted(working_directory.string()) + " && ";
  command += shell_quoted(TESTTIER_BINARY);
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
