// A fresh directory under the system's temporary directory for rules tests, removed with
// everything in it.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>
#include <system_error>

namespace testtier::test {

class TempDir {
 public:
  TempDir() {
    std::random_device random;
    const std::filesystem::path base = std::filesystem::temp_directory_path();
    do {
      root_ = base / ("testtier-rules-" + std::to_string(random()) + std::to_string(random()));
    } while (!std::filesystem::create_directory(root_));
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(root_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  [[nodiscard]] const std::filesystem::path& root() const { return root_; }

  /// Write `text` to the file `rel` below the root; return its path.
  std::filesystem::path write(const std::string& rel, std::string_view text) const {
    const std::filesystem::path path = root_ / rel;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

 private:
  std::filesystem::path root_;
};

}  // namespace testtier::test
