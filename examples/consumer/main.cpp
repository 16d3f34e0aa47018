// Classify a repository through the C++ API and print its counts per tier.
#include <cstdio>
#include <map>
#include <string>

#include <testtier/testtier.hpp>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s REPOSITORY\n", argv[0]);
    return 2;
  }
  try {
    const testtier::Rules rules = testtier::find_rules(argv[1]);
    const testtier::Classification result = testtier::classify(argv[1], rules);
    std::map<std::string, int> per_tier;
    std::size_t tests = 0;
    for (const auto& file : result.files) {
      for (const auto& test : file.tests) {
        ++per_tier[test.tier];
        ++tests;
      }
    }
    std::printf("testtier %s: %zu files, %zu tests\n", testtier::version(), result.files.size(), tests);
    for (const auto& [tier, count] : per_tier) std::printf("  %s %d\n", tier.c_str(), count);
  } catch (const testtier::RulesError& error) {
    std::fprintf(stderr, "%s\n", error.what());
    return 2;
  }
  return 0;
}
