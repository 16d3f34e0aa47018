#include "rules/parse_toml.hpp"
#include "testtier/rules.hpp"

namespace testtier {

Rules default_rules() {
  static const Rules rules = parse_rules(rules::default_rules_toml, "<built-in default>");
  return rules;
}

}  // namespace testtier
