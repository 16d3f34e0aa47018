// The primitives of the caches' binary encodings: varints for integers, length-prefixed strings,
// counts before lists. A Reader never reads past its input and fails as a whole on any overrun,
// and never builds more than a bounded multiple of its input: a file with a valid checksum but
// forged counts (or a list of copies of one long item) fails instead of exhausting memory.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "testtier/diagnostic.hpp"

namespace testtier::cache {

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  void number(std::uint64_t value) {
    while (value >= 0x80) {
      out_.push_back(static_cast<char>(value | 0x80));
      value >>= 7;
    }
    out_.push_back(static_cast<char>(value));
  }
  void text(std::string_view value) {
    number(value.size());
    out_.append(value);
  }
  void location(const SourceLocation& at) {
    number(at.line);
    number(at.column);
  }
  template <typename Item, typename Encode>
  void list(const std::vector<Item>& items, Encode&& encode) {
    number(items.size());
    for (const Item& item : items) encode(item);
  }
  void strings(const std::vector<std::string>& values) {
    list(values, [&](const std::string& value) { text(value); });
  }
  /// A whole diagnostic, path included.
  void diagnostic(const Diagnostic& d) {
    text(d.path);
    location(d.location);
    number(static_cast<std::uint64_t>(d.severity));
    text(d.code);
    text(d.message);
  }

 private:
  std::string& out_;
};

class Reader {
 public:
  /// Real caches decode to a few times their size (a test's reasons are indexes into its file's,
  /// decoded as copies); far more than this means the counts are forged.
  static constexpr std::uint64_t kBytesPerInputByte = 32;
  static constexpr std::uint64_t kBytesAtLeast = 64u << 20;

  explicit Reader(std::string_view& in) : in_(in), budget_(kBytesAtLeast + kBytesPerInputByte * in.size()) {}

  bool ok() const { return ok_; }

  /// Count `bytes` of decoded memory against the budget; fail when it is spent. Return ok().
  bool charge(std::uint64_t bytes) {
    if (bytes > budget_) return fail(), false;
    budget_ -= bytes;
    return ok_;
  }

  std::uint64_t number() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (in_.empty()) return fail();
      const auto byte = static_cast<std::uint8_t>(in_.front());
      in_.remove_prefix(1);
      value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    return fail();
  }
  std::uint32_t small() { return static_cast<std::uint32_t>(number()); }
  bool flag() { return number() != 0; }
  std::string text() {
    const std::uint64_t size = number();
    if (!ok_ || size > in_.size() || !charge(size)) return fail(), std::string();
    std::string value(in_.substr(0, size));
    in_.remove_prefix(size);
    return value;
  }
  SourceLocation location() {
    SourceLocation at;
    at.line = small();
    at.column = small();
    return at;
  }
  template <typename Item, typename Decode>
  void list(std::vector<Item>& items, Decode&& decode) {
    const std::uint64_t count = number();
    // Each item takes a byte at least, and its memory is charged before it is made.
    if (!ok_ || count > in_.size() || !charge(count * sizeof(Item))) return static_cast<void>(fail());
    items.resize(count);
    for (Item& item : items) {
      if (!ok_) return;
      decode(item);
    }
  }
  void strings(std::vector<std::string>& values) {
    list(values, [&](std::string& value) { value = text(); });
  }
  void diagnostic(Diagnostic& d) {
    d.path = text();
    d.location = location();
    const std::uint64_t severity = number();
    if (severity > static_cast<std::uint64_t>(Severity::error)) return static_cast<void>(fail());
    d.severity = static_cast<Severity>(severity);
    d.code = text();
    d.message = text();
  }
  std::uint64_t fail() {
    ok_ = false;
    in_ = {};
    return 0;
  }

 private:
  std::string_view& in_;
  std::uint64_t budget_;
  bool ok_ = true;
};

}  // namespace testtier::cache
