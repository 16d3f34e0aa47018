#include "classify/fixture_scopes.hpp"

namespace testtier::classify_stage {
namespace {

void append_fixtures(const FileFacts& file, std::vector<graph::FixtureDef>& into) {
  for (const FunctionFacts& function : file.functions) {
    if (function.is_fixture) into.push_back({function.fixture.name, file.path, "", &function});
  }
}

}  // namespace

FixtureScopes::FixtureScopes(const std::unordered_set<std::string>& python_files, resolve::Resolver& resolver,
                             graph::ClassGraph& classes)
    : python_files_(python_files), resolver_(resolver), classes_(classes) {}

std::vector<std::string> conftest_chain(const std::string& path, const std::unordered_set<std::string>& python_files) {
  std::vector<std::string> chain;
  std::string dir = path;
  for (;;) {
    const std::size_t slash = dir.rfind('/');
    dir = slash == std::string::npos ? std::string() : dir.substr(0, slash);
    const std::string conftest = dir.empty() ? "conftest.py" : dir + "/conftest.py";
    if (conftest != path && python_files.contains(conftest)) chain.push_back(conftest);
    if (dir.empty()) break;
  }
  return chain;
}

const graph::FixtureScope& FixtureScopes::scope(const std::string& path, std::optional<graph::ClassId> cls) {
  auto& slot = scopes_[{path, cls}];
  if (slot) return *slot;
  slot = std::make_unique<graph::FixtureScope>();
  if (cls) {
    for (const graph::ClassId ancestor : classes_.mro(*cls)) {
      const graph::ClassNode& node = classes_.node(ancestor);
      if (node.facts == nullptr) continue;
      std::vector<graph::FixtureDef> layer;
      for (const FunctionFacts& method : node.facts->methods) {
        if (method.is_fixture) layer.push_back({method.fixture.name, node.path, node.qualname, &method});
      }
      if (!layer.empty()) slot->add_layer(std::move(layer));  // most classes define no fixture
    }
  }
  slot->add_shared_layer(module_fixtures(path));
  const std::vector<std::string> conftests = conftest_chain(path, python_files_);
  for (const std::string& conftest : conftests) slot->add_shared_layer(module_fixtures(conftest));
  for (const std::string& plugin : plugin_files(conftests)) slot->add_shared_layer(module_fixtures(plugin));
  return *slot;
}

const std::vector<graph::FixtureDef>& FixtureScopes::module_fixtures(const std::string& path) {
  if (const auto found = module_fixtures_.find(path); found != module_fixtures_.end()) return found->second;
  std::vector<graph::FixtureDef> fixtures;
  std::set<std::string> visiting;
  collect_module_fixtures(path, visiting, fixtures);
  return module_fixtures_[path] = std::move(fixtures);
}

/// Collect the fixtures a module defines or imports (by `import *` or by name).
void FixtureScopes::collect_module_fixtures(const std::string& path, std::set<std::string>& visiting,
                                            std::vector<graph::FixtureDef>& into) {
  if (!visiting.insert(path).second) return;
  const FileFacts* file = resolver_.store().get(path);
  if (file == nullptr) return;
  append_fixtures(*file, into);
  for (const Import& import : file->imports) {
    if (import.in_function || import.type_only || import.name.empty()) continue;
    const std::string module = resolver_.import_module(path, import);
    if (import.name == "*") {
      if (const std::string* target = resolver_.store().modules().file_of(module)) {
        collect_module_fixtures(*target, visiting, into);
      }
      continue;
    }
    const resolve::Symbol symbol = resolver_.resolve(path, import.bound_as);
    const FunctionFacts* function = resolver_.function_of(symbol);
    if (function != nullptr && function->is_fixture) {
      // Imported under another name, a fixture is still requested by its own (pytest's rule).
      into.push_back({function->fixture.name, symbol.path, "", function});
    }
  }
}

/// Return the files of the `pytest_plugins` modules named by `conftests`, and by those modules, in turn.
std::vector<std::string> FixtureScopes::plugin_files(const std::vector<std::string>& conftests) {
  std::vector<std::string> plugins;
  std::set<std::string> seen;
  std::vector<std::string> work(conftests.rbegin(), conftests.rend());
  while (!work.empty()) {
    const std::string path = work.back();
    work.pop_back();
    const FileFacts* file = resolver_.store().get(path);
    if (file == nullptr) continue;
    for (const std::string& module : file->pytest_plugins) {
      const std::string* target = resolver_.store().modules().file_of(module);
      if (target == nullptr || !seen.insert(*target).second) continue;
      plugins.push_back(*target);
      work.push_back(*target);
    }
  }
  return plugins;
}

}  // namespace testtier::classify_stage
