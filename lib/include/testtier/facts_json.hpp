// FileFacts as JSON: the `testtier facts` debugging dump (schema "testtier-facts/v1").
#pragma once

#include <string>
#include <vector>

#include "testtier/facts.hpp"

namespace testtier {

/// Return `files` as one pretty-printed JSON document ending in a newline. Keys are in a fixed
/// order, so the same facts always give the same bytes.
std::string facts_to_json(const std::vector<FileFacts>& files);

}  // namespace testtier
