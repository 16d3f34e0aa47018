// The `testtier/v1` document of DESIGN.md "Outputs".
#include <string_view>

#include <tbb/parallel_for.h>

#include <nlohmann/json.hpp>

#include "report/summary.hpp"
#include "testtier/report.hpp"
#include "report/json_dump.hpp"
#include "report/reason_json.hpp"

namespace testtier {
namespace {

using Json = nlohmann::ordered_json;

template <typename Item, typename Convert>
Json array_of(const std::vector<Item>& items, Convert convert) {
  Json out = Json::array();
  for (const Item& item : items) out.push_back(convert(item));
  return out;
}

/// Return `counts` as an object, keys in the order given.
Json object_of(const std::vector<report::Count>& counts) {
  Json out = Json::object();
  for (const auto& [name, count] : counts) out[name] = count;
  return out;
}

/// Return `per_service` as an object, keys by name.
Json object_of(const std::map<std::string, std::size_t>& per_service) {
  Json out = Json::object();
  for (const auto& [name, count] : per_service) out[name] = count;
  return out;
}

Json summary_json(const report::Summary& summary) {
  const auto& tiers = summary.tiers;
  return Json{{"files", summary.files},
              {"tests", summary.tests},
              {"file_tier_counts", object_of(report::tier_counts(summary.files_per_tier, tiers))},
              {"tier_counts", object_of(report::tier_counts(summary.tests_per_tier, tiers))},
              {"service_counts", object_of(summary.tests_per_service)}};
}

/// The rules' tiers in order, each with what a shard of it starts.
Json tiers_json(const Classification& result) {
  Json out = Json::array();
  for (const std::string& name : result.tier_order) {
    const auto found = result.tier_services.find(name);
    out.push_back(Json{{"name", name},
                       {"services", found == result.tier_services.end() ? std::vector<std::string>{} : found->second}});
  }
  return out;
}

/// Every service of the rules with its ports.
Json services_json(const Classification& result) {
  Json out = Json::object();
  for (const auto& [name, ports] : result.service_ports) out[name] = Json{{"ports", ports}};
  return out;
}

Json to_json(const Reason& reason) { return report::reason_json(reason); }

Json to_json(const SuspiciousImport& import) { return report::suspicious_json(import); }

Json to_json(const TestResult& test, const JsonOptions& options) {
  Json out{{"id", test.id}, {"line", test.line}, {"services", test.services}, {"tier", test.tier}};
  if (options.test_reasons) out["reasons"] = array_of(test.reasons, [](const Reason& r) { return to_json(r); });
  return out;
}

Json to_json(const FileResult& file, const JsonOptions& options) {
  return Json{{"path", file.path},
              {"tier", file.tier},
              {"services", file.services},
              {"reasons", array_of(file.reasons, [](const Reason& r) { return to_json(r); })},
              {"suspicious",
               array_of(file.suspicious, [](const SuspiciousImport& s) { return to_json(s); })},
              {"tests", array_of(file.tests, [&](const TestResult& t) { return to_json(t, options); })}};
}

Json to_json(const Diagnostic& diagnostic) {
  return Json{{"path", diagnostic.path},
              {"line", diagnostic.location.line},
              {"column", diagnostic.location.column},
              {"severity", to_string(diagnostic.severity)},
              {"code", diagnostic.code},
              {"message", diagnostic.message}};
}

/// Return `file` as pretty JSON indented to sit in the document's `files` array: the bytes that
/// dumping the whole document at once would give it.
std::string file_in_array(const FileResult& file, const JsonOptions& options) {
  const std::string alone = report::dump_json(to_json(file, options), 2);
  std::string indented = "    ";
  indented.reserve(alone.size() + alone.size() / 8);
  std::size_t from = 0;
  for (std::size_t newline; (newline = alone.find('\n', from)) != std::string::npos; from = newline + 1) {
    indented.append(alone, from, newline + 1 - from);
    indented += "    ";
  }
  indented.append(alone, from);
  return indented;
}

/// Append `before`, the `files` array and `after` to `out`. The array's elements are rendered in
/// parallel (they are nearly all of the document) and copied once, into a string sized for them.
void append_document(std::string_view before, const std::vector<FileResult>& files, std::string_view after,
                     const JsonOptions& options, std::string& out) {
  std::vector<std::string> rendered(files.size());
  tbb::parallel_for(std::size_t{0}, files.size(),
                    [&](std::size_t i) { rendered[i] = file_in_array(files[i], options); });
  std::size_t size = before.size() + after.size() + 16;
  for (const std::string& text : rendered) size += text.size() + 2;
  out.reserve(size);
  out += before;
  if (files.empty()) {
    out += "[]";
  } else {
    out += "[\n";
    for (std::size_t i = 0; i < rendered.size(); ++i) {
      out += rendered[i];
      out += i + 1 < rendered.size() ? ",\n" : "\n";
      std::string().swap(rendered[i]);  // give the memory back as it is copied
    }
    out += "  ]";
  }
  out += after;
}

}  // namespace

std::string classification_to_json(const Classification& result, const JsonOptions& options) {
  // Everything but the files goes through one dump; the files array replaces a placeholder.
  // A string value cannot hold an unescaped quote, so only the key and its value match.
  static constexpr std::string_view kKey = "\"files\": ";
  static constexpr std::string_view kPlaceholder = "\"files\": \"testtier-files-placeholder\"";
  Json document{
      {"schema", "testtier/v1"},
      {"root", result.root},
      {"rules", result.rules_origin},
      {"tiers", tiers_json(result)},
      {"services", services_json(result)},
      {"summary", summary_json(report::summarize(result))},
      {"files", "testtier-files-placeholder"},
      {"diagnostics", array_of(result.diagnostics, [](const Diagnostic& d) { return to_json(d); })}};
  // Replace undecodable bytes rather than throw: paths may come from any file system.
  const std::string rest = report::dump_json(document, 2) + "\n";
  const std::size_t at = rest.find(kPlaceholder);
  const std::string_view whole(rest);
  std::string text;
  append_document(whole.substr(0, at + kKey.size()), result.files, whole.substr(at + kPlaceholder.size()), options,
                  text);
  return text;
}

}  // namespace testtier
