// Dumping nlohmann JSON documents whose strings may hold bytes that are not UTF-8 (file names).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "testtier/text.hpp"

namespace testtier::report {

/// Replace, in `value` and below, every string and key that is not UTF-8 by its
/// escape_undecodable() spelling.
template <typename Json>
void escape_strings(Json& value) {
  if (value.is_string()) {
    value = escape_undecodable(value.template get_ref<const typename Json::string_t&>());
  } else if (value.is_array()) {
    for (Json& item : value) escape_strings(item);
  } else if (value.is_object()) {
    Json escaped = Json::object();
    for (auto it = value.begin(); it != value.end(); ++it) {
      escape_strings(it.value());
      escaped[escape_undecodable(it.key())] = std::move(it.value());
    }
    value = std::move(escaped);
  }
}

/// Return `document` dumped with `indent` (-1: one line). Undecodable bytes are spelled `\xNN`
/// (reversibly, unlike U+FFFD, so that two such names stay two); the common case, all UTF-8,
/// costs one dump.
template <typename Json>
std::string dump_json(const Json& document, int indent) {
  try {
    return document.dump(indent, ' ', false, Json::error_handler_t::strict);
  } catch (const typename Json::type_error&) {
    Json copy = document;
    escape_strings(copy);
    return copy.dump(indent, ' ', false, Json::error_handler_t::strict);
  }
}

}  // namespace testtier::report
