// Memory arenas for tree-sitter: a file's parser and syntax tree are allocated from one arena and
// dropped together, instead of tree-sitter freeing a tree node by node (README "Performance").
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace testtier::parse {

/// Route tree-sitter's allocations through the functions that serve parse arenas (ts_set_allocator).
/// Outside an `Active` scope they pass every call to malloc, calloc, realloc and free, as
/// tree-sitter's own do; the runtime is libtesttier's private copy, so no other code is affected.
/// Idempotent and thread-safe; Parser calls it.
void install_parse_arenas();

/// Memory handed out in order from a few large blocks and taken back all at once by reset().
/// While an `Active` scope is open on a thread, tree-sitter's allocations on that thread come
/// from the arena, and its frees of arena memory do nothing; other memory passes through to
/// malloc and free. Past `kMaxBytes` the arena hands out malloc'd memory instead and says so
/// (`overflowed()`), so one pathological file cannot take unbounded memory that is never freed.
class ParseArena {
 public:
  static constexpr std::size_t kMaxBytes = std::size_t{256} << 20;
  static constexpr std::size_t kKeptBytes = std::size_t{32} << 20;  // kept by reset() for the next file

  ParseArena() = default;
  ~ParseArena();
  ParseArena(const ParseArena&) = delete;
  ParseArena& operator=(const ParseArena&) = delete;

  /// Routes tree-sitter's allocations on the calling thread to `arena` while it lives.
  class Active {
   public:
    explicit Active(ParseArena& arena);
    ~Active();
    Active(const Active&) = delete;
    Active& operator=(const Active&) = delete;

   private:
    ParseArena* previous_;
  };

  /// Return `size` bytes aligned to 16 (malloc'd once the arena is full).
  void* allocate(std::size_t size);
  /// Return a block of `size` bytes holding the start of `block` (null or owned by this arena).
  void* reallocate(void* block, std::size_t size);
  /// Return whether `block` lies in this arena's memory.
  bool owns(const void* block) const;
  /// Return whether some allocation since the last reset() went to malloc because the arena was full.
  bool overflowed() const { return overflowed_; }
  /// Return whether nothing was handed out since the last reset().
  bool empty() const { return current_ == 0 && used_ == 0 && !overflowed_; }
  /// Take back everything handed out; keep up to kKeptBytes of blocks for reuse.
  void reset();

 private:
  struct Chunk {
    std::unique_ptr<std::byte[]> memory;
    std::size_t size = 0;
  };
  void* allocate_in_new_chunk(std::size_t size);

  std::vector<Chunk> chunks_;
  std::size_t current_ = 0;       // the chunk being filled
  std::size_t used_ = 0;          // bytes of it handed out
  std::size_t total_bytes_ = 0;   // bytes in all chunks
  bool overflowed_ = false;
};

}  // namespace testtier::parse
