// Reading test durations: pytest-split's `.test_durations` or a JUnit XML report (read with
// pugixml: a real XML parser, whatever the size of a tag or the spelling of its attributes).
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "testtier/plan.hpp"
#include "util/file_io.hpp"

namespace testtier {
namespace {

/// Larger durations files are refused rather than read (Sentry's is a few MB).
constexpr std::uintmax_t kMaxDurationsBytes = 256u << 20;

/// Turn a JUnit testcase into a node id: pytest writes `classname="tests.x.test_y.TestC"`,
/// `name="test_z"`, and `file` when asked; the module part becomes a path.
std::string junit_node_id(const pugi::xml_node& testcase) {
  const std::string name = testcase.attribute("name").value();
  const std::string classname = testcase.attribute("classname").value();
  std::string file = testcase.attribute("file").value();
  std::vector<std::string> parts;
  std::istringstream split(classname);
  for (std::string part; std::getline(split, part, '.');) parts.push_back(part);
  std::string classes;
  // Class segments start with an upper-case letter (pytest's Test* and unittest's CamelCase).
  while (!parts.empty() && !parts.back().empty() && std::isupper(static_cast<unsigned char>(parts.back()[0]))) {
    classes = "::" + parts.back() + classes;
    parts.pop_back();
  }
  if (file.empty()) {
    for (const std::string& part : parts) file += (file.empty() ? "" : "/") + part;
    file += ".py";
  }
  return file + classes + "::" + name;
}

std::map<std::string, double> read_junit(const std::string& text) {
  pugi::xml_document document;
  const pugi::xml_parse_result parsed = document.load_buffer(text.data(), text.size());
  if (!parsed) throw std::runtime_error(fmt::format("XML error at byte {}: {}", parsed.offset, parsed.description()));
  std::map<std::string, double> durations;
  for (const pugi::xpath_node& found : document.select_nodes("//testcase")) {
    const pugi::xml_node testcase = found.node();
    const pugi::xml_attribute time = testcase.attribute("time");
    if (!time || *time.value() == '\0') continue;
    durations[junit_node_id(testcase)] += std::stod(time.value());
  }
  return durations;
}

}  // namespace

std::map<std::string, double> read_durations(const std::string& file) {
  const FileRead read = read_file(file, kMaxDurationsBytes);
  if (!read.ok) throw std::runtime_error(file + ": cannot read durations: " + read.error);
  const std::string& text = read.bytes;
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  try {
    if (first != std::string::npos && text[first] == '<') return read_junit(text);
    std::map<std::string, double> durations;
    const nlohmann::json document = nlohmann::json::parse(text);
    if (!document.is_object()) throw std::runtime_error("the top level is not an object");
    for (const auto& [id, seconds] : document.items()) durations[id] = seconds.get<double>();
    return durations;
  } catch (const std::exception& error) {
    throw std::runtime_error(file + ": not a pytest-split .test_durations JSON object or a JUnit XML report (" +
                             error.what() + ")");
  }
}

std::string function_node_id(std::string_view node_id) {
  const std::size_t bracket = node_id.find('[');
  return std::string(node_id.substr(0, bracket));
}

}  // namespace testtier
