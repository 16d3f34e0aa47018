#include "util/file_io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
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

/// Return what `mode` says a file is ("" when unusual), for a message that refuses anything but a regular file.
std::string_view kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  return {};
}

/// Read `fd` to its end (or to just past `limit` bytes) into `out`, straight into its buffer, which
/// starts at `expected` bytes (the size fstat gave). Return 0 or an errno value.
int read_all(int fd, std::size_t expected, std::uintmax_t limit, std::string& out) {
  out.resize(std::max<std::size_t>(expected + 1, 4096));  // one byte more: the read that sees the end
  std::size_t used = 0;
  for (;;) {
    if (used == out.size()) out.resize(out.size() * 2);
    const ssize_t n = ::read(fd, out.data() + used, out.size() - used);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int error = n < 0 ? errno : 0;
      out.resize(used);
      return error;
    }
    used += static_cast<std::size_t>(n);
    if (used > limit) {
      out.resize(used);
      return 0;
    }
  }
}

}  // namespace

bool read_file_into(const std::filesystem::path& file, std::uintmax_t max_bytes, FileRead& into) {
  into.ok = false;
  into.bytes.clear();
  into.error.clear();
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer for ever. It is
  // refused below; for a regular file the flag changes nothing.
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    into.error = errno_text(errno);
    return false;
  }
  FdCloser closer{fd};
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    into.error = errno_text(errno);
    return false;
  }
  if (!S_ISREG(info.st_mode)) {
    const std::string_view kind = kind_of(info.st_mode);
    into.error = kind.empty() ? std::string("not a regular file") : fmt::format("{}, not a regular file", kind);
    return false;
  }
  const auto size = static_cast<std::uintmax_t>(info.st_size);
  if (size > max_bytes) {
    into.error = fmt::format("file is {} bytes, over the limit of {} bytes", size, max_bytes);
    return false;
  }
  if (const int error = read_all(fd, static_cast<std::size_t>(size), max_bytes, into.bytes); error != 0) {
    into.error = errno_text(error);
    into.bytes.clear();
    return false;
  }
  if (into.bytes.size() > max_bytes) {  // grew while being read
    into.error = fmt::format("file grew over the limit of {} bytes while read", max_bytes);
    into.bytes.clear();
    return false;
  }
  into.ok = true;
  return true;
}

FileRead read_file(const std::filesystem::path& file, std::uintmax_t max_bytes) {
  FileRead result;
  read_file_into(file, max_bytes, result);
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
