#include "output.hpp"

#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "testtier/io.hpp"
#include "testtier/text.hpp"

namespace testtier::cli {

namespace {

namespace fs = std::filesystem;

/// What protect_inputs() was told, canonical.
struct ProtectedInputs {
  fs::path root;
  fs::path rules_file;
  fs::path cache;
};
ProtectedInputs& protected_inputs() {
  static ProtectedInputs inputs;
  return inputs;
}

/// Return whether `target` lies at or below `directory` (both canonical; `directory` not empty).
bool is_within(const fs::path& target, const fs::path& directory) {
  const fs::path inside = target.lexically_relative(directory);
  return !inside.empty() && *inside.begin() != "..";
}

/// Return whether `target` (canonical) is an input of the run: the rules file, anything in the
/// cache, or under the root a Python file or a configuration file pytest or testtier reads.
bool is_input(const fs::path& target) {
  const ProtectedInputs& inputs = protected_inputs();
  if (!inputs.rules_file.empty() && target == inputs.rules_file) return true;
  if (!inputs.cache.empty() && is_within(target, inputs.cache)) return true;
  if (inputs.root.empty()) return false;
  const fs::path inside = target.lexically_relative(inputs.root);
  if (inside.empty() || *inside.begin() == "..") return false;
  if (*inside.begin() == ".testtier_cache" || target.extension() == ".py") return true;
  static const char* const kConfigs[] = {"pytest.ini", ".pytest.ini", "pyproject.toml", "tox.ini", "setup.cfg",
                                         "testtier.toml"};
  return std::any_of(std::begin(kConfigs), std::end(kConfigs), [&](const char* name) { return inside == name; });
}

/// Return the regular file `-o file` writes (through symlinks), or "" after printing why not.
fs::path output_target(const std::string& file) {
  std::error_code error;
  const fs::path target = fs::weakly_canonical(fs::absolute(file, error), error);
  if (error) {
    print_error("testtier: error: {}: {}\n", printable(file), error.message());
    return {};
  }
  const fs::file_status status = fs::status(target, error);
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    const char* kind = fs::is_directory(status) ? "a directory" : fs::is_fifo(status) ? "a FIFO"
                       : fs::is_character_file(status) ? "a character device" : fs::is_block_file(status) ? "a block device"
                       : fs::is_socket(status) ? "a socket" : "not a regular file";
    print_error("testtier: error: {}: {}; -o replaces regular files only (use -o - for stdout)\n", printable(file), kind);
    return {};
  }
  if (is_input(target)) {
    print_error("testtier: error: {}: is one of this run's inputs; not replaced\n", printable(file));
    return {};
  }
  return target;
}

}  // namespace

void protect_inputs(const fs::path& root, const std::string& rules_file) {
  std::error_code error;
  ProtectedInputs& inputs = protected_inputs();
  inputs.root = fs::weakly_canonical(fs::absolute(root, error), error);
  inputs.rules_file = rules_file.empty() ? fs::path() : fs::weakly_canonical(fs::absolute(rules_file, error), error);
}

void protect_cache(const fs::path& directory) {
  std::error_code error;
  protected_inputs().cache = fs::weakly_canonical(fs::absolute(directory, error), error);
}

bool write_output(const std::string& file, std::string_view text) {
  if (file.empty() || file == "-") {
    const std::size_t written = std::fwrite(text.data(), 1, text.size(), stdout);
    if (written != text.size() || std::fflush(stdout) != 0) {
      print_error("testtier: error: cannot write to standard output\n");
      return false;
    }
    return true;
  }
  const fs::path target = output_target(file);
  if (target.empty()) return false;
  if (const std::string error = write_file_atomically(target, text); !error.empty()) {
    print_error("testtier: error: {}\n", printable(error));
    return false;
  }
  return true;
}

void write_error(std::string_view text) {
  // fwrite, unlike fmt::print, reports a failure by its return value instead of throwing.
  (void)std::fwrite(text.data(), 1, text.size(), stderr);
}

void print_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    // A file name or message may hold a newline: escaped, it cannot forge another diagnostic.
    std::string where = d.path.empty() ? std::string("testtier") : printable(d.path);
    // Line 0 is the whole file: shown as 1:1 (as lint's text does), so that every line parses alike.
    if (!d.path.empty()) {
      where += d.location.line > 0 ? fmt::format(":{}:{}", d.location.line, std::max<std::uint32_t>(d.location.column, 1))
                                   : std::string(":1:1");
    }
    print_error("{}: {}: {} [{}]\n", where, to_string(d.severity), printable(d.message), d.code);
  }
}

}  // namespace testtier::cli
