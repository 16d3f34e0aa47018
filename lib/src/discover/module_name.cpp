#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "testtier/discover.hpp"

namespace testtier {
namespace {

// Return `dir` without leading "./" and trailing '/', so "./src/", "src" and "src/" agree and
// ".", "./" and "" all mean the root ("").
std::string_view normalise_dir(std::string_view dir) {
  while (dir.starts_with("./")) dir.remove_prefix(2);
  while (dir.ends_with('/')) dir.remove_suffix(1);
  return dir == "." ? std::string_view{} : dir;
}

// Return the dotted name of `rest` ("pkg/mod.py" without ".py" would be "pkg/mod") relative to its
// import root: '/' becomes '.', a trailing "__init__" names its package. Return "" when nothing is
// left, as for the `__init__.py` of the import root itself.
std::string dotted(std::string_view rest) {
  std::string name;
  std::size_t start = 0;
  while (start < rest.size()) {
    const std::size_t end = std::min(rest.find('/', start), rest.size());
    const std::string_view part = rest.substr(start, end - start);
    const bool last = end == rest.size();
    if (!part.empty() && !(last && part == "__init__")) {
      if (!name.empty()) name += '.';
      name += part;
    }
    start = end + 1;
  }
  return name;
}

}  // namespace

std::string module_name_for(const std::string& path, const std::vector<std::string>& import_roots) {
  std::string_view file = path;
  while (file.starts_with("./")) file.remove_prefix(2);
  if (!file.ends_with(".py")) return "";
  file.remove_suffix(3);
  if (file.empty() || file.ends_with('/')) return "";  // a file named just ".py"
  for (const std::string& root_text : import_roots) {
    const std::string_view root = normalise_dir(root_text);
    std::string_view rest = file;
    if (!root.empty()) {
      if (!file.starts_with(root) || file.size() <= root.size() || file[root.size()] != '/') continue;
      rest.remove_prefix(root.size() + 1);
    }
    // Names are not checked to be identifiers: a file no import can reach is harmless in an index.
    std::string name = dotted(rest);
    if (!name.empty()) return name;
  }
  return "";
}

}  // namespace testtier
