#include <system_error>

#include <toml++/toml.h>

#include "testtier/pytest_config.hpp"
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

/// Return whether `pyproject` holds a `[tool.testtier]` table; true as well when it cannot be
/// read or parsed (loading it then says why).
bool pyproject_has_rules(const fs::path& pyproject) {
  FileRead read = read_file(pyproject, kMaxPyprojectBytes);
  if (!read.ok) return true;
  try {
    const toml::table root = toml::parse(read.bytes, pyproject.string());
    return root["tool"]["testtier"].node() != nullptr;
  } catch (const toml::parse_error&) {
    return true;
  }
}

/// Return the rules file of the directory `dir`, empty when it has none.
fs::path rules_file_in(const fs::path& dir) {
  if (const fs::path own = dir / "testtier.toml"; present(own)) return own;
  if (const fs::path pyproject = dir / "pyproject.toml"; present(pyproject) && pyproject_has_rules(pyproject)) {
    return pyproject;
  }
  return {};
}

/// Return the pytest configuration file of the directory `dir`, empty when it has none.
fs::path pytest_file_in(const fs::path& dir) {
  const PytestConfig config = read_pytest_config(dir);
  if (!config.origin.empty()) return dir / config.origin;
  // A configuration file that decides but is broken is still pytest's choice of rootdir.
  if (!config.diagnostics.empty()) return dir / config.diagnostics.front().path;
  return {};
}

/// Return the nearest of `start` and its ancestors for which `file_in` names a file, or nullopt.
template <typename FileIn>
std::optional<ProjectRoot> search_upward(const fs::path& start, FileIn file_in, bool has_rules) {
  for (fs::path dir = start;; dir = dir.parent_path()) {
    if (fs::path config = file_in(dir); !config.empty()) return ProjectRoot{dir, std::move(config), has_rules};
    if (dir == dir.parent_path() || dir.parent_path().empty()) return std::nullopt;
  }
}

}  // namespace

ProjectRoot find_project_root(const fs::path& start) {
  std::error_code error;
  fs::path dir = fs::weakly_canonical(fs::absolute(start, error), error);
  if (error) dir = fs::absolute(start, error).lexically_normal();
  if (!fs::is_directory(dir, error)) dir = dir.parent_path();
  if (auto found = search_upward(dir, rules_file_in, true)) return std::move(*found);
  if (auto found = search_upward(dir, pytest_file_in, false)) return std::move(*found);
  return ProjectRoot{dir, {}, false};
}

Rules find_rules(const fs::path& root, const std::optional<fs::path>& explicit_file) {
  if (explicit_file) return load_rules_file(*explicit_file);
  if (const fs::path own = (root / "testtier.toml").lexically_normal(); present(own)) return load_rules_file(own);
  if (const fs::path pyproject = (root / "pyproject.toml").lexically_normal(); present(pyproject)) {
    if (auto rules = pyproject_rules(pyproject)) return std::move(*rules);
  }
  return default_rules();
}

}  // namespace testtier
