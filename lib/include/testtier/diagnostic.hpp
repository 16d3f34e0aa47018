// Source locations and diagnostics: problems with the input, reported as values so a batch goes on.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace testtier {

/// A position in a source file: 1-based line, 1-based column counted in characters (code points).
/// A zero line means "the whole file".
struct SourceLocation {
  std::uint32_t line = 0;
  std::uint32_t column = 0;

  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
  friend auto operator<=>(const SourceLocation&, const SourceLocation&) = default;
};

/// How bad a problem is: a note informs, a warning may make an answer incomplete, an error means
/// the input could not be used.
enum class Severity : std::uint8_t { note, warning, error };

/// Return "note", "warning" or "error".
std::string_view to_string(Severity severity);

/// Codes of the problems the stages report: the TT9xx lint codes. These are the only spelling of
/// each; what a code means is documented once, by its lint rule (`testtier lint --explain CODE`).
namespace codes {
inline constexpr std::string_view syntax_error = "TT901";
inline constexpr std::string_view undecodable = "TT902";
inline constexpr std::string_view unreadable = "TT903";
inline constexpr std::string_view unresolved = "TT904";
inline constexpr std::string_view fixture_cycle = "TT905";
inline constexpr std::string_view unmatched_rule = "TT906";
inline constexpr std::string_view invalid_configuration = "TT907";
inline constexpr std::string_view unusable_cache = "TT908";
}  // namespace codes

/// One problem found in one file.
struct Diagnostic {
  std::string path;           ///< relative to the root, with '/'
  SourceLocation location;
  Severity severity = Severity::warning;
  std::string code;           ///< e.g. "TT901"
  std::string message;

  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

}  // namespace testtier
