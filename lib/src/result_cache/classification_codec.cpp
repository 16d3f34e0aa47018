// Fields in declaration order, with the primitives of binary_codec.hpp. Any change here must bump
// kFormatVersion in result_cache.cpp.
#include "result_cache/classification_codec.hpp"

#include <algorithm>

#include "cache/binary_codec.hpp"
#include "rules/evidence_kind.hpp"

namespace testtier::result_cache {
namespace {

using cache::Reader;
using cache::Writer;

void write_reason(Writer& w, const Reason& reason) {
  w.text(reason.service);
  w.number(static_cast<std::uint64_t>(reason.signal));
  w.text(reason.evidence);
  w.text(reason.path);
  w.number(reason.line);
  w.strings(reason.via);
  w.number(reason.declared);
  w.number(reason.by_last_name);
  w.number(reason.column);
}
void read_reason(Reader& r, Reason& reason) {
  reason.service = r.text();
  const std::uint64_t signal = r.number();
  if (signal >= kEvidenceKinds.size()) return static_cast<void>(r.fail());
  reason.signal = static_cast<EvidenceKind>(signal);
  reason.evidence = r.text();
  reason.path = r.text();
  reason.line = r.small();
  r.strings(reason.via);
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
  w.strings(test.services);
  w.text(test.tier);
  w.list(test.reasons, [&](const Reason& reason) {
    const auto found = std::find(file_reasons.begin(), file_reasons.end(), reason);
    w.number(found == file_reasons.end() ? 0 : static_cast<std::uint64_t>(found - file_reasons.begin()) + 1);
    if (found == file_reasons.end()) write_reason(w, reason);
  });
}
/// Return the heap memory a copy of `reason` holds beyond sizeof(Reason), for Reader::charge().
std::uint64_t heap_bytes(const Reason& reason) {
  std::uint64_t bytes = reason.service.size() + reason.evidence.size() + reason.path.size();
  for (const std::string& hop : reason.via) bytes += sizeof(std::string) + hop.size();
  return bytes;
}

void read_test(Reader& r, TestResult& test, const std::vector<Reason>& file_reasons) {
  test.id = r.text();
  test.line = r.small();
  r.strings(test.services);
  test.tier = r.text();
  r.list(test.reasons, [&](Reason& reason) {
    const std::uint64_t index = r.number();
    if (index == 0) return read_reason(r, reason);
    if (index > file_reasons.size() || !r.charge(heap_bytes(file_reasons[index - 1]))) {
      return static_cast<void>(r.fail());
    }
    reason = file_reasons[index - 1];
  });
}

void write_suspicious(Writer& w, const SuspiciousImport& import) {
  w.text(import.module);
  w.strings(import.names);
  w.number(import.line);
  w.text(import.service);
  w.number(import.called);
}
void read_suspicious(Reader& r, SuspiciousImport& import) {
  import.module = r.text();
  r.strings(import.names);
  import.line = r.small();
  import.service = r.text();
  import.called = r.flag();
}

void write_file_result(Writer& w, const FileResult& file) {
  w.text(file.path);
  w.strings(file.services);
  w.text(file.tier);
  write_reasons(w, file.reasons);
  w.list(file.suspicious, [&](const SuspiciousImport& s) { write_suspicious(w, s); });
  w.list(file.tests, [&](const TestResult& t) { write_test(w, t, file.reasons); });
}
void read_file_result(Reader& r, FileResult& file) {
  file.path = r.text();
  r.strings(file.services);
  file.tier = r.text();
  read_reasons(r, file.reasons);
  r.list(file.suspicious, [&](SuspiciousImport& s) { read_suspicious(r, s); });
  r.list(file.tests, [&](TestResult& t) { read_test(r, t, file.reasons); });
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

using TierServices = std::pair<std::string, std::vector<std::string>>;
using ServicePorts = std::pair<std::string, std::vector<int>>;

void write_tiers(Writer& w, const Classification& result) {
  w.strings(result.tier_order);
  const std::vector<TierServices> tiers(result.tier_services.begin(), result.tier_services.end());
  w.list(tiers, [&](const TierServices& tier) {
    w.text(tier.first);
    w.strings(tier.second);
  });
  const std::vector<ServicePorts> services(result.service_ports.begin(), result.service_ports.end());
  w.list(services, [&](const ServicePorts& service) {
    w.text(service.first);
    w.list(service.second, [&](int port) { w.number(static_cast<std::uint64_t>(port)); });
  });
}
void read_tiers(Reader& r, Classification& result) {
  r.strings(result.tier_order);
  std::vector<TierServices> tiers;
  r.list(tiers, [&](TierServices& tier) {
    tier.first = r.text();
    r.strings(tier.second);
  });
  result.tier_services = {tiers.begin(), tiers.end()};
  std::vector<ServicePorts> services;
  r.list(services, [&](ServicePorts& service) {
    service.first = r.text();
    r.list(service.second, [&](int& port) { port = static_cast<int>(r.small()); });
  });
  result.service_ports = {services.begin(), services.end()};
}

}  // namespace

void encode_classification(const Classification& result, std::string& out) {
  Writer w(out);
  w.text(result.root);
  w.text(result.rules_origin);
  write_tiers(w, result);
  w.list(result.files, [&](const FileResult& file) { write_file_result(w, file); });
  w.list(result.diagnostics, [&](const Diagnostic& d) { w.diagnostic(d); });
  write_stats(w, result.stats);
}

bool decode_classification(std::string_view& in, Classification& result) {
  Reader r(in);
  result.root = r.text();
  result.rules_origin = r.text();
  read_tiers(r, result);
  r.list(result.files, [&](FileResult& file) { read_file_result(r, file); });
  r.list(result.diagnostics, [&](Diagnostic& d) { r.diagnostic(d); });
  read_stats(r, result.stats);
  return r.ok();
}

}  // namespace testtier::result_cache
