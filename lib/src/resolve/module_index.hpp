// Module names ↔ files of one repository, and relative imports made absolute.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace testtier::resolve {

/// Every Python file of a repository under its dotted module name (see module_name_for).
class ModuleIndex {
 public:
  /// Index `python_files` (root-relative, sorted) under `import_roots`. When two files claim one
  /// name, the first import root wins, then the first path.
  ModuleIndex(const std::vector<std::string>& python_files, const std::vector<std::string>& import_roots);

  /// Return the file of module `module` ("a.b" → "src/a/b.py" or "src/a/b/__init__.py").
  const std::string* file_of(std::string_view module) const;

  /// Return the module name of `path` ("" when outside every import root).
  const std::string& module_of(std::string_view path) const;

  /// Return whether some module's name starts with `prefix` + "." (a package, maybe a namespace one).
  bool is_package_prefix(std::string_view prefix) const;

  /// Return whether `path` is a package's `__init__.py`.
  static bool is_package_init(std::string_view path);

 private:
  std::unordered_map<std::string, std::string> files_by_module_;
  std::unordered_map<std::string, std::string> modules_by_file_;
  std::unordered_set<std::string> package_prefixes_;
};

/// Return the absolute module that a `from` import names: `level` leading dots and `module` as
/// written, seen from module `importer` (whose file is a package `__init__.py` when
/// `importer_is_package`). Return nullopt when the dots climb above the top-level package.
std::optional<std::string> absolute_module(std::string_view importer, bool importer_is_package,
                                           int level, std::string_view module);

/// Return `prefix.name`, or `name` when `prefix` is empty.
std::string join_dotted(std::string_view prefix, std::string_view name);

}  // namespace testtier::resolve
