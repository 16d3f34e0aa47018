#include <fmt/format.h>

#include "parse/collect.hpp"

namespace testtier::parse {
namespace {

// A file with thousands of errors is reported by its first few; the count says the rest.
constexpr std::size_t kMaxSyntaxErrors = 10;

std::string describe(TSNode node, const Source& source) {
  if (ts_node_is_missing(node)) return fmt::format("syntax error: missing '{}'", ts_node_type(node));
  std::string_view text = text_of(node, source);
  const std::size_t newline = text.find('\n');
  if (newline != std::string_view::npos) text = text.substr(0, newline);
  if (text.size() > 40) return fmt::format("syntax error: unexpected '{}...'", text.substr(0, 40));
  if (text.empty()) return "syntax error";
  return fmt::format("syntax error: unexpected '{}'", text);
}

}  // namespace

void collect_syntax_errors(TSNode root, const Source& source,
                           std::vector<Diagnostic>& diagnostics) {
  if (!ts_node_has_error(root)) return;
  std::size_t found = 0;
  walk_preorder(root, [&](TSNode node) {
    if (!ts_node_has_error(node)) return false;
    // ts_node_is_error() is newer than Debian's runtime (0.20.7): compare the type instead.
    const bool error = is(node, "ERROR") || ts_node_is_missing(node);
    if (!error) return true;
    if (found++ < kMaxSyntaxErrors) {
      diagnostics.push_back({{}, location_of(node, source), Severity::warning,
                             std::string(codes::syntax_error), describe(node, source)});
    }
    return false;  // an error inside an error is the same error
  });
  if (found > kMaxSyntaxErrors) {
    Diagnostic& last = diagnostics.back();
    last.message = fmt::format("{} (and {} more syntax errors)", last.message, found - kMaxSyntaxErrors);
  }
}

}  // namespace testtier::parse
