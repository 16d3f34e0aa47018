// Writing a command's output to stdout or, atomically, to a file.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "testtier/diagnostic.hpp"
#include "testtier/text.hpp"

namespace testtier::cli {

/// Write `text` to stdout when `file` is empty or "-", else replace `file` whole: through a
/// symlink, its target. Refuse (printing why) a target that is not a regular file (a device, a
/// FIFO, a directory) or is one of the run's inputs (see protect_inputs). Return whether it worked;
/// on failure the reason is printed to stderr.
bool write_output(const std::string& file, std::string_view text);

/// Make write_output() refuse to replace the inputs of a run over `root` with rules from
/// `rules_file` ("" for none): the rules file, the Python files and configuration files under the
/// root, and its cache.
void protect_inputs(const std::filesystem::path& root, const std::string& rules_file);

/// Make write_output() refuse to write anything inside the cache folder `directory` too (one
/// chosen with `--cache-dir` may lie outside the root).
void protect_cache(const std::filesystem::path& directory);

/// Return `document` dumped with `indent` (-1: one line), bytes that are not UTF-8 (file names)
/// spelled `\xNN` as the library's writers do, instead of failing.
template <typename Json>
std::string dump_json(const Json& document, int indent) {
  try {
    return document.dump(indent, ' ', false, Json::error_handler_t::strict);
  } catch (const typename Json::type_error&) {
    // Rare: rebuild the document with every string escaped, then dump that.
    const auto escaped = [](const auto& self, const Json& value) -> Json {
      if (value.is_string()) return escape_undecodable(value.template get_ref<const typename Json::string_t&>());
      if (value.is_array()) {
        Json out = Json::array();
        for (const Json& item : value) out.push_back(self(self, item));
        return out;
      }
      if (!value.is_object()) return value;
      Json out = Json::object();
      for (auto it = value.begin(); it != value.end(); ++it) out[escape_undecodable(it.key())] = self(self, it.value());
      return out;
    };
    return escaped(escaped, document).dump(indent, ' ', false, Json::error_handler_t::strict);
  }
}

/// Write `text` to stderr. A closed or full stderr is ignored: what the run writes to stdout or
/// `-o` must not depend on whether its messages could be shown.
void write_error(std::string_view text);

/// Format and write a message to stderr as write_error() does.
template <typename... Args>
void print_error(fmt::format_string<Args...> format, Args&&... args) {
  write_error(fmt::format(format, std::forward<Args>(args)...));
}

/// Print `diagnostics` on stderr, one per line: `path:line:col: severity: message [code]` (a whole
/// file's at 1:1; a run's own, without a path, as `testtier:`), control characters escaped.
void print_diagnostics(const std::vector<Diagnostic>& diagnostics);

}  // namespace testtier::cli
