#include "classify/test_layout.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace testtier::classify_stage {
namespace {

std::vector<Glob> compile_names(const std::vector<std::string>& patterns, const std::string& origin,
                                std::vector<Diagnostic>& diagnostics) {
  std::vector<Glob> globs;
  for (const std::string& pattern : patterns) {
    try {
      globs.emplace_back(pattern);
    } catch (const std::invalid_argument& error) {
      diagnostics.push_back({origin, {}, Severity::warning, std::string(codes::invalid_configuration), error.what()});
    }
  }
  return globs;
}

}  // namespace

TestLayout test_layout(const PytestConfig& pytest, const Rules& rules) {
  TestLayout layout;
  layout.diagnostics = pytest.diagnostics;
  const ProjectRules& project = rules.project;
  layout.discover.exclude = project.exclude;
  if (project.test_files) {
    layout.discover.test_files = *project.test_files;
  } else {
    layout.discover.test_files = pytest.python_files;
    layout.discover.testpaths = pytest.testpaths;
  }
  const std::string origin = pytest.origin.empty() ? rules.origin : pytest.origin;
  layout.names.classes = compile_names(project.test_classes.value_or(pytest.python_classes), origin, layout.diagnostics);
  layout.names.functions =
      compile_names(project.test_functions.value_or(pytest.python_functions), origin, layout.diagnostics);
  return layout;
}

std::vector<std::string> selected_tests(const Discovery& found, const std::vector<std::string>& only) {
  if (only.empty()) return found.test_files;
  std::vector<std::string> wanted;
  for (const std::string& path : only) {
    const std::string normal = std::filesystem::path(path).lexically_normal().generic_string();
    wanted.push_back(normal == "." ? std::string() : normal);
  }
  std::vector<std::string> tests;
  for (const std::string& path : found.test_files) {
    const bool selected = std::any_of(wanted.begin(), wanted.end(), [&](const std::string& entry) {
      return entry.empty() || path == entry || (path.starts_with(entry) && path[entry.size()] == '/');
    });
    if (selected) tests.push_back(path);
  }
  return tests;
}

}  // namespace testtier::classify_stage
