#include "parse/syntax_tree.hpp"

#include "parse/parse_arena.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>


namespace testtier::parse {
namespace {

TSFieldId field_id(const char* name) {
  const TSFieldId id = ts_language_field_id_for_name(tree_sitter_python(), name,
                                                     static_cast<uint32_t>(std::strlen(name)));
  if (id == 0) throw std::logic_error(std::string("tree-sitter-python has no field ") + name);
  return id;
}

}  // namespace

namespace {

TSParser* new_python_parser() {
  TSParser* parser = ts_parser_new();
  if (!ts_parser_set_language(parser, tree_sitter_python())) {
    ts_parser_delete(parser);
    throw std::logic_error("tree-sitter-python's ABI is not supported by the tree-sitter runtime");
  }
  return parser;
}

}  // namespace

void TreeDeleter::operator()(TSTree* tree) const {
  if (arena == nullptr) {
    ts_tree_delete(tree);
    return;
  }
  if (arena->overflowed()) {  // part of the tree was malloc'd: free that part, skip the arena's
    const ParseArena::Active active(*arena);
    ts_tree_delete(tree);
  }
  arena->reset();
}

Parser::Parser(TreeMemory memory) : memory_(memory) {
  install_parse_arenas();  // before the first parser, so that every allocation can pass through
  parser_.reset(new_python_parser());
}
Parser::Parser(Parser&&) noexcept = default;
Parser& Parser::operator=(Parser&&) noexcept = default;
Parser::~Parser() = default;

std::optional<Tree> Parser::parse(std::string_view text, std::uint64_t timeout_micros) {
  if (memory_ == TreeMemory::arena && (!arena_ || arena_->empty())) return parse_in_arena(text, timeout_micros);
  ts_parser_set_timeout_micros(parser_.get(), timeout_micros);
  TSTree* tree = ts_parser_parse_string(parser_.get(), nullptr, text.data(),
                                        static_cast<uint32_t>(text.size()));
  if (tree == nullptr) {
    ts_parser_reset(parser_.get());  // a timed-out parse leaves state behind
    return std::nullopt;
  }
  return Tree(tree);
}

/// Parse with a parser made, used and deleted inside the arena, so that nothing the arena holds
/// is referenced after the tree is gone (tree-sitter's parser keeps pools of freed nodes).
std::optional<Tree> Parser::parse_in_arena(std::string_view text, std::uint64_t timeout_micros) {
  if (!arena_) arena_ = std::make_unique<ParseArena>();
  TSTree* tree = nullptr;
  {
    const ParseArena::Active active(*arena_);
    std::unique_ptr<TSParser, ParserDeleter> parser(new_python_parser());
    ts_parser_set_timeout_micros(parser.get(), timeout_micros);
    tree = ts_parser_parse_string(parser.get(), nullptr, text.data(), static_cast<uint32_t>(text.size()));
  }
  if (tree == nullptr) {
    arena_->reset();
    return std::nullopt;
  }
  return Tree(tree, TreeDeleter{arena_.get()});
}

const Fields& Fields::get() {
  static const Fields fields{
      field_id("alias"),       field_id("arguments"),   field_id("attribute"),
      field_id("body"),        field_id("condition"),   field_id("consequence"),
      field_id("alternative"), field_id("definition"),  field_id("function"),
      field_id("key"),         field_id("left"),        field_id("module_name"),
      field_id("name"),        field_id("object"),      field_id("parameters"),
      field_id("right"),       field_id("subscript"),   field_id("superclasses"),
      field_id("value")};
  return fields;
}

Source::Source(std::string_view text) : text_(text) {
  for (std::size_t offset = 0; offset < text.size(); ++offset) {
    const char byte = text[offset];
    if ((static_cast<unsigned char>(byte) & 0xC0) == 0x80) {
      continuation_bytes_.push_back(static_cast<std::uint32_t>(offset));
    } else if (byte == '(' || (byte == 'i' && text.substr(offset, 6) == "import")) {
      body_evidence_marks_.push_back(static_cast<std::uint32_t>(offset));
    } else if (byte == 'v' && offset >= 2 && text.substr(offset - 2, 7) == "environ") {
      // keyed on a rarer letter than the first; the mark is still the word's start, and stays
      // in order: the bytes between are the word's
      body_evidence_marks_.push_back(static_cast<std::uint32_t>(offset - 2));
    } else if (byte == 'g' && offset >= 6 && text.substr(offset - 6, 8) == "settings") {
      body_evidence_marks_.push_back(static_cast<std::uint32_t>(offset - 6));
    }
  }
}

bool Source::may_hold_body_evidence(std::uint32_t start, std::uint32_t end) const {
  const auto mark = std::lower_bound(body_evidence_marks_.begin(), body_evidence_marks_.end(), start);
  return mark != body_evidence_marks_.end() && *mark < end;
}

std::uint32_t Source::column_of(std::uint32_t offset, std::uint32_t byte_column) const {
  const std::uint32_t line_start = offset >= byte_column ? offset - byte_column : 0;
  const auto first = std::lower_bound(continuation_bytes_.begin(), continuation_bytes_.end(), line_start);
  const auto last = std::lower_bound(first, continuation_bytes_.end(), offset);
  return offset - line_start - static_cast<std::uint32_t>(last - first) + 1;
}

const Symbols& Symbols::get() {
  static const Symbols symbols = [] {
    const TSLanguage* language = tree_sitter_python();
    const auto symbol = [&](std::string_view name) {
      const TSSymbol id = ts_language_symbol_for_name(language, name.data(), static_cast<uint32_t>(name.size()), true);
      if (id == 0) throw std::logic_error("tree-sitter-python has no node type " + std::string(name));
      return id;
    };
    return Symbols{symbol("call"),   symbol("import_statement"),    symbol("import_from_statement"),
                   symbol("string"), symbol("subscript"),           symbol("comparison_operator"),
                   symbol("assignment")};
  }();
  return symbols;
}

SourceLocation location_of(TSNode node, const Source& source) {
  const TSPoint point = ts_node_start_point(node);
  return {point.row + 1, source.column_of(ts_node_start_byte(node), point.column)};
}

}  // namespace testtier::parse
