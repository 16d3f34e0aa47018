#include "rules/evidence_kind.hpp"

namespace testtier {

std::string_view to_string(EvidenceKind kind) {
  const auto index = static_cast<std::size_t>(kind);
  return index < kEvidenceKinds.size() ? kEvidenceKinds[index].key : "?";
}

bool declares_by_default(EvidenceKind kind) {
  const auto index = static_cast<std::size_t>(kind);
  return index < kEvidenceKinds.size() && kEvidenceKinds[index].declares_by_default;
}

}  // namespace testtier
