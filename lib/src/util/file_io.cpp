#include "util/file_io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

#include <fmt/format.h>

namespace testtier {
namespace {

/// Close a file descriptor on scope exit.
struct FdCloser {
  int fd;
  ~FdCloser() {
    if (fd >= 0) ::close(fd);
  }
};

std::string errno_text(int error) { return std::strerror(error); }

/// Read `fd` to its end into `out`. Return 0 or an errno value.
int read_all(int fd, std::string& out) {
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) return 0;
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    out.append(buffer, static_cast<std::size_t>(n));
  }
}

}  // namespace

FileRead read_file(const std::filesystem::path& file, std::uintmax_t max_bytes) {
  FileRead result;
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    result.error = errno_text(errno);
    return result;
  }
  FdCloser closer{fd};
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    result.error = errno_text(errno);
    return result;
  }
  if (!S_ISREG(info.st_mode)) {
    result.error = "not a regular file";
    return result;
  }
  const auto size = static_cast<std::uintmax_t>(info.st_size);
  if (size > max_bytes) {
    result.error = fmt::format("file is {} bytes, over the limit of {} bytes", size, max_bytes);
    return result;
  }
  result.bytes.reserve(size);
  if (const int error = read_all(fd, result.bytes); error != 0) {
    result.error = errno_text(error);
    result.bytes.clear();
    return result;
  }
  if (result.bytes.size() > max_bytes) {  // grew while being read
    result.error = fmt::format("file grew over the limit of {} bytes while read", max_bytes);
    result.bytes.clear();
    return result;
  }
  result.ok = true;
  return result;
}

std::string write_file_atomically(const std::filesystem::path& file, std::string_view contents) {
  const auto directory = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
  std::random_device entropy;
  const auto temp = directory / fmt::format(".{}.tmp{:08x}", file.filename().string(), entropy());
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return fmt::format("cannot write {}: {}", file.string(), errno_text(errno));
  std::size_t written = 0;
  int error = 0;
  while (written < contents.size()) {
    const ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = errno;
      break;
    }
    written += static_cast<std::size_t>(n);
  }
  if (error == 0 && ::fsync(fd) != 0) error = errno;
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error == 0 && std::rename(temp.c_str(), file.c_str()) != 0) error = errno;
  if (error != 0) {
    ::unlink(temp.c_str());
    return fmt::format("cannot write {}: {}", file.string(), errno_text(error));
  }
  return {};
}

}  // namespace testtier
