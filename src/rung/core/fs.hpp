#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "rung/core/error.hpp"

namespace rung {

struct ReadOptions {
  std::size_t max_bytes = 16 * 1024 * 1024;  // larger files are refused (error "file.too-large")
};

// Reads a whole file. Errors: "file.not-found", "file.unreadable", "file.too-large",
// "file.not-regular" (a directory, a device).
Result<std::string> read_file(const std::filesystem::path& path, const ReadOptions& options = {});

// Writes `content` to `path` all-or-nothing: into a temporary file beside it, flushed, then
// renamed over the target. On failure nothing is left behind and the target is unchanged.
// Error: "file.unwritable".
Result<void> write_file_atomic(const std::filesystem::path& path, std::string_view content);

// For content that a library writes to a file name of its own (a workbook): creates an empty
// temporary file beside `path` (so that an unwritable directory fails here, with the system's
// reason), calls `fill` with its name, then renames it over `path`. When `fill` fails or the
// rename does, the temporary is removed, the target is unchanged, and the error is returned
// ("file.unwritable": "cannot write 'PATH': ..." for the file system's part; fill's own error
// otherwise).
Result<void> write_via_temporary(
    const std::filesystem::path& path,
    const std::function<Result<void>(const std::filesystem::path& temporary)>& fill);

// How publish_new_file puts a file in place, in the order it tries them.
enum class PublishWay {
  hard_link,         // link() then unlink(): the usual way, everywhere hard links exist
  rename_noreplace,  // renameat2(RENAME_NOREPLACE): for file systems without hard links
  exclusive_rename,  // create the name with O_EXCL, then rename() over that placeholder
};

// Moves the complete file `from` to the new name `to` without ever replacing a file that
// exists there (even one that appeared a moment ago): "file.exists" (ErrorKind::conflict)
// when `to` exists, and `from` is removed either way. Starts with `first` (tests start
// later); when a way is not supported by the file system (FAT, exFAT, some network and FUSE
// file systems have no hard links, some no RENAME_NOREPLACE), the next one is tried. Other
// failures: "file.unwritable" naming `to`.
Result<void> publish_new_file(const std::filesystem::path& from, const std::filesystem::path& to,
                              PublishWay first = PublishWay::hard_link);

}  // namespace rung
