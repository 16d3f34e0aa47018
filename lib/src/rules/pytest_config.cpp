#include "testtier/pytest_config.hpp"

#include <optional>
#include <stdexcept>
#include <system_error>
#include <utility>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "testtier/glob.hpp"
#include "util/file_io.hpp"
#include "util/ini.hpp"

namespace testtier {
namespace {

namespace fs = std::filesystem;

/// Larger configuration files are refused rather than read.
constexpr std::uintmax_t kMaxConfigBytes = 8u << 20;

/// The options read, in the order pytest documents them.
constexpr std::string_view kOptions[] = {"testpaths", "python_files", "python_classes",
                                         "python_functions"};

/// Return the words of an INI or TOML string value: split at whitespace, quotes removed.
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  char quote = 0;
  bool in_word = false;
  for (char c : text) {
    if (quote != 0) {
      if (c == quote) quote = 0;
      else word += c;
    } else if (c == '"' || c == '\'') {
      quote = c;
      in_word = true;
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (in_word) out.push_back(std::move(word));
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) out.push_back(std::move(word));
  return out;
}

/// Return `pattern` as a glob: pytest treats a name pattern without wildcards as a prefix.
std::string prefix_to_glob(std::string pattern) {
  if (pattern.find_first_of("*?[") == std::string::npos) pattern += '*';
  return pattern;
}

/// Return the warning that `file` is broken at `location`, saying `message`.
Diagnostic problem(std::string_view file, SourceLocation location, std::string message) {
  return {std::string(file), location, Severity::warning, std::string(codes::invalid_configuration),
          fmt::format("{}; using pytest's defaults", message)};
}

/// Drop from `patterns` (the value of `option`, at `location` of `file`) those that are not
/// globs, with a warning each; when none is left, keep `defaults` (pytest's, with a note).
void keep_valid_globs(std::vector<std::string>& patterns, const std::vector<std::string>& defaults,
                      std::string_view option, std::string_view file, SourceLocation location,
                      std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> valid;
  for (std::string& pattern : patterns) {
    try {
      (void)Glob(pattern);
      valid.push_back(std::move(pattern));
    } catch (const std::invalid_argument& error) {
      diagnostics.push_back({std::string(file), location, Severity::warning,
                             std::string(codes::invalid_configuration),
                             fmt::format("`{}`: {}; the pattern is ignored", option, error.what())});
    }
  }
  if (valid.empty() && !patterns.empty()) {
    diagnostics.push_back({std::string(file), location, Severity::warning,
                           std::string(codes::invalid_configuration),
                           fmt::format("`{}` has no valid pattern; using pytest's default", option)});
    valid = defaults;
  }
  patterns = std::move(valid);
}

/// Store the values of `option` (written at `location` of `file`) into `config`, converted as
/// PytestConfig documents; patterns that are not globs are left out with a warning.
void set_option(PytestConfig& config, std::string_view option, std::vector<std::string> values,
                std::string_view file, SourceLocation location) {
  const PytestConfig defaults;
  if (option == "testpaths") {
    for (std::string& path : values) {
      while (path.size() > 1 && path.ends_with('/')) path.pop_back();
    }
    config.testpaths = std::move(values);
  } else if (option == "python_files") {
    keep_valid_globs(values, defaults.python_files, option, file, location, config.diagnostics);
    config.python_files = std::move(values);
  } else {
    for (std::string& pattern : values) pattern = prefix_to_glob(std::move(pattern));
    const bool classes = option == "python_classes";
    keep_valid_globs(values, classes ? defaults.python_classes : defaults.python_functions, option, file, location,
                     config.diagnostics);
    (classes ? config.python_classes : config.python_functions) = std::move(values);
  }
}

/// Reads the candidate files of one root in pytest's order.
class ConfigReader {
 public:
  explicit ConfigReader(fs::path root) : root_(std::move(root)) {}

