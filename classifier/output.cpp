#include "output.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "testtier/io.hpp"

namespace testtier::cli {

bool write_output(const std::string& file, std::string_view text) {
  if (file.empty() || file == "-") {
    const std::size_t written = std::fwrite(text.data(), 1, text.size(), stdout);
    if (written != text.size() || std::fflush(stdout) != 0) {
      fmt::print(stderr, "testtier: error: cannot write to standard output\n");
      return false;
    }
    return true;
  }
  if (const std::string error = write_file_atomically(file, text); !error.empty()) {
    fmt::print(stderr, "testtier: error: {}\n", error);
    return false;
  }
  return true;
}

void print_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    std::string where = d.path.empty() ? std::string("testtier") : d.path;
    if (!d.path.empty() && d.location.line > 0) where += fmt::format(":{}:{}", d.location.line, d.location.column);
    fmt::print(stderr, "{}: {}: {} [{}]\n", where, to_string(d.severity), d.message, d.code);
  }
}

}  // namespace testtier::cli
