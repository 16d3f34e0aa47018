#include "testtier/glob.hpp"

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <memory>
#include <utility>
#include <vector>

namespace testtier {
namespace {

/// One element of a compiled segment.
struct Atom {
  enum class Kind : unsigned char { literal, any_char, any_run, char_class };
  Kind kind = Kind::literal;
  bool negated = false;                               ///< for char_class
  std::vector<std::pair<char32_t, char32_t>> ranges;  ///< code points, for literal and char_class
};

/// One '/'-separated part of a compiled pattern: `**`, or atoms that together match one segment.
struct Segment {
  bool any_segments = false;  ///< `**`
  std::vector<Atom> atoms;
};

/// One brace-free alternative of a pattern, compiled.
struct Alternative {
  std::vector<Segment> segments;  ///< basename-only patterns start with `**`
  bool ends_below = false;        ///< the pattern ends with `/**`
};

constexpr std::size_t npos = std::string_view::npos;

struct CodePoint {
  char32_t value = 0;
  std::size_t size = 1;  ///< bytes
};

// Decode the UTF-8 code point at `at`. A malformed byte decodes as itself, one byte long, so that
// any input still matches byte for byte rather than failing.
CodePoint decode(std::string_view text, std::size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  const std::size_t size = lead < 0x80            ? 1
                           : (lead >> 5) == 0x6   ? 2
                           : (lead >> 4) == 0xE   ? 3
                           : (lead >> 3) == 0x1E  ? 4
                                                  : 0;
  if (size == 0 || at + size > text.size()) return {lead, 1};
  char32_t value = size == 1 ? lead : (lead & (0x7Fu >> size));
  for (std::size_t i = 1; i < size; ++i) {
    const auto next = static_cast<unsigned char>(text[at + i]);
    if ((next >> 6) != 0x2) return {lead, 1};
    value = (value << 6) | (next & 0x3Fu);
  }
  return {value, size};
}

[[noreturn]] void fail(std::string_view pattern, std::string_view problem) {
  throw std::invalid_argument("invalid glob '" + std::string(pattern) + "': " +
                              std::string(problem));
}

// Match `n_tokens` tokens against `n_units` units, where star tokens match any run of units and
// every other token matches one unit. On a mismatch only the latest star is retried, one unit
// further: an earlier star never needs to grow, because whatever it would swallow the later star
// can swallow too. So each (token, unit) pair is tried at most once, where plain backtracking is
// exponential in the number of stars.
//   `match_one(t, u)` returns the unit after the one token `t` matched at `u`, or npos;
//   `next(u)` returns the unit after `u`.
template <class IsStar, class MatchOne, class Next>
bool greedy_match(std::size_t n_tokens, std::size_t n_units, IsStar is_star, MatchOne match_one,
                  Next next) {
  std::size_t t = 0;
  std::size_t u = 0;
  std::size_t star = npos;
  std::size_t star_unit = 0;
  while (u < n_units) {
    if (t < n_tokens && is_star(t)) {
      star = t++;
      star_unit = u;
      continue;
    }
    const std::size_t after = t < n_tokens ? match_one(t, u) : npos;
    if (after != npos) {
      ++t;
      u = after;
    } else if (star != npos) {
      t = star + 1;
      u = star_unit = next(star_unit);
    } else {
      return false;
    }
  }
  while (t < n_tokens && is_star(t)) ++t;
  return t == n_tokens;
}

// Parse the class whose '[' is at `segment[at]` into `atom`; return the offset after its ']'.
std::size_t parse_class(std::string_view pattern, std::string_view segment, std::size_t at,
                        Atom& atom) {
  std::size_t i = at + 1;
  atom.negated = i < segment.size() && (segment[i] == '!' || segment[i] == '^');
  if (atom.negated) ++i;
  const std::size_t first = i;  // a ']' here is a member, not the end
  while (i < segment.size() && (segment[i] != ']' || i == first)) {
    const CodePoint low = decode(segment, i);
    i += low.size;
    char32_t high = low.value;
    if (i + 1 < segment.size() && segment[i] == '-' && segment[i + 1] != ']') {
      const CodePoint upper = decode(segment, i + 1);
      i += 1 + upper.size;
      high = upper.value;
      if (high < low.value) fail(pattern, "reversed range in '[...]'");
    }
    atom.ranges.emplace_back(low.value, high);
  }
  if (i >= segment.size()) fail(pattern, "unclosed '[' (a class cannot contain '/')");
  return i + 1;
}

Segment compile_segment(std::string_view pattern, std::string_view text) {
  Segment segment;
  if (text == "**") {
    segment.any_segments = true;
    return segment;
  }
  for (std::size_t i = 0; i < text.size();) {
    Atom& atom = segment.atoms.emplace_back();
    if (text[i] == '*') {
      // `**` inside a segment is a plain `*`; one star per run also keeps matching linear.
      atom.kind = Atom::Kind::any_run;
      while (i < text.size() && text[i] == '*') ++i;
    } else if (text[i] == '?') {
      atom.kind = Atom::Kind::any_char;
      ++i;
    } else if (text[i] == '[') {
      atom.kind = Atom::Kind::char_class;
      i = parse_class(pattern, text, i, atom);
    } else {
      const CodePoint c = decode(text, i);
      atom.ranges.emplace_back(c.value, c.value);
      i += c.size;
    }
  }
  return segment;
}

bool atom_matches(const Atom& atom, char32_t c) {
  if (atom.kind == Atom::Kind::any_char) return true;
  const bool in = std::any_of(atom.ranges.begin(), atom.ranges.end(),
                              [c](const auto& range) { return range.first <= c && c <= range.second; });
  return in != atom.negated;
}

bool segment_matches(const Segment& segment, std::string_view text) {
  const auto& atoms = segment.atoms;
  return greedy_match(
      atoms.size(), text.size(),
      [&](std::size_t t) { return atoms[t].kind == Atom::Kind::any_run; },
      [&](std::size_t t, std::size_t u) {
        const CodePoint c = decode(text, u);
        return atom_matches(atoms[t], c.value) ? u + c.size : npos;
      },
      [&](std::size_t u) { return u + decode(text, u).size; });
}

// Split `text` at '/', dropping empty parts (leading, trailing and repeated slashes).
std::vector<std::string_view> split(std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('/', start), text.size());
    if (end > start) parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

std::string_view strip_dot_slash(std::string_view path) {
  while (path.starts_with("./")) path.remove_prefix(2);
  return path;
}

/// Brace alternatives beyond this many are refused rather than expanded.
constexpr std::size_t kMaxAlternatives = 256;

// Return the offset after the class whose '[' is at `text[at]`, or `at + 1` when it is not
// closed (compile_segment reports that): braces and commas inside a class are literal.
std::size_t skip_class(std::string_view text, std::size_t at) {
  std::size_t i = at + 1;
  if (i < text.size() && (text[i] == '!' || text[i] == '^')) ++i;
  if (i < text.size() && text[i] == ']') ++i;
  while (i < text.size() && text[i] != ']' && text[i] != '/') ++i;
  return i < text.size() && text[i] == ']' ? i + 1 : at + 1;
}

// Return the offset of the '}' closing the '{' at `text[open]`, or npos.
std::size_t closing_brace(std::string_view text, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < text.size();) {
    if (text[i] == '[') {
      i = skip_class(text, i);
      continue;
    }
    if (text[i] == '{') ++depth;
    if (text[i] == '}' && --depth == 0) return i;
    ++i;
  }
  return npos;
}

// Split the inside of a brace group at its top-level commas.
std::vector<std::string_view> alternatives_of(std::string_view inside) {
  std::vector<std::string_view> parts;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < inside.size();) {
    if (inside[i] == '[') {
      i = skip_class(inside, i);
      continue;
    }
    if (inside[i] == '{') ++depth;
    if (inside[i] == '}') --depth;
    if (inside[i] == ',' && depth == 0) {
      parts.push_back(inside.substr(start, i - start));
      start = i + 1;
    }
    ++i;
  }
  parts.push_back(inside.substr(start));
  return parts;
}

