// The one table of evidence kinds: each kind's TOML key, whether it declares a need by default,
// and which facts of a file its patterns match. to_string(), declares_by_default(), the keys the
// rules reader accepts and the result cache's bound on stored kinds all come from it. Adding a
// kind: ARCHITECTURE.md, "Adding a signal kind".
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

#include "testtier/rules.hpp"

namespace testtier {

/// One evidence kind, as the rules name it and the analysis looks for it.
struct EvidenceKindRow {
  EvidenceKind kind;
  std::string_view key;        ///< its key in a `[[signal]]` table, and its name in every output
  bool declares_by_default;    ///< unless the signal says `declared = false`
  std::string_view matches;    ///< the facts (testtier/facts.hpp) its patterns are matched against
  bool found_in_bodies;        ///< its facts come from collect_uses()'s walk (see kBodyWalkServes)
};

/// Every kind, in enum order (caches store a kind as its number: new kinds go last).
inline constexpr std::array kEvidenceKinds = {
    EvidenceKindRow{EvidenceKind::base_class, "base_class", true, "ClassFacts::bases, through the class graph", false},
    EvidenceKindRow{EvidenceKind::marker, "marker", true, "MarkUse (decorators, pytestmark, aliases)", false},
    EvidenceKindRow{EvidenceKind::fixture, "fixture", true, "FunctionFacts::parameters, usefixtures, autouse", false},
    EvidenceKindRow{EvidenceKind::path, "path", true, "FileFacts::path", false},
    EvidenceKindRow{EvidenceKind::setting, "setting", false, "BodyUses::settings", true},
    EvidenceKindRow{EvidenceKind::call, "call", false, "BodyUses::calls", true},
    EvidenceKindRow{EvidenceKind::import, "import", false, "FileFacts::imports, BodyUses::imports", true},
    EvidenceKindRow{EvidenceKind::decorator, "decorator", true, "Decorator (functions and classes)", false},
    EvidenceKindRow{EvidenceKind::env, "env", false, "BodyUses::envs", true},
};

namespace evidence_kind_detail {

/// Return whether `Kind` is a named enumerator: GCC and Clang spell an unnamed value of an enum
/// as a cast ("(testtier::EvidenceKind)8") in the signature of a template over it.
template <EvidenceKind Kind>
constexpr bool is_named() {
  const std::string_view signature = __PRETTY_FUNCTION__;
  return signature.find("(testtier::EvidenceKind)") == std::string_view::npos;
}

constexpr bool rows_in_enum_order() {
  for (std::size_t i = 0; i < kEvidenceKinds.size(); ++i) {
    if (static_cast<std::size_t>(kEvidenceKinds[i].kind) != i) return false;
  }
  return true;
}

}  // namespace evidence_kind_detail

static_assert(evidence_kind_detail::rows_in_enum_order(), "kEvidenceKinds: one row per kind, in enum order");
static_assert(evidence_kind_detail::is_named<static_cast<EvidenceKind>(kEvidenceKinds.size() - 1)>() &&
                  !evidence_kind_detail::is_named<static_cast<EvidenceKind>(kEvidenceKinds.size())>(),
              "kEvidenceKinds must have a row for every EvidenceKind");

/// The kinds whose facts collect_uses() (parse/uses.cpp) finds, for its prunes: the walk skips
/// string literals other than f-strings (an env name or settings key is read at the subscript,
/// call or comparison above its string), and subtrees whose bytes hold no '(' and none of the
/// words "import", "environ" and "settings" (Source::may_hold_body_evidence,
/// parse/syntax_tree.cpp). Those hold no call, no settings call or `settings.X = ...`
/// assignment, no import statement and no `os.environ["X"]` or `"X" in environ`; a new kind
/// found there whose facts hold none of those must widen the prunes before it is listed here.
inline constexpr std::array kBodyWalkServes = {EvidenceKind::setting, EvidenceKind::call, EvidenceKind::import,
                                               EvidenceKind::env};

static_assert(std::all_of(kEvidenceKinds.begin(), kEvidenceKinds.end(),
                          [](const EvidenceKindRow& row) {
                            return !row.found_in_bodies ||
                                   std::find(kBodyWalkServes.begin(), kBodyWalkServes.end(), row.kind) !=
                                       kBodyWalkServes.end();
                          }),
              "a kind found in bodies that collect_uses()'s prunes do not serve: see kBodyWalkServes");

}  // namespace testtier
