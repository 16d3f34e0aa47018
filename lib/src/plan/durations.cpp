// Reading test durations: pytest-split's `.test_durations` or a JUnit XML report.
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "testtier/plan.hpp"

namespace testtier {
namespace {

std::string unescape_xml(std::string text) {
  static const std::pair<std::string_view, std::string_view> kEntities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
  for (const auto& [entity, plain] : kEntities) {
    for (std::size_t at = text.find(entity); at != std::string::npos; at = text.find(entity, at + plain.size())) {
      text.replace(at, entity.size(), plain);
    }
  }
  return text;
}

std::string attribute(const std::string& tag, const std::string& name) {
  const std::regex pattern("\\s" + name + "=\"([^\"]*)\"");
  std::smatch match;
  return std::regex_search(tag, match, pattern) ? unescape_xml(match[1]) : std::string();
}

/// Turn a JUnit testcase into a node id: pytest writes `classname="tests.x.test_y.TestC"`,
/// `name="test_z"`, and `file` when asked; the module part becomes a path.
std::string junit_node_id(const std::string& tag) {
  const std::string name = attribute(tag, "name");
  std::string classname = attribute(tag, "classname");
  std::string file = attribute(tag, "file");
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
  std::map<std::string, double> durations;
  const std::regex testcase("<testcase\\b[^>]*>");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), testcase); it != std::sregex_iterator(); ++it) {
    const std::string tag = it->str();
    const std::string time = attribute(tag, "time");
    if (!time.empty()) durations[junit_node_id(tag)] += std::stod(time);
  }
  return durations;
}

}  // namespace

std::map<std::string, double> read_durations(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file + ": cannot read durations");
  std::ostringstream content;
  content << in.rdbuf();
  const std::string text = content.str();
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
