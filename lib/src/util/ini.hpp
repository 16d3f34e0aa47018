// Reading INI files the way pytest's iniconfig does (pytest.ini, tox.ini, setup.cfg).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace testtier {

/// One `name = value` (or `name: value`); continuation lines are joined to it with '\n'.
struct IniValue {
  std::string text;
  std::uint32_t line = 0;  ///< 1-based line of the name
};

/// One `[section]` and its values by name.
struct IniSection {
  std::string name;
  std::uint32_t line = 0;
  std::map<std::string, IniValue, std::less<>> values;
};

/// A parsed INI file, or where and why it could not be parsed.
struct IniFile {
  std::vector<IniSection> sections;  ///< in file order
  std::string error;                 ///< empty when the file parsed
  std::uint32_t error_line = 0;

  /// Return the section `name`, or nullptr.
  [[nodiscard]] const IniSection* section(std::string_view name) const;
};

/// Parse `text` as iniconfig does: `#` and `;` start comment lines (not inline comments), a
/// value's name is split off at the first '=' (else at ": "), indented lines continue the last
/// value, and a value outside any section or a repeated section or name is an error.
IniFile parse_ini(std::string_view text);

}  // namespace testtier
