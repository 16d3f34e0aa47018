// Fields in declaration order, with the primitives of binary_codec.hpp. Any change here must bump
// kFormatVersion in result_cache.cpp.
#include "cache/classification_codec.hpp"

#include <algorithm>

#include "cache/binary_codec.hpp"

namespace testtier::cache {
namespace {

void write_strings(Writer& w, const std::vector<std::string>& strings) {
  w.list(strings, [&](const std::string& s) { w.text(s); });
}
void read_strings(Reader& r, std::vector<std::string>& strings) {
  r.list(strings, [&](std::string& s) { s = r.text(); });
}

void write_reason(Writer& w, const Reason& reason) {
  w.text(reason.service);
  w.number(static_cast<std::uint64_t>(reason.signal));
  w.text(reason.evidence);
  w.text(reason.path);
  w.number(reason.line);
  write_strings(w, reason.via);
  w.number(reason.declared);
  w.number(reason.by_last_name);
  w.number(reason.column);
}
void read_reason(Reader& r, Reason& reason) {
  reason.service = r.text();
  const std::uint64_t signal = r.number();
  if (signal > static_cast<std::uint64_t>(EvidenceKind::import)) return static_cast<void>(r.fail());
  reason.signal = static_cast<EvidenceKind>(signal);
  reason.evidence = r.text();
  reason.path = r.text();
  reason.line = r.small();
  read_strings(r, reason.via);
  reason.declared = r.flag();
  reason.by_last_name = r.flag();
  reason.column = r.small();
}

void write_reasons(Writer& w, const std::vector<Reason>& reasons) {
  w.list(reasons, [&](const Reason& reason) { write_reason(w, reason); });
}
void read_reasons(Reader& r, std::vector<Reason>& reasons) {
  r.list(reasons, [&](Reason& reason) { read_reason(r, reason); });
}

// A test's reasons are nearly always among its file's (which hold every test's): each is written
// as 1 + its index there, or as 0 and the reason in full. A third of the bytes, and decoding copies.
void write_test(Writer& w, const TestResult& test, const std::vector<Reason>& file_reasons) {
  w.text(test.id);
  w.number(test.line);
  write_strings(w, test.services);
  w.text(test.tier);
  w.list(test.reasons, [&](const Reason& reason) {
    const auto found = std::find(file_reasons.begin(), file_reasons.end(), reason);
    w.number(found == file_reasons.end() ? 0 : static_cast<std::uint64_t>(found - file_reasons.begin()) + 1);
    if (found == file_reasons.end()) write_reason(w, reason);
  });
}
void read_test(Reader& r, TestResult& test, const std::vector<Reason>& file_reasons) {
  test.id = r.text();
  test.line = r.small();
  read_strings(r, test.services);
  test.tier = r.text();
  r.list(test.reasons, [&](Reason& reason) {
    const std::uint64_t index = r.number();
    if (index == 0) return read_reason(r, reason);
    if (index > file_reasons.size()) return static_cast<void>(r.fail());
    reason = file_reasons[index - 1];
  });
}

void write_suspicious(Writer& w, const SuspiciousImport& import) {
  w.text(import.module);
  write_strings(w, import.names);
  w.number(import.line);
  w.text(import.service);
  w.number(import.called);
}
void read_suspicious(Reader& r, SuspiciousImport& import) {
  import.module = r.text();
  read_strings(r, import.names);
  import.line = r.small();
  import.service = r.text();
  import.called = r.flag();
}

void write_file_result(Writer& w, const FileResult& file) {
  w.text(file.path);
  write_strings(w, file.services);
  w.text(file.tier);
  write_reasons(w, file.reasons);
  w.list(file.suspicious, [&](const SuspiciousImport& s) { write_suspicious(w, s); });
  w.list(file.tests, [&](const TestResult& t) { write_test(w, t, file.reasons); });
}
void read_file_result(Reader& r, FileResult& file) {
  file.path = r.text();
  read_strings(r, file.services);
  file.tier = r.text();
  read_reasons(r, file.reasons);
  r.list(file.suspicious, [&](SuspiciousImport& s) { read_suspicious(r, s); });
  r.list(file.tests, [&](TestResult& t) { read_test(r, t, file.reasons); });
}

void write_diagnostic(Writer& w, const Diagnostic& d) {
  w.text(d.path);
  w.location(d.location);
  w.number(static_cast<std::uint64_t>(d.severity));
  w.text(d.code);
  w.text(d.message);
}
void read_diagnostic(Reader& r, Diagnostic& d) {
  d.path = r.text();
  d.location = r.location();
  const std::uint64_t severity = r.number();
  if (severity > static_cast<std::uint64_t>(Severity::error)) return static_cast<void>(r.fail());
  d.severity = static_cast<Severity>(severity);
  d.code = r.text();
  d.message = r.text();
}

void write_stats(Writer& w, const ClassifyStats& stats) {
  w.number(stats.python_files);
  w.number(stats.test_files);
  w.number(stats.parsed_files);
  w.number(stats.skipped_files);
  w.number(stats.cached_files);
  w.number(stats.parsed_bytes);
}
void read_stats(Reader& r, ClassifyStats& stats) {
  stats.python_files = r.number();
  stats.test_files = r.number();
  stats.parsed_files = r.number();
  stats.skipped_files = r.number();
  stats.cached_files = r.number();
  stats.parsed_bytes = r.number();
}

}  // namespace

void encode_classification(const Classification& result, std::string& out) {
  Writer w(out);
  w.text(result.root);
  w.text(result.rules_origin);
  write_strings(w, result.tier_order);
  w.list(result.files, [&](const FileResult& file) { write_file_result(w, file); });
  w.list(result.diagnostics, [&](const Diagnostic& d) { write_diagnostic(w, d); });
  write_stats(w, result.stats);
}

bool decode_classification(std::string_view& in, Classification& result) {
  Reader r(in);
  result.root = r.text();
  result.rules_origin = r.text();
  read_strings(r, result.tier_order);
  r.list(result.files, [&](FileResult& file) { read_file_result(r, file); });
  r.list(result.diagnostics, [&](Diagnostic& d) { read_diagnostic(r, d); });
  read_stats(r, result.stats);
  return r.ok();
}

}  // namespace testtier::cache
