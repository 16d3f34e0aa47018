// The JSON of a reason and of a suspicious import, shared by the writers of classify, explain and
// compare (internal to the report stage; schema/*.schema.json `$defs/reason`, `$defs/suspicious`).
#pragma once

#include <nlohmann/json.hpp>

#include "testtier/classification.hpp"

namespace testtier::report {

/// Return `reason` as `$defs/reason`: service, signal, evidence, path, line, via, declared, and
/// `by_last_name` only when true.
inline nlohmann::ordered_json reason_json(const Reason& reason) {
  nlohmann::ordered_json out{{"service", reason.service},
                             {"signal", to_string(reason.signal)},
                             {"evidence", reason.evidence},
                             {"path", reason.path},
                             {"line", reason.line},
                             {"via", reason.via},
                             {"declared", reason.declared}};
  if (reason.by_last_name) out["by_last_name"] = true;
  return out;
}

/// Return `import` as `$defs/suspicious`.
inline nlohmann::ordered_json suspicious_json(const SuspiciousImport& import) {
  return nlohmann::ordered_json{{"module", import.module},
                                {"names", import.names},
                                {"line", import.line},
                                {"service", import.service},
                                {"usage", import.called ? "called" : "types_only"}};
}

/// Return `reasons` as an array of `$defs/reason`.
inline nlohmann::ordered_json reasons_json(const std::vector<Reason>& reasons) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Reason& reason : reasons) out.push_back(reason_json(reason));
  return out;
}

}  // namespace testtier::report
