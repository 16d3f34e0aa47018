// Writing a command's output to stdout or, atomically, to a file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "testtier/diagnostic.hpp"

namespace testtier::cli {

/// Write `text` to stdout when `file` is empty or "-", else replace `file` whole.
/// Return whether it worked; on failure the reason is printed to stderr.
bool write_output(const std::string& file, std::string_view text);

/// Print `diagnostics` on stderr, one per line: `path:line:col: severity: message [code]`.
void print_diagnostics(const std::vector<Diagnostic>& diagnostics);

}  // namespace testtier::cli
