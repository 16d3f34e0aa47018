// The parse stage: bytes of a Python file in, FileFacts out. The only stage that sees syntax trees.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "testtier/facts.hpp"

namespace testtier {

/// Limits that keep one bad file from stalling a batch.
struct ParseOptions {
  /// Files larger than this are not parsed: they get a TT903 diagnostic and no facts. Python test
  /// code is rarely over 1 MB; a worst-case file (one long literal) costs tree-sitter about 270 bytes
  /// of memory and 2 us per source byte, so 8 MiB bounds one file at about 2 GB and 16 s (plus
  /// the 256 MiB that the memory arena a file is parsed into holds at most).
  std::uint64_t max_file_bytes = 8u << 20;
  /// Parse time allowed per file, in microseconds (0: no limit). A file over it gets TT903.
  std::uint64_t timeout_micros = 30'000'000;
};

/// Return the facts of the Python source `bytes` (the file as read: any encoding, BOM or line
/// ending), labelled with `path` and `module`. Never throws on bad input: problems become
/// diagnostics in the result and whatever facts can be had are still extracted.
FileFacts extract_facts(std::string_view bytes, std::string path, std::string module,
                        const ParseOptions& options = {});

/// One file to parse: where to read it and how to label it.
struct ParseRequest {
  std::filesystem::path file;  ///< where to read the bytes
  std::string path;            ///< root-relative '/' path used in facts and diagnostics
  std::string module;          ///< dotted module name, "" when not importable
};

/// Read and extract every request on up to `threads` threads (0: one per core), one parser per
/// thread. The result is in request order and does not depend on `threads`. An unreadable file
/// yields facts holding only a TT903 diagnostic.
std::vector<FileFacts> parse_files(const std::vector<ParseRequest>& requests,
                                   const ParseOptions& options = {}, unsigned threads = 0);

}  // namespace testtier
