#include "rung/store/sqlite/backup.hpp"

#include <cerrno>
#include <cstring>
#include <system_error>

#include <fmt/format.h>
#include <sqlite3.h>
#include <unistd.h>

#include "rung/core/fs.hpp"

namespace rung::store::sqlite {

namespace {

tl::unexpected<Error> backup_error(const std::filesystem::path& to, std::string_view why) {
  return fail(ErrorKind::internal, "store.backup",
              fmt::format("cannot back up to {}: {}", to.string(), why));
}

Result<void> copy_pages(Connection& source, Connection& target, const std::filesystem::path& to) {
  sqlite3_backup* backup = sqlite3_backup_init(target.handle(), "main", source.handle(), "main");
  if (backup == nullptr) {
    return backup_error(to, sqlite3_errmsg(target.handle()));
  }
  // All pages in one step: one read transaction on the source, which in WAL mode does not
  // hold up writers, and gives a copy of exactly one committed state.
  const int stepped = sqlite3_backup_step(backup, -1);
  const int finished = sqlite3_backup_finish(backup);
  if (stepped != SQLITE_DONE) {
    return backup_error(to, sqlite3_errstr(stepped));
  }
  if (finished != SQLITE_OK) {
    return backup_error(to, sqlite3_errmsg(target.handle()));
  }
  return {};
}

Result<void> write_copy(Connection& source, const std::filesystem::path& temp,
                        const std::filesystem::path& to) {
  auto target = Connection::open(temp, OpenMode::read_write_create);
  if (!target) {
    return backup_error(to, target.error().message);
  }
  RUNG_TRY(copy_pages(source, **target, to));
  // A stand-alone copy: one file, no -wal beside it.
  return (*target)->exec("PRAGMA journal_mode = DELETE");
}

}  // namespace

Result<void> backup_database(Connection& source, const std::filesystem::path& to) {
  std::error_code ec;
  if (std::filesystem::exists(to, ec) || std::filesystem::is_symlink(to, ec)) {
    return fail(ErrorKind::conflict, "store.backup", fmt::format("{} already exists", to.string()),
                {}, "rung backup never overwrites a file; choose a new name");
  }
  auto temp = to;
  temp += fmt::format(".tmp-{}", ::getpid());
  std::filesystem::remove(temp, ec);
  auto written = write_copy(source, temp, to);
  if (!written) {
    std::filesystem::remove(temp, ec);
    return written;
  }
  // Never replaces a file that appeared meanwhile, on file systems with or without hard links.
  auto published = publish_new_file(temp, to);
  if (!published) {
    return published.error().code == "file.exists"
               ? fail(ErrorKind::conflict, "store.backup",
                      fmt::format("{} already exists", to.string()), {},
                      "rung backup never overwrites a file; choose a new name")
               : backup_error(to, published.error().message);
  }
  return {};
}

}  // namespace rung::store::sqlite
