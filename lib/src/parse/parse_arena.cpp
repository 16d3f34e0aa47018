#include "parse/parse_arena.hpp"

#include <tree_sitter/api.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>


// Under AddressSanitizer, arena memory not handed out is poisoned, so that a read of a tree after
// its arena was reset is reported like a use after free.
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define TESTTIER_POISON(address, size) ASAN_POISON_MEMORY_REGION(address, size)
#define TESTTIER_UNPOISON(address, size) ASAN_UNPOISON_MEMORY_REGION(address, size)
#else
#define TESTTIER_POISON(address, size) ((void)(address), (void)(size))
#define TESTTIER_UNPOISON(address, size) ((void)(address), (void)(size))
#endif

namespace testtier::parse {
namespace {

constexpr std::size_t kAlignment = 16;
constexpr std::size_t kHeaderBytes = kAlignment;  // holds the block's size, for reallocate()
constexpr std::size_t kMinChunkBytes = std::size_t{4} << 20;
constexpr std::size_t kMaxChunkBytes = std::size_t{64} << 20;

std::size_t rounded_up(std::size_t size) { return (size + kAlignment - 1) & ~(kAlignment - 1); }

std::size_t& size_header(void* block) {
  return *reinterpret_cast<std::size_t*>(static_cast<std::byte*>(block) - kHeaderBytes);
}

/// tree-sitter expects its allocations to succeed (its own default aborts too).
void* checked(void* block, std::size_t size) {
  if (block == nullptr && size != 0) {
    std::fprintf(stderr, "testtier: out of memory allocating %zu bytes for a syntax tree\n", size);
    std::abort();
  }
  return block;
}

thread_local ParseArena* active_arena = nullptr;

void* arena_malloc(std::size_t size) {
  if (ParseArena* arena = active_arena) return arena->allocate(size);
  return checked(std::malloc(size), size);
}

void* arena_calloc(std::size_t count, std::size_t size) {
  ParseArena* arena = active_arena;
  if (arena == nullptr || (size != 0 && count > SIZE_MAX / size)) {
    return checked(std::calloc(count, size), count * size);
  }
  void* block = arena->allocate(count * size);
  std::memset(block, 0, count * size);
  return block;
}

void* arena_realloc(void* block, std::size_t size) {
  ParseArena* arena = active_arena;
  if (arena != nullptr && (block == nullptr || arena->owns(block))) return arena->reallocate(block, size);
  return checked(std::realloc(block, size), size);
}

void arena_free(void* block) {
  ParseArena* arena = active_arena;
  if (arena != nullptr && arena->owns(block)) return;  // taken back whole by reset()
  std::free(block);
}

}  // namespace

ParseArena::Active::Active(ParseArena& arena) : previous_(active_arena) { active_arena = &arena; }

ParseArena::Active::~Active() { active_arena = previous_; }

void* ParseArena::allocate(std::size_t size) {
  const std::size_t needed = kHeaderBytes + rounded_up(size);
  while (current_ < chunks_.size()) {
    Chunk& chunk = chunks_[current_];
    if (used_ + needed <= chunk.size) {
      std::byte* start = chunk.memory.get() + used_;
      used_ += needed;
      TESTTIER_UNPOISON(start, needed);
      std::byte* block = start + kHeaderBytes;
      size_header(block) = rounded_up(size);
      return block;
    }
    if (current_ + 1 == chunks_.size()) break;
    ++current_;
    used_ = 0;
  }
  return allocate_in_new_chunk(size);
}

void* ParseArena::allocate_in_new_chunk(std::size_t size) {
  const std::size_t needed = kHeaderBytes + rounded_up(size);
  const std::size_t chunk_bytes = std::max(needed, std::clamp(total_bytes_, kMinChunkBytes, kMaxChunkBytes));
  if (total_bytes_ + chunk_bytes > kMaxBytes) {
    overflowed_ = true;
    return checked(std::malloc(size), size);
  }
  chunks_.push_back({std::make_unique_for_overwrite<std::byte[]>(chunk_bytes), chunk_bytes});
  total_bytes_ += chunk_bytes;
  TESTTIER_POISON(chunks_.back().memory.get(), chunk_bytes);
  current_ = chunks_.size() - 1;
  used_ = 0;
  return allocate(size);
}

void* ParseArena::reallocate(void* block, std::size_t size) {
  if (block == nullptr) return allocate(size);
  const std::size_t old_size = size_header(block);
  if (size <= old_size) return block;
  const std::size_t growth = rounded_up(size) - old_size;
  Chunk& chunk = chunks_[current_];
  const bool at_fill_point = static_cast<std::byte*>(block) + old_size == chunk.memory.get() + used_;
  if (at_fill_point && used_ + growth <= chunk.size) {  // the latest block of the chunk being filled grows in place
    TESTTIER_UNPOISON(static_cast<std::byte*>(block) + old_size, growth);
    used_ += growth;
    size_header(block) = rounded_up(size);
    return block;
  }
  void* moved = allocate(size);
  std::memcpy(moved, block, old_size);
  return moved;
}

bool ParseArena::owns(const void* block) const {
  const auto* address = static_cast<const std::byte*>(block);
  return std::any_of(chunks_.begin(), chunks_.end(), [&](const Chunk& chunk) {
    return address >= chunk.memory.get() && address < chunk.memory.get() + chunk.size;
  });
}

void ParseArena::reset() {
  while (total_bytes_ > kKeptBytes && chunks_.size() > 1) {
    TESTTIER_UNPOISON(chunks_.back().memory.get(), chunks_.back().size);
    total_bytes_ -= chunks_.back().size;
    chunks_.pop_back();
  }
  for (const Chunk& chunk : chunks_) TESTTIER_POISON(chunk.memory.get(), chunk.size);
  current_ = 0;
  used_ = 0;
  overflowed_ = false;
}

ParseArena::~ParseArena() {
  for (const Chunk& chunk : chunks_) TESTTIER_UNPOISON(chunk.memory.get(), chunk.size);
}

void install_parse_arenas() {
  static std::once_flag once;
  std::call_once(once, [] { ts_set_allocator(arena_malloc, arena_calloc, arena_realloc, arena_free); });
}

}  // namespace testtier::parse
