#include "rung/core/fs.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <system_error>

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

namespace rung {

namespace fs = std::filesystem;

Result<std::string> read_file(const fs::path& path, const ReadOptions& options) {
  const Location where{path.string()};
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    return fail(ErrorKind::not_found, "file.not-found",
                fmt::format("cannot open '{}': no such file", path.string()), where);
  }
  if (!fs::is_regular_file(status)) {
    return fail("file.not-regular",
                fmt::format("cannot read '{}': not a regular file", path.string()), where);
  }
  auto size = fs::file_size(path, ec);
  if (!ec && size > options.max_bytes) {
    return fail(ErrorKind::too_large, "file.too-large",
                fmt::format("'{}' is {} bytes; the limit is {} bytes", path.string(), size,
                            options.max_bytes),
                where, "a ladder file is normally well under 1 MB; is this the right file?");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return fail(ErrorKind::internal, "file.unreadable",
                fmt::format("cannot open '{}': {}", path.string(), std::strerror(errno)), where);
  }
  std::string content;
  content.resize(static_cast<std::size_t>(size));
  in.read(content.data(), static_cast<std::streamsize>(content.size()));
  if (static_cast<std::size_t>(in.gcount()) != content.size()) {
    return fail(ErrorKind::internal, "file.unreadable",
                fmt::format("cannot read all of '{}'", path.string()), where);
  }
  return content;
}

namespace {

std::string temporary_name(const fs::path& target) {
  std::random_device device;
  return fmt::format("{}.tmp-{:08x}", target.string(), device());
}

Error unwritable(const fs::path& path, int error_number) {
  return Error{"file.unwritable",
               fmt::format("cannot write '{}': {}", path.string(), std::strerror(error_number)),
               Location{path.string()},
               {},
               ErrorKind::internal};
}

// A directory as the target would otherwise fail only at the rename, and with "Not a directory"
// when the path ends in '/', after a temporary file was made inside it.
Result<void> check_target(const fs::path& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    return tl::unexpected(unwritable(path, EISDIR));
  }
  return {};
}

}  // namespace

Result<void> write_file_atomic(const fs::path& path, std::string_view content) {
  const Location where{path.string()};
  RUNG_TRY(check_target(path));
  const std::string tmp = temporary_name(path);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    return fail(ErrorKind::internal, "file.unwritable",
                fmt::format("cannot write '{}': {}", path.string(), std::strerror(errno)), where);
  }
  std::size_t written = 0;
  while (written < content.size()) {
    ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      int saved = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      return fail(ErrorKind::internal, "file.unwritable",
                  fmt::format("cannot write '{}': {}", path.string(), std::strerror(saved)), where);
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    int saved = errno;
    ::unlink(tmp.c_str());
    return fail(ErrorKind::internal, "file.unwritable",
                fmt::format("cannot write '{}': {}", path.string(), std::strerror(saved)), where);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int saved = errno;
    ::unlink(tmp.c_str());
    return fail(ErrorKind::internal, "file.unwritable",
                fmt::format("cannot write '{}': {}", path.string(), std::strerror(saved)), where);
  }
  return {};
}

Result<void> write_via_temporary(
    const fs::path& path, const std::function<Result<void>(const fs::path& temporary)>& fill) {
  RUNG_TRY(check_target(path));
  const std::string tmp = temporary_name(path);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    return tl::unexpected(unwritable(path, errno));
  }
  if (::close(fd) != 0) {
    int saved = errno;
    ::unlink(tmp.c_str());
    return tl::unexpected(unwritable(path, saved));
  }
  Result<void> filled = fill(tmp);
  if (!filled) {
    ::unlink(tmp.c_str());
    return filled;
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int saved = errno;
    ::unlink(tmp.c_str());
    return tl::unexpected(unwritable(path, saved));
  }
  return {};
}

namespace {

// Whether errno says "this file system cannot do that" rather than a real failure.
bool unsupported(int error_number) {
  return error_number == EPERM || error_number == ENOTSUP || error_number == EOPNOTSUPP ||
         error_number == ENOSYS || error_number == EINVAL;
}

// One way of publishing: 0 on success, else the errno.
int publish_once(PublishWay way, const fs::path& from, const fs::path& to) {
  switch (way) {
    case PublishWay::hard_link:
      return ::link(from.c_str(), to.c_str()) == 0 ? 0 : errno;
    case PublishWay::rename_noreplace:
      return ::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0
                 ? 0
                 : errno;
    case PublishWay::exclusive_rename: {
      const int fd = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd < 0) {
        return errno;
      }
      ::close(fd);
      if (::rename(from.c_str(), to.c_str()) != 0) {
        const int saved = errno;
        ::unlink(to.c_str());
        return saved;
      }
      return 0;
    }
  }
  return EINVAL;
}

}  // namespace

Result<void> publish_new_file(const fs::path& from, const fs::path& to, PublishWay first) {
  int error_number = EINVAL;
  for (int way = static_cast<int>(first); way <= static_cast<int>(PublishWay::exclusive_rename);
       ++way) {
    error_number = publish_once(static_cast<PublishWay>(way), from, to);
    if (error_number == 0 || !unsupported(error_number)) {
      break;
    }
  }
  ::unlink(from.c_str());  // after link(): the second name; after a rename: already gone
  if (error_number == EEXIST) {
    return fail(ErrorKind::conflict, "file.exists", fmt::format("{} already exists", to.string()),
                Location{to.string()});
  }
  if (error_number != 0) {
    return tl::unexpected(unwritable(to, error_number));
  }
  return {};
}

}  // namespace rung
