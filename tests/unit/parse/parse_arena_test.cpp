// Parse arenas: memory handed out in order, taken back whole; trees parsed into them are the
// trees tree-sitter builds with its own allocation.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "parse/parse_arena.hpp"
#include "parse/syntax_tree.hpp"

using testtier::parse::ParseArena;
using testtier::parse::Parser;
using testtier::parse::Tree;
using testtier::parse::TreeMemory;

namespace {

/// Return the S-expression of `tree`'s root (tree-sitter mallocs it; freed here).
std::string sexp(const Tree& tree) {
  const std::unique_ptr<char, decltype(&std::free)> text(ts_node_string(ts_tree_root_node(tree.get())), &std::free);
  return text.get();
}

const char* const kSample =
    "import pytest\n"
    "class TestA(Base):\n"
    "    @pytest.mark.snuba\n"
    "    def test_a(self, db):\n"
    "        self.store_event(data={'k': [1, 2, 3]}, project_id=self.project.id)\n";

}  // namespace

TEST_CASE("an arena hands out aligned, separate blocks and knows which are its own", "[parse][arena]") {
  ParseArena arena;
  CHECK(arena.empty());
  auto* a = static_cast<unsigned char*>(arena.allocate(3));
  auto* b = static_cast<unsigned char*>(arena.allocate(100));
  CHECK(reinterpret_cast<std::uintptr_t>(a) % 16 == 0);
  CHECK(reinterpret_cast<std::uintptr_t>(b) % 16 == 0);
  CHECK(b >= a + 3);
  CHECK(arena.owns(a));
  CHECK(arena.owns(b + 99));
  void* elsewhere = std::malloc(16);
  CHECK_FALSE(arena.owns(elsewhere));
  std::free(elsewhere);
  CHECK_FALSE(arena.empty());
  arena.reset();
  CHECK(arena.empty());
}

TEST_CASE("reallocating an arena block keeps its bytes, in place or moved", "[parse][arena]") {
  ParseArena arena;
  auto* first = static_cast<char*>(arena.allocate(8));
  std::memcpy(first, "abcdefg", 8);
  auto* grown = static_cast<char*>(arena.reallocate(first, 64));  // the latest block: grows in place
  CHECK(grown == first);
  CHECK(std::string(grown) == "abcdefg");
  arena.allocate(8);
  auto* moved = static_cast<char*>(arena.reallocate(grown, 4096));  // no longer the latest: moves
  CHECK(moved != grown);
  CHECK(std::string(moved) == "abcdefg");
  CHECK(arena.reallocate(moved, 16) == moved);  // shrinking keeps the block
  CHECK(arena.reallocate(nullptr, 16) != nullptr);
}

TEST_CASE("a block grows in place only where the arena is filling", "[parse][arena]") {
  ParseArena arena;
  arena.allocate(16);
  arena.allocate(std::size_t{5} << 20);  // a second chunk, kept by reset()
  arena.reset();
  auto* block = static_cast<char*>(arena.allocate(16));  // in the first chunk
  std::memcpy(block, "kept", 5);
  // Too big for either chunk and past the limit: malloc'd, and the arena moved on to its second chunk.
  void* big = arena.allocate(ParseArena::kMaxBytes - (std::size_t{8} << 20));
  CHECK(arena.overflowed());
  std::free(big);
  auto* grown = static_cast<char*>(arena.reallocate(block, 64));
  CHECK(grown != block);  // no longer at the fill point: moved, not grown over the chunk's end
  CHECK(std::string(grown) == "kept");
  CHECK(arena.owns(grown));
}

TEST_CASE("blocks larger than a chunk get a chunk of their own", "[parse][arena]") {
  ParseArena arena;
  arena.allocate(16);
  const std::size_t big = std::size_t{6} << 20;  // over the first chunk's 4 MiB
  auto* block = static_cast<char*>(arena.allocate(big));
  block[0] = 'x';
  block[big - 1] = 'y';
  CHECK(arena.owns(block + big - 1));
  CHECK_FALSE(arena.overflowed());
}

TEST_CASE("past its limit an arena hands out malloc'd memory and says so", "[parse][arena]") {
  ParseArena arena;
  void* block = arena.allocate(ParseArena::kMaxBytes);
  CHECK(arena.overflowed());
  CHECK_FALSE(arena.owns(block));
  std::free(block);  // malloc'd: the arena does not take it back
  arena.reset();
  CHECK(arena.empty());
  CHECK_FALSE(arena.overflowed());
}

TEST_CASE("a tree parsed in an arena equals the one tree-sitter allocates itself", "[parse][arena]") {
  Parser parser;
  auto in_arena = parser.parse(kSample, 0);
  REQUIRE(in_arena);
  CHECK(in_arena->get_deleter().arena != nullptr);
  Parser freed_node_by_node(TreeMemory::tree_sitter);
  auto own = freed_node_by_node.parse(kSample, 0);
  REQUIRE(own);
  CHECK(own->get_deleter().arena == nullptr);
  CHECK(sexp(*in_arena) == sexp(*own));
}

TEST_CASE("while a tree holds the arena, the next parse uses tree-sitter's allocation", "[parse][arena]") {
  Parser parser;
  auto first = parser.parse(kSample, 0);
  REQUIRE(first);
  auto second = parser.parse(kSample, 0);
  REQUIRE(second);
  CHECK(second->get_deleter().arena == nullptr);
  CHECK(sexp(*first) == sexp(*second));
  first.reset();
  auto third = parser.parse(kSample, 0);  // the arena is free again
  REQUIRE(third);
  CHECK(third->get_deleter().arena != nullptr);
  CHECK(sexp(*third) == sexp(*second));
}

TEST_CASE("a file too big for the arena is parsed whole, its overflow freed with the tree", "[parse][arena]") {
  // ~270 bytes of tree per byte of a long literal: 1.5 MB of it outgrows the arena's 256 MiB.
  std::string big = "x = [";
  while (big.size() < (3u << 19)) big += "1,";
  big += "]\ndef test_after(): pass\n";
  Parser parser;
  auto tree = parser.parse(big, 0);
  REQUIRE(tree);
  REQUIRE(tree->get_deleter().arena != nullptr);
  CHECK(tree->get_deleter().arena->overflowed());
  const TSNode root = ts_tree_root_node(tree->get());
  CHECK_FALSE(ts_node_has_error(root));
  CHECK(ts_node_named_child_count(root) == 2);
  tree.reset();
  auto next = parser.parse(kSample, 0);
  REQUIRE(next);
  CHECK_FALSE(next->get_deleter().arena->overflowed());
}

TEST_CASE("a parse that times out leaves the arena free for the next", "[parse][arena]") {
  std::string big = "x = [";
  while (big.size() < (1u << 20)) big += "1,";
  big += "]\n";
  Parser parser;
  CHECK_FALSE(parser.parse(big, 1));
  auto tree = parser.parse(kSample, 0);
  REQUIRE(tree);
  CHECK(tree->get_deleter().arena != nullptr);
  CHECK_FALSE(ts_node_has_error(ts_tree_root_node(tree->get())));
}