// Append to `out` every brace-free pattern `text` stands for, prefixed by `prefix`.
void expand_braces(std::string_view pattern, std::string_view text, const std::string& prefix,
                   std::vector<std::string>& out) {
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '[') {
      i = skip_class(text, i);
      continue;
    }
    if (text[i] == '}') fail(pattern, "'}' without a '{' before it");
    if (text[i] != '{') {
      ++i;
      continue;
    }
    const std::size_t close = closing_brace(text, i);
    if (close == npos) fail(pattern, "unclosed '{'");
    const std::string head = prefix + std::string(text.substr(0, i));
    const std::string_view rest = text.substr(close + 1);
    for (const std::string_view choice : alternatives_of(text.substr(i + 1, close - i - 1))) {
      std::vector<std::string> heads;
      expand_braces(pattern, choice, head, heads);
      for (const std::string& each : heads) {
        expand_braces(pattern, rest, each, out);
        if (out.size() > kMaxAlternatives) fail(pattern, "more than 256 alternatives once braces are expanded");
      }
    }
    return;
  }
  out.push_back(prefix + std::string(text));
}

Alternative compile_alternative(std::string_view pattern, std::string_view body) {
  Alternative compiled;
  std::vector<Segment>& segments = compiled.segments;
  const bool anchored = body.starts_with("./") || body.starts_with('/');
  const std::vector<std::string_view> parts = split(strip_dot_slash(body));
  if (parts.empty()) fail(pattern, "empty pattern");
  if (!anchored && parts.size() == 1 && parts[0] != "**") {
    segments.push_back(Segment{.any_segments = true, .atoms = {}});  // a base name, at any depth
  }
  for (const std::string_view part : parts) segments.push_back(compile_segment(pattern, part));
  if (segments.back().any_segments) {
    // A trailing `**` needs one segment at least: `a/**` is everything below `a`, not `a`.
    compiled.ends_below = true;
    Segment one;
    one.atoms.push_back(Atom{.kind = Atom::Kind::any_run, .negated = false, .ranges = {}});
    segments.insert(segments.end() - 1, std::move(one));
  }
  return compiled;
}

