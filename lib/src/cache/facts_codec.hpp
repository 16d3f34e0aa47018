// FileFacts to and from a compact binary form, for the facts cache.
#pragma once

#include <string>
#include <string_view>

#include "testtier/facts.hpp"

namespace testtier::cache {

/// Append the encoding of `facts` (everything but `path`, which the cache keys on) to `out`.
void encode_facts(const FileFacts& facts, std::string& out);

/// Decode facts encoded by encode_facts() from the front of `in`, advancing it. Return false on
/// malformed input (then `facts` is unspecified); never reads past `in`.
bool decode_facts(std::string_view& in, FileFacts& facts);

}  // namespace testtier::cache
