// Glob patterns over '/'-separated relative paths, as in rules files and pytest configuration.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace testtier {

/// A compiled glob pattern.
///   `*` matches any run of characters except '/', `?` one character except '/',
///   `[abc]`, `[a-z]`, `[!abc]` a character class, `**` as a whole segment any number of segments
///   (`a/**/b` matches `a/b` and `a/x/y/b`; a trailing `/**` matches everything below).
///   `{a,b}` matches either alternative, as in ruff's and git's globs (`tests/{unit,api}/**`;
///   alternatives may hold '/', other globs and nested braces; `{a,}` allows "a" or nothing).
///   A pattern without '/' matches the last segment (the base name) at any depth, as pytest's
///   `python_files` does; a leading "./" or "/" anchors it at the root. With braces, this holds
///   for each alternative once expanded: `{a,b/c}.py` is `a.py` at any depth or `b/c.py`.
/// Details, where fnmatch and gitignore differ or say nothing:
///   - `**` inside a segment (`a**b`) is two `*`, so it does not cross '/';
///   - a trailing `/**` needs at least one segment: `a/**` matches `a/x` but not `a` itself;
///   - a trailing '/' is dropped ("build/" is "build"), and so are repeated '/';
///   - `[^abc]` negates like `[!abc]`; `]` first in a class and `-` first or last are literal;
///     a class cannot contain '/'; there are no backslash escapes (write `[*]` for a literal `*`);
///   - characters are UTF-8 code points; matching is case-sensitive.
/// Matching takes time proportional to pattern length × path length at worst, whatever the pattern.
class Glob {
 public:
  /// Compile `pattern`; throw std::invalid_argument naming the pattern and the problem (empty
  /// pattern, unclosed '[', reversed range, unclosed '{' or unopened '}', more than 256
  /// alternatives once braces are expanded).
  explicit Glob(std::string pattern);

  /// Return whether `path` matches.
  [[nodiscard]] bool matches(std::string_view path) const;

  /// Return whether every path below the directory `dir` matches (so a walk may prune it).
  /// Answer false when unsure: only a pattern ending in `/**` (or `**` alone) ever says true,
  /// though `**/*` for one also matches everything.
  [[nodiscard]] bool matches_everything_below(std::string_view dir) const;

  [[nodiscard]] const std::string& pattern() const { return pattern_; }

 private:
  struct Compiled;  ///< one compiled alternative per brace expansion: in glob.cpp, not the API
  std::string pattern_;
  std::shared_ptr<const Compiled> compiled_;  ///< shared by copies: it never changes
};

}  // namespace testtier
