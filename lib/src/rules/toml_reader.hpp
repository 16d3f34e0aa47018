// Typed reading of a parsed rules table: every problem becomes a RulesError that names the file,
// the position and the dotted key (internal to the rules stage).
#pragma once

#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "testtier/rules.hpp"

namespace testtier::rules {

/// A string out of a TOML array, with where it was written.
struct Item {
  std::string text;
  SourceLocation location;
};

/// Return where `node` starts, or line 0 when toml++ does not know.
SourceLocation location_of(const toml::node& node);

/// Return where `key` is written, else where `value` starts.
SourceLocation location_of(const toml::key& key, const toml::node& value);

/// Return the texts of `items`.
std::vector<std::string> texts(const std::vector<Item>& items);

/// Reads values out of the tables of one rules file. Keys passed in are dotted paths inside the
/// rules (`project.exclude`, `signal[2].needs`); `prefix` is put before them in errors and
/// messages (`tool.testtier.` for a pyproject.toml).
class TomlReader {
 public:
  TomlReader(std::string origin, std::string prefix);

  [[nodiscard]] const std::string& origin() const { return origin_; }

  /// Return `key` as the user wrote it: with the prefix.
  [[nodiscard]] std::string dotted(std::string_view key) const;

  /// Return how the table `key` reads in a message: "[project]", "the top level".
  [[nodiscard]] std::string section(std::string_view key) const;

  /// Throw a RulesError at `location` about `key`.
  [[noreturn]] void fail(SourceLocation location, std::string_view key,
                         const std::string& message) const;

  /// Record a problem at `location` about `key` and go on reading: after reading it all, the
  /// file is refused with every problem found (throw_problems).
  void report(SourceLocation location, std::string_view key, const std::string& message) const;

  /// Run `read`; when it throws a RulesError, record its problems and return false. Each part
  /// of a rules file that can be read on its own is read this way, so that one run reports the
  /// problems of every part.
  template <typename Read>
  bool recover(Read read) const {
    try {
      read();
      return true;
    } catch (const RulesError& error) {
      problems_.insert(problems_.end(), error.problems().begin(), error.problems().end());
      return false;
    }
  }

  /// Return whether a problem has been recorded.
  [[nodiscard]] bool has_problems() const { return !problems_.empty(); }

  /// Throw a RulesError with every problem recorded, in file order, when there is any.
  void throw_problems() const;

  /// Throw a RulesError with a problem for each key of the table `key` that is not in `allowed`.
  void check_keys(const toml::table& table, std::string_view key, std::span<const std::string_view> allowed) const;
  void check_keys(const toml::table& table, std::string_view key,
                  std::initializer_list<std::string_view> allowed) const {
    check_keys(table, key, std::span(allowed.begin(), allowed.size()));
  }

  /// Return the table `name` of `parent` (`key` is its dotted path), nullptr when absent; throw
  /// when it is something else.
  [[nodiscard]] const toml::table* table(const toml::table& parent, std::string_view name,
                                         std::string_view key) const;

  /// Return the array of tables `name` of `parent`, nullptr when absent; throw when it is
  /// something else.
  [[nodiscard]] const toml::array* tables(const toml::table& parent, std::string_view name,
                                          std::string_view key) const;

  /// Return the non-empty strings of the array `name`, nullopt when absent; throw on other types.
  [[nodiscard]] std::optional<std::vector<Item>> strings(const toml::table& parent,
                                                         std::string_view name,
                                                         std::string_view key) const;

  /// Return the non-empty string `name`, nullopt when absent; throw on other types.
  [[nodiscard]] std::optional<Item> string(const toml::table& parent, std::string_view name,
                                           std::string_view key) const;

  /// Return the boolean `name`, nullopt when absent; throw on other types.
  [[nodiscard]] std::optional<bool> boolean(const toml::table& parent, std::string_view name,
                                            std::string_view key) const;

  /// Return the integers of the array `name`, nullopt when absent; throw on other types.
  [[nodiscard]] std::optional<std::vector<std::int64_t>> integers(const toml::table& parent,
                                                                  std::string_view name,
                                                                  std::string_view key) const;

  /// Return the number (integer or float) `name`, nullopt when absent; throw on other types.
  [[nodiscard]] std::optional<double> number(const toml::table& parent, std::string_view name,
                                             std::string_view key) const;

 private:
  std::string origin_;
  std::string prefix_;
  mutable std::vector<RulesProblem> problems_;
};

}  // namespace testtier::rules
