// result-vN.bin (written by write_checked): a magic string, the format and library versions, the
// key's 128-bit hash, the files (path, size, hash) and the encoded classification.
#include "result_cache/result_cache.hpp"

#include <atomic>
#include <chrono>

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>
#include <tbb/task_group.h>
#include <xxhash.h>

#include <fmt/format.h>

#include "cache/binary_codec.hpp"
#include "cache/cache_files.hpp"
#include "result_cache/classification_codec.hpp"
#include "testtier/version.hpp"
#include "util/file_io.hpp"
#include "util/threads.hpp"

namespace testtier::result_cache {
namespace {

using cache::Reader;
using cache::Writer;
using cache::read_checked;
using cache::write_checked;

constexpr std::string_view kMagic = "TESTTIER-RESULT\n";
constexpr std::uint32_t kFormatVersion = 2;
/// Bump whenever the analysis may answer differently for the same files and rules (a new hop
/// followed, a fixed resolution): a result cached by an older build is then not reused.
constexpr std::uint32_t kAnalysisVersion = 3;

std::string cache_file_name() { return fmt::format("result-v{}.bin", kFormatVersion); }

std::string header(std::string_view key) {
  std::string out(kMagic);
  Writer w(out);
  w.number(kFormatVersion);
  w.number(kAnalysisVersion);
  w.text(version());
  const XXH128_hash_t key_hash = XXH3_128bits(key.data(), key.size());
  w.number(key_hash.low64);
  w.number(key_hash.high64);
  return out;
}

std::uint64_t now_ns() {
  return static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
          .count());
}

/// Return whether every file under `root` still has its recorded size and hash (run inside an
/// arena: the files are read in parallel, and the first difference stops the rest).
bool files_unchanged(const std::vector<FileState>& files, const std::filesystem::path& root,
                     std::uint64_t max_file_bytes, ReuseCost& cost) {
  std::atomic<bool> unchanged{true};
  std::atomic<std::uint64_t> read_ns{0};
  tbb::enumerable_thread_specific<FileRead> buffers;
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, files.size()), [&](const auto& range) {
    const std::uint64_t started = now_ns();
    FileRead& read = buffers.local();
    for (std::size_t i = range.begin(); i != range.end() && unchanged.load(std::memory_order_relaxed); ++i) {
      const FileState& file = files[i];
      if (!read_file_into(root / file.path, max_file_bytes, read) || read.bytes.size() != file.size ||
          XXH64(read.bytes.data(), read.bytes.size(), 0) != file.hash) {
        unchanged = false;
      }
    }
    read_ns.fetch_add(now_ns() - started, std::memory_order_relaxed);
  });
  cost.read_ns += read_ns;
  return unchanged;
}

}  // namespace

std::optional<Classification> ResultCache::find(std::string_view key, const std::filesystem::path& root,
                                                std::uint64_t max_file_bytes, unsigned threads,
                                                ReuseCost& cost) const {
  const std::optional<std::string> contents = read_checked(directory_ / cache_file_name());
  const std::string expected_header = header(key);
  if (!contents || !contents->starts_with(expected_header)) return std::nullopt;
  std::string_view in = std::string_view(*contents).substr(expected_header.size());
  Reader r(in);
  std::vector<FileState> files;
  r.list(files, [&](FileState& file) {
    file.path = r.text();
    file.size = r.number();
    file.hash = r.number();
  });
  if (!r.ok()) return std::nullopt;
  // Check the files and decode at once: on a hit (the common case) both are needed, and on two
  // threads decoding costs about what checking does.
  bool unchanged = false;
  bool decoded = false;
  Classification result;
  tbb::task_arena arena(arena_concurrency(threads));
  arena.execute([&] {
    tbb::task_group checking;
    checking.run([&] { unchanged = files_unchanged(files, root, max_file_bytes, cost); });
    decoded = decode_classification(in, result) && in.empty();
    checking.wait();
  });
  if (!unchanged || !decoded) return std::nullopt;
  return result;
}

std::string ResultCache::save(std::string_view key, const std::vector<FileState>& files,
                              const Classification& result) const {
  std::string out = header(key);
  Writer w(out);
  w.list(files, [&](const FileState& file) {
    w.text(file.path);
    w.number(file.size);
    w.number(file.hash);
  });
  encode_classification(result, out);
  return write_checked(directory_ / cache_file_name(), std::move(out));
}

}  // namespace testtier::result_cache
