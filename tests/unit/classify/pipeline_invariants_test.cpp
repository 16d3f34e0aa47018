// Invariants of every classification, checked over every repository under corpus/: a test has
// every service of what runs when its module is imported; a file's services are the union of its
// tests' (or its module-level ones when it collects none); a tier provides what it is chosen for.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "testtier/classify.hpp"
#include "testtier/parse.hpp"
#include "testtier/rules.hpp"

using namespace testtier;
namespace fs = std::filesystem;

namespace {

/// Every directory under corpus/ with rules of its own (testtier.toml), sorted.
std::vector<fs::path> corpus_roots() {
  std::vector<fs::path> roots;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(TESTTIER_SOURCE_DIR) / "corpus")) {
    if (entry.is_regular_file() && entry.path().filename() == "testtier.toml") roots.push_back(entry.path().parent_path());
  }
  std::sort(roots.begin(), roots.end());
  return roots;
}

std::set<std::string> services_of(const std::vector<Reason>& reasons) {
  std::set<std::string> services;
  for (const Reason& reason : reasons) services.insert(reason.service);
  return services;
}

bool provides(const Tier& tier, const std::string& service) {
  return std::any_of(tier.provides.begin(), tier.provides.end(),
                     [&](const std::string& p) { return p == "*" || p == service; });
}

void check_tier(const Rules& rules, const std::string& tier_name, const std::vector<std::string>& services) {
  const auto tier = std::find_if(rules.tiers.begin(), rules.tiers.end(), [&](const Tier& t) { return t.name == tier_name; });
  REQUIRE(tier != rules.tiers.end());
  for (const std::string& service : services) CHECK(provides(*tier, service));
}

/// Return the lines of the module-level imports of the file `path` under `root`.
std::set<std::uint32_t> module_level_import_lines(const fs::path& root, const std::string& path) {
  std::ifstream in(root / path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::set<std::uint32_t> lines;
  for (const Import& import : extract_facts(bytes, path, "").imports) {
    if (!import.in_function) lines.insert(import.location.line);
  }
  return lines;
}

}  // namespace

TEST_CASE("over every corpus: module-level needs reach every test, files are the union of their tests",
          "[classify][invariants]") {
  const std::vector<fs::path> roots = corpus_roots();
  REQUIRE(roots.size() >= 3);
  for (const fs::path& root : roots) {
    INFO("corpus " << root.string());
    ClassifyOptions options;
    options.use_cache = false;
    const Rules rules = load_rules_file(root / "testtier.toml");
    const Classification result = classify(root, rules, options);
    for (const FileResult& file : result.files) {
      INFO("file " << file.path);
      std::set<std::string> union_of_tests;
      const std::set<std::uint32_t> import_lines = module_level_import_lines(root, file.path);
      for (const TestResult& test : file.tests) {
        INFO("test " << test.id);
        union_of_tests.insert(test.services.begin(), test.services.end());
        CHECK(services_of(test.reasons) == std::set<std::string>(test.services.begin(), test.services.end()));
        check_tier(rules, test.tier, test.services);
        // What the file needs at import time (its path, its module-level imports) every test needs.
        for (const Reason& reason : file.reasons) {
          if (reason.path != file.path || !reason.via.empty()) continue;
          const bool at_import = reason.signal == EvidenceKind::path ||
                                 (reason.signal == EvidenceKind::import && import_lines.contains(reason.line));
          if (at_import) CHECK(std::count(test.services.begin(), test.services.end(), reason.service) == 1);
        }
      }
      const std::set<std::string> file_services(file.services.begin(), file.services.end());
      if (!file.tests.empty()) CHECK(file_services == union_of_tests);
      CHECK(services_of(file.reasons) == file_services);
      check_tier(rules, file.tier, file.services);
    }
  }
}
