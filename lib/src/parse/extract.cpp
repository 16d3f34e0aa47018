// extract_facts(): decode, parse, collect, then drop the tree. parse_files(): the same under TBB.
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>
#include <xxhash.h>

#include <fmt/format.h>

#include "parse/collect.hpp"
#include "parse/source_text.hpp"
#include "testtier/parse.hpp"
#include "util/file_io.hpp"

namespace testtier {
namespace {

Diagnostic whole_file_problem(std::string message) {
  return Diagnostic{{}, {}, Severity::warning, std::string(codes::unreadable), std::move(message)};
}

/// Extract facts from `bytes` with a parser the caller owns (one per thread).
FileFacts extract_with(parse::Parser& parser, std::string_view bytes, std::string path,
                       std::string module, const ParseOptions& options) {
  FileFacts facts;
  facts.path = std::move(path);
  facts.module = std::move(module);
  facts.size = bytes.size();
  facts.content_hash = XXH64(bytes.data(), bytes.size(), 0);

  if (bytes.size() > options.max_file_bytes) {
    facts.diagnostics.push_back(whole_file_problem(fmt::format(
        "file is {} bytes, over the limit of {} bytes; not parsed", bytes.size(), options.max_file_bytes)));
  } else {
    parse::SourceText source = parse::decode_source(bytes);
    facts.diagnostics = std::move(source.diagnostics);
    if (!source.binary) {
      if (auto tree = parser.parse(source.text, options.timeout_micros)) {
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
  return facts;
}

FileFacts read_and_extract(parse::Parser& parser, const ParseRequest& request,
                           const ParseOptions& options) {
  const FileRead read = read_file(request.file, options.max_file_bytes);
  if (!read.ok) {
    FileFacts facts;
    facts.path = request.path;
    facts.module = request.module;
    facts.diagnostics.push_back(whole_file_problem(fmt::format("cannot read file: {}", read.error)));
    facts.diagnostics.back().path = request.path;
    return facts;
  }
  return extract_with(parser, read.bytes, request.path, request.module, options);
}

}  // namespace

FileFacts extract_facts(std::string_view bytes, std::string path, std::string module,
                        const ParseOptions& options) {
  parse::Parser parser;
  return extract_with(parser, bytes, std::move(path), std::move(module), options);
}

std::vector<FileFacts> parse_files(const std::vector<ParseRequest>& requests,
                                   const ParseOptions& options, unsigned threads) {
  std::vector<FileFacts> results(requests.size());
  const int concurrency = threads == 0 ? tbb::task_arena::automatic : static_cast<int>(threads);
  tbb::task_arena arena(concurrency);
  tbb::enumerable_thread_specific<parse::Parser> parsers;
  arena.execute([&] {
    tbb::parallel_for(std::size_t{0}, requests.size(), [&](std::size_t i) {
      results[i] = read_and_extract(parsers.local(), requests[i], options);
    });
  });
  return results;
}

}  // namespace testtier
