#include "resolve/fact_store.hpp"

#include <algorithm>

#include "parse/parse_files.hpp"

namespace testtier::resolve {

FactStore::FactStore(std::filesystem::path root, const ModuleIndex& modules, ParseOptions options,
                     unsigned threads, cache::FactsCache* cache)
    : root_(std::move(root)), modules_(modules), options_(options), threads_(threads), cache_(cache) {}

const FileFacts* FactStore::get(std::string_view path) const {
  std::string key(path);
  const auto found = parsed_.find(key);
  if (found != parsed_.end()) return found->second.get();
  if (!on_demand_ || on_demand_bytes_left_ == 0) {
    request(path);
    return nullptr;
  }
  parse_paths({key}, 1);
  ++parsed_on_demand_;
  const FileFacts* facts = parsed_.at(key).get();
  on_demand_bytes_left_ -= std::min<std::uint64_t>(on_demand_bytes_left_, facts->size);
  return facts;
}

void FactStore::request(std::string_view path) const {
  if (parsed_.contains(std::string(path))) return;
  const std::lock_guard lock(requested_mutex_);
  requested_.emplace(path);
}

std::size_t FactStore::parse_requested() {
  std::vector<std::string> paths;
  {
    const std::lock_guard lock(requested_mutex_);
    paths.assign(requested_.begin(), requested_.end());
    requested_.clear();
  }
  std::sort(paths.begin(), paths.end());  // a deterministic order for the parse stage
  parse_paths(paths, threads_);
  return paths.size();
}

void FactStore::parse_paths(const std::vector<std::string>& paths, unsigned threads) const {
  std::vector<ParseRequest> requests;
  requests.reserve(paths.size());
  for (const std::string& path : paths) {
    requests.push_back({root_ / path, path, modules_.module_of(path)});
  }
  parse::SavedFacts saved;
  if (cache_ != nullptr) {
    saved = [this](const ParseRequest& request, std::uint64_t hash, std::uint64_t size) {
      return cache_->find(request.path, request.module, hash, size);
    };
  }
  std::vector<bool> from_cache;
  std::vector<FileFacts> facts = parse::parse_files_cached(requests, options_, threads, saved, from_cache, &timings_);
  for (std::size_t i = 0; i < facts.size(); ++i) {
    if (from_cache[i]) {
      ++cached_files_;
    } else if (cache_ != nullptr) {
      cache_->store(facts[i]);
    }
    std::string path = facts[i].path;
    parsed_.emplace(std::move(path), std::make_unique<FileFacts>(std::move(facts[i])));
  }
}

}  // namespace testtier::resolve
