// One file, facts-vN.bin: a magic string, the format version and the library version, the entries
// (path, module, hash, size, encoded facts), and an xxh64 of all that to catch corruption.
#include "cache/facts_cache.hpp"

#include <fmt/format.h>

#include "cache/cache_files.hpp"
#include "cache/facts_codec.hpp"
#include "testtier/version.hpp"

namespace testtier::cache {
namespace {

constexpr std::string_view kMagic = "TESTTIER-FACTS\n";
constexpr std::uint32_t kFormatVersion = 4;

std::string cache_file_name() { return fmt::format("facts-v{}.bin", kFormatVersion); }

void put_number(std::string& out, std::uint64_t value) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>(value >> (8 * i)));
}
void put_text(std::string& out, std::string_view text) {
  put_number(out, text.size());
  out.append(text);
}

/// Reads what put_number/put_text wrote; any overrun marks the whole read as failed.
struct Cursor {
  std::string_view in;
  bool ok = true;

  std::uint64_t number() {
    if (in.size() < 8) return ok = false, 0;
    std::uint64_t value = 0;
    for (int i = 0; i < 8; ++i) value |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(in[i])) << (8 * i);
    in.remove_prefix(8);
    return value;
  }
  std::string_view text() {
    const std::uint64_t size = number();
    if (!ok || size > in.size()) return ok = false, std::string_view{};
    const std::string_view value = in.substr(0, size);
    in.remove_prefix(size);
    return value;
  }
};

std::string header() {
  std::string out(kMagic);
  put_number(out, kFormatVersion);
  put_text(out, version());
  return out;
}

}  // namespace

FactsCache::FactsCache(std::filesystem::path directory) : directory_(std::move(directory)) { load(); }

void FactsCache::load() {
  const std::optional<std::string> contents = read_checked(directory_ / cache_file_name());
  const std::string expected_header = header();
  if (!contents || !contents->starts_with(expected_header)) return;
  const std::string_view body = *contents;
  Cursor cursor{body.substr(expected_header.size())};
  const std::uint64_t count = cursor.number();
  std::map<std::string, Entry> loaded;
  for (std::uint64_t i = 0; i < count && cursor.ok; ++i) {
    const std::string path(cursor.text());
    Entry entry;
    entry.module = std::string(cursor.text());
    entry.hash = cursor.number();
    entry.size = cursor.number();
    entry.encoded = std::string(cursor.text());
    loaded.emplace(path, std::move(entry));
  }
  if (cursor.ok && cursor.in.empty()) entries_ = std::move(loaded);
}

std::optional<FileFacts> FactsCache::find(const std::string& path, const std::string& module, std::uint64_t hash,
                                          std::uint64_t size) const {
  const auto found = entries_.find(path);
  if (found == entries_.end()) return std::nullopt;
  const Entry& entry = found->second;
  if (entry.module != module || entry.hash != hash || entry.size != size) return std::nullopt;
  FileFacts facts;
  facts.path = path;
  std::string_view in = entry.encoded;
  if (!decode_facts(in, facts) || !in.empty()) return std::nullopt;
  return facts;
}

void FactsCache::store(const FileFacts& facts) {
  Entry entry;
  entry.module = facts.module;
  entry.hash = facts.content_hash;
  entry.size = facts.size;
  encode_facts(facts, entry.encoded);
  entries_[facts.path] = std::move(entry);
  changed_ = true;
}

void FactsCache::retain_only(const std::vector<std::string>& keep) {
  std::map<std::string, Entry> kept;
  for (const std::string& path : keep) {
    if (auto found = entries_.extract(path)) kept.insert(std::move(found));
  }
  if (!entries_.empty()) changed_ = true;
  entries_ = std::move(kept);
}

std::string FactsCache::save() {
  if (!changed_) return {};
  std::string out = header();
  put_number(out, entries_.size());
  for (const auto& [path, entry] : entries_) {
    put_text(out, path);
    put_text(out, entry.module);
    put_number(out, entry.hash);
    put_number(out, entry.size);
    put_text(out, entry.encoded);
  }
  std::string problem = write_checked(directory_ / cache_file_name(), std::move(out));
  if (problem.empty()) changed_ = false;
  return problem;
}

}  // namespace testtier::cache
