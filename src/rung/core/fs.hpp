#pragma once

#include <cstddef>
#include <filesystem>
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

}  // namespace rung
