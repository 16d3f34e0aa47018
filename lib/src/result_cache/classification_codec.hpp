// A whole Classification to and from a compact binary form, for the result cache.
#pragma once

#include <string>
#include <string_view>

#include "testtier/classification.hpp"

namespace testtier::result_cache {

/// Append the encoding of `result` (everything but `stats.timings`) to `out`.
void encode_classification(const Classification& result, std::string& out);

/// Decode a classification encoded by encode_classification() from the front of `in`, advancing
/// it. Return false on malformed input (then `result` is unspecified); never reads past `in`.
bool decode_classification(std::string_view& in, Classification& result);

}  // namespace testtier::result_cache