bool alternative_matches(const Alternative& alternative, const std::vector<std::string_view>& parts) {
  const std::vector<Segment>& segments = alternative.segments;
  return greedy_match(
      segments.size(), parts.size(),
      [&](std::size_t t) { return segments[t].any_segments; },
      [&](std::size_t t, std::size_t u) {
        return segment_matches(segments[t], parts[u]) ? u + 1 : npos;
      },
      [](std::size_t u) { return u + 1; });
}

}  // namespace

struct Glob::Compiled {
  std::vector<Alternative> alternatives;  ///< at least one
};

Glob::Glob(std::string pattern) : pattern_(std::move(pattern)) {
  std::vector<std::string> expanded;
  expand_braces(pattern_, pattern_, "", expanded);
  auto compiled = std::make_shared<Compiled>();
  for (const std::string& body : expanded) compiled->alternatives.push_back(compile_alternative(pattern_, body));
  compiled_ = std::move(compiled);
}

bool Glob::matches(std::string_view path) const {
  const std::vector<std::string_view> parts = split(strip_dot_slash(path));
  const std::vector<Alternative>& alternatives = compiled_->alternatives;
  return std::any_of(alternatives.begin(), alternatives.end(),
                     [&](const auto& alternative) { return alternative_matches(alternative, parts); });
}

bool Glob::matches_everything_below(std::string_view dir) const {
  // A pattern ending with `/*/**` matches everything below `dir` when what comes before them
  // matches `dir` or one of its ancestors; any one name below `dir` shows whether it does.
  std::vector<std::string_view> parts = split(strip_dot_slash(dir));
  parts.emplace_back("x");
  const std::vector<Alternative>& alternatives = compiled_->alternatives;
  return std::any_of(alternatives.begin(), alternatives.end(), [&](const auto& alternative) {
    return alternative.ends_below && alternative_matches(alternative, parts);
  });
}

}  // namespace testtier
