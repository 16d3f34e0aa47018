#include <system_error>

#include "testtier/rules.hpp"
#include "util/file_io.hpp"

namespace testtier {
namespace {

namespace fs = std::filesystem;

/// Larger pyproject.toml files are refused rather than read.
constexpr std::uintmax_t kMaxPyprojectBytes = 8u << 20;

/// Return whether something is at `path` (following links; an error counts as "yes", so that
/// reading it reports the problem).
bool present(const fs::path& path) {
  std::error_code error;
  const bool exists = fs::exists(path, error);
  return exists || (error && error != std::errc::no_such_file_or_directory);
}

/// Return the `[tool.testtier]` rules of `pyproject`, nullopt when it has none.
std::optional<Rules> pyproject_rules(const fs::path& pyproject) {
  FileRead read = read_file(pyproject, kMaxPyprojectBytes);
  if (!read.ok) throw RulesError(pyproject.string(), {}, "", "cannot read rules: " + read.error);
  return parse_pyproject_rules(read.bytes, pyproject.string());
}

}  // namespace

Rules find_rules(const fs::path& root, const std::optional<fs::path>& explicit_file) {
  if (explicit_file) return load_rules_file(*explicit_file);
  if (const fs::path own = (root / "testtier.toml").lexically_normal(); present(own)) return load_rules_file(own);
  if (const fs::path pyproject = (root / "pyproject.toml").lexically_normal(); present(pyproject)) {
    if (auto rules = pyproject_rules(pyproject)) return std::move(*rules);
  }
  return default_rules();
}

}  // namespace testtier
