// The `testtier/v1` document of DESIGN.md "Outputs".
#include <tbb/parallel_for.h>

#include <nlohmann/json.hpp>

#include "report/summary.hpp"
#include "testtier/report.hpp"

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

Json to_json(const Reason& reason) {
  Json out{{"service", reason.service},
           {"signal", to_string(reason.signal)},
           {"evidence", reason.evidence},
           {"path", reason.path},
           {"line", reason.line},
           {"via", reason.via},
           {"declared", reason.declared}};
  if (reason.by_last_name) out["by_last_name"] = true;
  return out;
}

Json to_json(const SuspiciousImport& import) {
  return Json{{"module", import.module},
              {"names", import.names},
              {"line", import.line},
              {"service", import.service},
              {"usage", import.called ? "called" : "types_only"}};
}

Json to_json(const TestResult& test) {
  return Json{{"id", test.id},
              {"line", test.line},
              {"services", test.services},
              {"tier", test.tier},
              {"reasons", array_of(test.reasons, [](const Reason& r) { return to_json(r); })}};
}

Json to_json(const FileResult& file) {
  return Json{{"path", file.path},
              {"tier", file.tier},
              {"services", file.services},
              {"reasons", array_of(file.reasons, [](const Reason& r) { return to_json(r); })},
              {"suspicious",
               array_of(file.suspicious, [](const SuspiciousImport& s) { return to_json(s); })},
              {"tests", array_of(file.tests, [](const TestResult& t) { return to_json(t); })}};
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
std::string file_in_array(const FileResult& file) {
  const std::string alone = to_json(file).dump(2, ' ', false, Json::error_handler_t::replace);
  std::string indented = "    ";
  indented.reserve(alone.size() + alone.size() / 8);
  for (const char c : alone) {
    indented += c;
    if (c == '\n') indented += "    ";
  }
  return indented;
}

/// Return the `files` array, its elements rendered in parallel (it is nearly all of the document).
std::string files_array(const std::vector<FileResult>& files) {
  if (files.empty()) return "[]";
  std::vector<std::string> rendered(files.size());
  tbb::parallel_for(std::size_t{0}, files.size(), [&](std::size_t i) { rendered[i] = file_in_array(files[i]); });
  std::size_t size = 16;
  for (const std::string& text : rendered) size += text.size() + 2;
  std::string out;
  out.reserve(size);
  out += "[\n";
  for (std::size_t i = 0; i < rendered.size(); ++i) {
    out += rendered[i];
    out += i + 1 < rendered.size() ? ",\n" : "\n";
  }
  out += "  ]";
  return out;
}

}  // namespace

std::string classification_to_json(const Classification& result) {
  // Everything but the files goes through one dump; the files array replaces a placeholder.
  static constexpr std::string_view kPlaceholder = "\"files\": \"testtier-files-placeholder\"";
  Json document{
      {"schema", "testtier/v1"},
      {"root", result.root},
      {"rules", result.rules_origin},
      {"summary", summary_json(report::summarize(result))},
      {"files", "testtier-files-placeholder"},
      {"diagnostics", array_of(result.diagnostics, [](const Diagnostic& d) { return to_json(d); })}};
  // Replace undecodable bytes rather than throw: paths may come from any file system.
  std::string text = document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
  const std::size_t at = text.find(kPlaceholder);
  text.replace(at, kPlaceholder.size(), "\"files\": " + files_array(result.files));
  return text;
}

}  // namespace testtier
