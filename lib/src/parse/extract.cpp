// extract_facts(): decode, parse, collect, then drop the tree. parse_files(): the same under TBB.
#include <chrono>

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>
#include <xxhash.h>

#include <fmt/format.h>

#include "parse/collect.hpp"
#include "parse/parse_files.hpp"
#include "parse/source_text.hpp"
#include "testtier/parse.hpp"
#include "util/file_io.hpp"
#include "util/threads.hpp"

namespace testtier {
namespace {

Diagnostic whole_file_problem(std::string message) {
  return Diagnostic{{}, {}, Severity::warning, std::string(codes::unreadable), std::move(message)};
}

std::uint64_t now_ns() {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                        std::chrono::steady_clock::now().time_since_epoch())
                                        .count());
}

/// Add the time since `start` to `counter` (when timings are wanted) and return the time now.
std::uint64_t lap(std::atomic<std::uint64_t>* counter, std::uint64_t start) {
  const std::uint64_t now = counter != nullptr ? now_ns() : 0;
  if (counter != nullptr) counter->fetch_add(now - start, std::memory_order_relaxed);
  return now;
}

/// Extract facts from `bytes` (whose xxh64 is `hash`) with a parser the caller owns (one per
/// thread), adding the time spent in tree-sitter and in extraction to `timings` when not null.
FileFacts extract_with(parse::Parser& parser, std::string_view bytes, std::uint64_t hash, std::string path,
                       std::string module, const ParseOptions& options, parse::ParseTimings* timings = nullptr) {
  FileFacts facts;
  facts.path = std::move(path);
  facts.module = std::move(module);
  facts.size = bytes.size();
  facts.content_hash = hash;
  std::uint64_t started = timings != nullptr ? now_ns() : 0;

  if (bytes.size() > options.max_file_bytes) {
    facts.diagnostics.push_back(whole_file_problem(fmt::format(
        "file is {} bytes, over the limit of {} bytes; not parsed", bytes.size(), options.max_file_bytes)));
  } else {
    parse::SourceText source = parse::decode_source(bytes);
    facts.diagnostics = std::move(source.diagnostics);
    if (!source.binary) {
      started = lap(timings ? &timings->extract_ns : nullptr, started);
      auto tree = parser.parse(source.text, options.timeout_micros);
      started = lap(timings ? &timings->tree_sitter_ns : nullptr, started);
      if (tree) {
        const TSNode root = ts_tree_root_node(tree->get());
        const parse::Source indexed(source.text);
        const parse::RawMarks pytestmarks = parse::collect_definitions(root, indexed, facts);
        parse::apply_pytest_meaning(facts, pytestmarks);
        parse::collect_syntax_errors(root, indexed, facts.diagnostics);
        parse::collect_suppressions(root, indexed, facts.suppressions);
      } else {
        facts.diagnostics.push_back(whole_file_problem(fmt::format(
            "parsing took longer than {} ms; not parsed", options.timeout_micros / 1000)));
      }
    }
  }
  for (Diagnostic& diagnostic : facts.diagnostics) diagnostic.path = facts.path;
  lap(timings ? &timings->extract_ns : nullptr, started);
  return facts;
}

/// What one parse thread keeps from file to file: its parser and the buffer files are read into.
struct ParseWorker {
  parse::Parser parser;
  FileRead read;
};

/// Read and extract one request, or take its facts from `saved` when it has them.
FileFacts read_and_extract(ParseWorker& worker, const ParseRequest& request, const ParseOptions& options,
                           const parse::SavedFacts& saved, bool& from_cache, parse::ParseTimings* timings) {
  const std::uint64_t started = timings != nullptr ? now_ns() : 0;
  const FileRead& read = worker.read;
  if (!read_file_into(request.file, options.max_file_bytes, worker.read)) {
    FileFacts facts;
    facts.path = request.path;
    facts.module = request.module;
    facts.diagnostics.push_back(whole_file_problem(fmt::format("cannot read file: {}", read.error)));
    facts.diagnostics.back().path = request.path;
    return facts;
  }
  const std::uint64_t hash = XXH64(read.bytes.data(), read.bytes.size(), 0);
  const std::uint64_t hashed = lap(timings ? &timings->read_ns : nullptr, started);
  if (saved) {
    if (auto cached = saved(request, hash, read.bytes.size())) {
      from_cache = true;
      lap(timings ? &timings->extract_ns : nullptr, hashed);
      return std::move(*cached);
    }
  }
  return extract_with(worker.parser, read.bytes, hash, request.path, request.module, options, timings);
}

}  // namespace

FileFacts extract_facts(std::string_view bytes, std::string path, std::string module,
                        const ParseOptions& options) {
  parse::Parser parser;
  return extract_with(parser, bytes, XXH64(bytes.data(), bytes.size(), 0), std::move(path), std::move(module), options);
}

std::vector<FileFacts> parse_files(const std::vector<ParseRequest>& requests,
                                   const ParseOptions& options, unsigned threads) {
  std::vector<bool> from_cache;
  return parse::parse_files_cached(requests, options, threads, {}, from_cache);
}

std::vector<FileFacts> parse::parse_files_cached(const std::vector<ParseRequest>& requests,
                                                 const ParseOptions& options, unsigned threads,
                                                 const SavedFacts& saved, std::vector<bool>& from_cache,
                                                 ParseTimings* timings) {
  std::vector<FileFacts> results(requests.size());
  std::vector<char> cached(requests.size(), 0);
  tbb::task_arena arena(arena_concurrency(threads));
  tbb::enumerable_thread_specific<ParseWorker> workers;
  arena.execute([&] {
    tbb::parallel_for(std::size_t{0}, requests.size(), [&](std::size_t i) {
      bool hit = false;
      results[i] = read_and_extract(workers.local(), requests[i], options, saved, hit, timings);
      cached[i] = hit;
    });
  });
  from_cache.assign(cached.begin(), cached.end());
  return results;
}

}  // namespace testtier
