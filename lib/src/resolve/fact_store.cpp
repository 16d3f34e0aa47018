#include "resolve/fact_store.hpp"

#include <algorithm>

namespace testtier::resolve {

FactStore::FactStore(std::filesystem::path root, const ModuleIndex& modules, ParseOptions options,
                     unsigned threads)
    : root_(std::move(root)), modules_(modules), options_(options), threads_(threads) {}

const FileFacts* FactStore::get(std::string_view path) const {
  const auto found = parsed_.find(std::string(path));
  if (found != parsed_.end()) return found->second.get();
  request(path);
  return nullptr;
}

void FactStore::request(std::string_view path) const {
  if (!parsed_.contains(std::string(path))) requested_.emplace(path);
}

std::size_t FactStore::parse_requested() {
  std::vector<std::string> paths(requested_.begin(), requested_.end());
  requested_.clear();
  std::sort(paths.begin(), paths.end());  // a deterministic order for the parse stage
  std::vector<ParseRequest> requests;
  requests.reserve(paths.size());
  for (const std::string& path : paths) {
    requests.push_back({root_ / path, path, modules_.module_of(path)});
  }
  std::vector<FileFacts> facts = parse_files(requests, options_, threads_);
  for (FileFacts& file : facts) {
    std::string path = file.path;
    parsed_.emplace(std::move(path), std::make_unique<FileFacts>(std::move(file)));
  }
  return facts.size();
}

}  // namespace testtier::resolve
