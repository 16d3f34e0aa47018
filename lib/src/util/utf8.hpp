// Small UTF-8 helpers: validation, repair, code point counting, Latin-1 transcoding.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace testtier::utf8 {

/// Return the byte offset of the first invalid UTF-8 sequence in `text`, or nullopt if valid.
std::optional<std::size_t> first_invalid(std::string_view text);

/// Return the length of the valid UTF-8 sequence at `text[i]`, or 0 when it is invalid.
std::size_t sequence_length(std::string_view text, std::size_t i);

/// Return `text` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string repaired(std::string_view text);

/// Return `text` (ISO-8859-1 bytes) transcoded to UTF-8.
std::string from_latin1(std::string_view text);

/// Return the number of code points in `text` (which should be valid UTF-8; continuation bytes
/// are not counted, so invalid input still gives a sensible answer).
std::size_t count_code_points(std::string_view text);

}  // namespace testtier::utf8
