// `explain`: why a test or a test file was classified the way it was, for people.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "testtier/classification.hpp"
#include "testtier/rules.hpp"

namespace testtier {

/// Return the explanation of `target` — a test file path or a node id (`path::Class::test`) — in
/// `result`: each service with the chain that brought it (file:line of every hop), the tier, and
/// why no cheaper tier fits. Return nullopt when `result` has no such file or test.
std::optional<std::string> explain(const Classification& result, const Rules& rules, std::string_view target);

/// Return what explain() says about `target` as the `testtier-explain/v1` JSON document
/// (schema/explain.schema.json): `kind` ("test" or "file"), `target`, `path`, a test's `line`,
/// `services`, `reasons`, `tier`, `cheaper_tiers` (each with the services it `lacks`), and for a
/// file its `suspicious` imports and `tests`. Return nullopt when `result` has no such file or test.
std::optional<std::string> explain_to_json(const Classification& result, const Rules& rules, std::string_view target);

}  // namespace testtier
