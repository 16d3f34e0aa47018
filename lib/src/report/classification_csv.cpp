// One CSV row per test (RFC 4180, but with "\n" line endings: see report.hpp).
#include <string_view>

#include "report/summary.hpp"
#include "testtier/report.hpp"
#include "testtier/text.hpp"

namespace testtier {
namespace {

/// Append `field` to `out`, quoted (quotes doubled) only when it holds `,`, `"`, CR or LF.
void append_field(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_row(std::string& out, const FileResult& file, const TestResult& test) {
  append_field(out, test.id);
  out += ',';
  append_field(out, file.path);
  out += ',';
  out += std::to_string(test.line);
  out += ',';
  append_field(out, test.tier);
  out += ',';
  append_field(out, report::joined(test.services, ";"));
  out += '\n';
}

}  // namespace

std::string classification_to_csv(const Classification& result) {
  std::string out = "id,path,line,tier,services\n";
  for (const FileResult& file : result.files) {
    for (const TestResult& test : file.tests) append_row(out, file, test);
  }
  // Like the JSON writers, never emit undecodable bytes: paths may come from any file system.
  return escape_undecodable(out);
}

}  // namespace testtier
