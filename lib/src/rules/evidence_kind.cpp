#include "testtier/rules.hpp"

namespace testtier {

std::string_view to_string(EvidenceKind kind) {
  switch (kind) {
    case EvidenceKind::base_class: return "base_class";
    case EvidenceKind::marker: return "marker";
    case EvidenceKind::fixture: return "fixture";
    case EvidenceKind::path: return "path";
    case EvidenceKind::setting: return "setting";
    case EvidenceKind::call: return "call";
    case EvidenceKind::import: return "import";
    case EvidenceKind::decorator: return "decorator";
  }
  return "?";
}

bool declares_by_default(EvidenceKind kind) {
  switch (kind) {
    case EvidenceKind::base_class:
    case EvidenceKind::marker:
    case EvidenceKind::fixture:
    case EvidenceKind::path:
    case EvidenceKind::decorator: return true;
    case EvidenceKind::setting:
    case EvidenceKind::call:
    case EvidenceKind::import: return false;
  }
  return false;
}

}  // namespace testtier
