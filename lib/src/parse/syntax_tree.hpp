// Thin C++ owners over the tree-sitter C API for the Python grammar. Only parse/ includes this.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "testtier/diagnostic.hpp"

extern "C" const TSLanguage* tree_sitter_python(void);

namespace testtier::parse {

struct ParserDeleter {
  void operator()(TSParser* parser) const { ts_parser_delete(parser); }
};

class ParseArena;

/// Deletes a tree tree-sitter allocated, or takes back the arena that holds it.
struct TreeDeleter {
  ParseArena* arena = nullptr;  ///< the arena holding the tree; null: tree-sitter's own memory
  void operator()(TSTree* tree) const;
};
using Tree = std::unique_ptr<TSTree, TreeDeleter>;

/// Where a parser puts its syntax trees.
enum class TreeMemory {
  arena,        ///< a memory arena per parser, taken back whole when the tree goes (fastest)
  tree_sitter,  ///< tree-sitter's allocation through malloc, freed node by node
};

/// A tree-sitter parser for Python. Move-only; one per thread.
class Parser {
 public:
  explicit Parser(TreeMemory memory = TreeMemory::arena);
  Parser(Parser&&) noexcept;
  Parser& operator=(Parser&&) noexcept;
  ~Parser();

  /// Parse `text` (UTF-8). Return nullopt when tree-sitter gives up (timeout). A tree in this
  /// parser's arena must not outlive the parser; while it lives, further parses use tree-sitter's
  /// own allocation.
  std::optional<Tree> parse(std::string_view text, std::uint64_t timeout_micros);

 private:
  std::optional<Tree> parse_in_arena(std::string_view text, std::uint64_t timeout_micros);

  std::unique_ptr<TSParser, ParserDeleter> parser_;  // parses when no arena is free
  std::unique_ptr<ParseArena> arena_;                // created at the first arena parse
  TreeMemory memory_;
};

/// The decoded text of one file, with an index that turns byte offsets into character columns in
/// O(log n) however long the line (a 50 MB one-line file must not make every location quadratic).
class Source {
 public:
  explicit Source(std::string_view text);

  std::string_view text() const { return text_; }
  std::size_t size() const { return text_.size(); }

  /// Return the 1-based character column of byte `offset`, which lies `byte_column` bytes into its line.
  std::uint32_t column_of(std::uint32_t offset, std::uint32_t byte_column) const;

  /// Return whether bytes [start, end) hold a '(' or one of the words "import", "environ" and
  /// "settings". A syntax tree without any holds no call, no import statement, no
  /// `os.environ["X"]` / `"X" in environ` and no `settings.X = ...` assignment, so a walk looking
  /// for those can skip it. The evidence kinds this prune serves are listed beside their table
  /// (kBodyWalkServes, rules/evidence_kind.hpp): a kind whose facts hold none must widen it.
  bool may_hold_body_evidence(std::uint32_t start, std::uint32_t end) const;

 private:
  std::string_view text_;
  std::vector<std::uint32_t> continuation_bytes_;  // offsets of UTF-8 continuation bytes, ascending
  std::vector<std::uint32_t> body_evidence_marks_;  // offsets of '(', "import", "environ", "settings", ascending
};

/// Field ids of the Python grammar, resolved once.
struct Fields {
  TSFieldId alias, arguments, attribute, body, condition, consequence, alternative, definition,
      function, key, left, module_name, name, object, parameters, right, subscript, superclasses,
      value;

  /// Return the field ids of the grammar the library was built with.
  static const Fields& get();
};

/// Grammar symbols compared on hot paths (a number compare instead of a string compare per node).
struct Symbols {
  TSSymbol call, import_statement, import_from_statement, string, subscript, comparison_operator, assignment;

  /// Return the symbols of the grammar the library was built with.
  static const Symbols& get();
};

/// Return the child of `node` in field `field` (a null node when absent).
inline TSNode field(TSNode node, TSFieldId id) { return ts_node_child_by_field_id(node, id); }

/// Return whether `node` has grammar type `type`.
inline bool is(TSNode node, std::string_view type) {
  return !ts_node_is_null(node) && type == ts_node_type(node);
}

/// Return the source text of `node`: a view into `source`.
inline std::string_view text_of(TSNode node, const Source& source) {
  const std::uint32_t start = ts_node_start_byte(node);
  const std::uint32_t end = ts_node_end_byte(node);
  if (start >= source.size() || end <= start) return {};
  return source.text().substr(start, end - start);
}

/// Return where `node` starts, with its column counted in characters.
SourceLocation location_of(TSNode node, const Source& source);

/// Call `visit(child)` for each named child of `node` (none for a null node), walking with a cursor.
template <typename Visit>
void for_each_named_child(TSNode node, Visit&& visit) {
  if (ts_node_is_null(node)) return;
  TSTreeCursor cursor = ts_tree_cursor_new(node);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      const TSNode child = ts_tree_cursor_current_node(&cursor);
      if (ts_node_is_named(child)) visit(child);
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
}

/// Visit `node` and its descendants in source order without recursion (trees can be
/// thousands deep). `visit(n)` returns whether to descend into `n`.
template <typename Visit>
void walk_preorder(TSNode node, Visit&& visit) {
  if (ts_node_is_null(node)) return;
  TSTreeCursor cursor = ts_tree_cursor_new(node);
  for (;;) {
    const bool descend = visit(ts_tree_cursor_current_node(&cursor));
    if (descend && ts_tree_cursor_goto_first_child(&cursor)) continue;
    bool moved = false;
    while (!moved) {
      if (ts_tree_cursor_goto_next_sibling(&cursor)) {
        moved = true;
      } else if (!ts_tree_cursor_goto_parent(&cursor)) {
        ts_tree_cursor_delete(&cursor);
        return;
      }
    }
  }
}

}  // namespace testtier::parse
