// Turning a file's bytes into UTF-8 text tree-sitter can parse, with diagnostics for what was odd.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "testtier/diagnostic.hpp"

namespace testtier::parse {

/// The text to parse and what decoding it found.
struct SourceText {
  std::string text;          ///< valid UTF-8, BOM removed
  bool binary = false;       ///< a NUL byte early on: not source at all, do not parse
  std::vector<Diagnostic> diagnostics;  ///< `path` left empty for the caller to fill
};

/// Decode `bytes` as Python source: strip a UTF-8 BOM, honour a PEP 263 Latin-1 coding cookie,
/// replace undecodable bytes (TT902) and stray NUL bytes (TT902) so the rest still parses, and
/// flag a NUL in the first 8 KiB as a binary file (TT903), as git's heuristic does. A lone '\r'
/// ends a line as '\n' and "\r\n" do (it becomes '\n' in `text`).
SourceText decode_source(std::string_view bytes);

}  // namespace testtier::parse
