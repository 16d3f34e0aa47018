// Small lookups over FileFacts for unit tests.
#pragma once

#include <algorithm>
#include <stdexcept>
#include <string>
#include <string_view>

#include "testtier/parse.hpp"

namespace testtier::test {

/// Return the facts of `source` as a file named "test_sample.py".
inline FileFacts facts_of(std::string_view source) {
  return extract_facts(source, "test_sample.py", "test_sample");
}

template <typename Items>
const auto& named(const Items& items, std::string_view name) {
  const auto found = std::find_if(items.begin(), items.end(),
                                  [&](const auto& item) { return item.name == name; });
  if (found == items.end()) throw std::out_of_range("no item named " + std::string(name));
  return *found;
}

inline const ClassFacts& class_named(const FileFacts& facts, std::string_view qualname) {
  const auto found = std::find_if(facts.classes.begin(), facts.classes.end(),
                                  [&](const ClassFacts& cls) { return cls.qualname == qualname; });
  if (found == facts.classes.end()) throw std::out_of_range("no class " + std::string(qualname));
  return *found;
}

inline bool has_code(const FileFacts& facts, std::string_view code) {
  return std::any_of(facts.diagnostics.begin(), facts.diagnostics.end(),
                     [&](const Diagnostic& d) { return d.code == code; });
}

}  // namespace testtier::test
