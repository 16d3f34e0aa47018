#include "resolve/module_index.hpp"

#include "testtier/discover.hpp"

namespace testtier::resolve {

ModuleIndex::ModuleIndex(const std::vector<std::string>& python_files,
                         const std::vector<std::string>& import_roots) {
  // Earlier roots win: index root by root, and within a root keep the first path seen.
  for (std::size_t root = 0; root < import_roots.size(); ++root) {
    const std::vector<std::string> one_root{import_roots.begin(), import_roots.begin() + root + 1};
    for (const std::string& path : python_files) {
      if (modules_by_file_.contains(path)) continue;
      const std::string module = module_name_for(path, one_root);
      if (module.empty()) continue;
      modules_by_file_.emplace(path, module);
      files_by_module_.emplace(module, path);
      for (std::size_t dot = module.find('.'); dot != std::string::npos; dot = module.find('.', dot + 1)) {
        package_prefixes_.insert(module.substr(0, dot));
      }
    }
  }
}

const std::string* ModuleIndex::file_of(std::string_view module) const {
  const auto found = files_by_module_.find(std::string(module));
  return found == files_by_module_.end() ? nullptr : &found->second;
}

const std::string& ModuleIndex::module_of(std::string_view path) const {
  static const std::string none;
  const auto found = modules_by_file_.find(std::string(path));
  return found == modules_by_file_.end() ? none : found->second;
}

bool ModuleIndex::is_package_prefix(std::string_view prefix) const {
  return package_prefixes_.contains(std::string(prefix));
}

bool ModuleIndex::is_package_init(std::string_view path) {
  return path == "__init__.py" || path.ends_with("/__init__.py");
}

std::optional<std::string> absolute_module(std::string_view importer, bool importer_is_package,
                                           int level, std::string_view module) {
  if (level <= 0) return std::string(module);
  std::string package(importer);
  // A module's package is its parent; a package's `__init__` is its own package.
  int climb = importer_is_package ? level - 1 : level;
  for (; climb > 0; --climb) {
    if (package.empty()) return std::nullopt;
    const std::size_t dot = package.rfind('.');
    package = dot == std::string::npos ? std::string() : package.substr(0, dot);
  }
  if (package.empty() && module.empty()) return std::nullopt;
  return join_dotted(package, module);
}

std::string join_dotted(std::string_view prefix, std::string_view name) {
  if (prefix.empty()) return std::string(name);
  if (name.empty()) return std::string(prefix);
  std::string joined(prefix);
  joined += '.';
  joined += name;
  return joined;
}

}  // namespace testtier::resolve
