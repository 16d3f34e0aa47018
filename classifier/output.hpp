// Writing a command's output to stdout or, atomically, to a file.
#pragma once

#include <string>
#include <string_view>

namespace testtier::cli {

/// Write `text` to stdout when `file` is empty or "-", else replace `file` whole.
/// Return whether it worked; on failure the reason is printed to stderr.
bool write_output(const std::string& file, std::string_view text);

}  // namespace testtier::cli