  /// Return the configuration of the first candidate file that decides it.
  PytestConfig read() {
    if (try_ini("pytest.ini", "pytest", true) || try_ini(".pytest.ini", "pytest", true) ||
        try_pyproject() || try_ini("tox.ini", "pytest", false) ||
        try_ini("setup.cfg", "tool:pytest", false)) {
      return std::move(config_);
    }
    return PytestConfig{};
  }

 private:
  /// Return the bytes of `file`, nullopt when it is not there; when it is there but cannot be
  /// read, give up on it (see give_up) and return "".
  std::optional<std::string> contents(std::string_view file) {
    const fs::path path = root_ / file;
    std::error_code error;
    if (!fs::exists(path, error) && !error) return std::nullopt;
    FileRead read = read_file(path, kMaxConfigBytes);
    if (read.ok) return std::move(read.bytes);
    give_up(file, {}, fmt::format("cannot read {}: {}", file, read.error));
    return std::string();
  }

  /// Record that `file` decides the configuration but is broken: pytest's defaults apply.
  void give_up(std::string_view file, SourceLocation location, std::string message) {
    config_ = PytestConfig{};
    config_.diagnostics.push_back(problem(file, location, std::move(message)));
    broken_ = true;
  }

  /// Try the INI file `file` with options in `[section]`; `always` when it counts even without
  /// the section (pytest.ini). Return whether it decides the configuration.
  bool try_ini(std::string_view file, std::string_view section, bool always) {
    const auto text = contents(file);
    if (!text) return false;
    if (broken_) return true;
    const IniFile ini = parse_ini(*text);
    if (!ini.error.empty()) {
      give_up(file, {ini.error_line, 1},
              fmt::format("cannot parse {}: line {}: {}", file, ini.error_line, ini.error));
      return true;
    }
    const IniSection* options = ini.section(section);
    if (options == nullptr && !always) return false;
    config_.origin = file;
    if (options == nullptr) return true;
    for (std::string_view option : kOptions) {
      if (const auto it = options->values.find(option); it != options->values.end()) {
        set_option(config_, option, words(it->second.text), file, {it->second.line, 1});
      }
    }
    return true;
  }

  /// Try pyproject.toml's `[tool.pytest.ini_options]`. Return whether it decides.
  bool try_pyproject() {
    constexpr std::string_view file = "pyproject.toml";
    const auto text = contents(file);
    if (!text) return false;
    if (broken_) return true;
    toml::table root;
    try {
      root = toml::parse(*text, file);
    } catch (const toml::parse_error& error) {
      const auto& begin = error.source().begin;
      give_up(file, {begin.line, begin.column},
              fmt::format("cannot parse {}: {}", file, error.description()));
      return true;
    }
    const toml::table* options = root["tool"]["pytest"]["ini_options"].as_table();
    if (options == nullptr) return false;
    config_.origin = file;
    for (std::string_view option : kOptions) read_toml_option(*options, option);
    return true;
  }

  /// Read `option` of `[tool.pytest.ini_options]`: a string or an array of strings.
  void read_toml_option(const toml::table& options, std::string_view option) {
    const toml::node* node = options.get(option);
    if (node == nullptr) return;
    const auto& begin = node->source().begin;
    const SourceLocation location{begin.line, begin.column};
    if (const auto* text = node->as_string()) {
      return set_option(config_, option, words(text->get()), "pyproject.toml", location);
    }
    std::vector<std::string> values;
    const toml::array* array = node->as_array();
    for (std::size_t i = 0; array != nullptr && i < array->size(); ++i) {
      const auto* text = array->get(i)->as_string();
      if (text == nullptr) break;
      values.push_back(text->get());
    }
    if (array != nullptr && values.size() == array->size()) {
      return set_option(config_, option, std::move(values), "pyproject.toml", location);
    }
    config_.diagnostics.push_back(problem(
        "pyproject.toml", location,
        fmt::format("`{}` in [tool.pytest.ini_options] is not a string or an array of strings",
                    option)));
  }

  fs::path root_;
  PytestConfig config_;
  bool broken_ = false;
};

}  // namespace

PytestConfig read_pytest_config(const std::filesystem::path& root) {
  return ConfigReader(root).read();
}

}  // namespace testtier
