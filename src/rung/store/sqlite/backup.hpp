#pragma once

#include <filesystem>

#include "rung/core/error.hpp"
#include "rung/store/sqlite/connection.hpp"

namespace rung::store::sqlite {

// Copies the database of `source` into a new file `to` with SQLite's online backup API, in one
// read transaction (so writers on other connections carry on, and the copy is one committed
// state). Writes a temporary file beside `to` and moves it into place only when complete
// (core/fs.hpp publish_new_file: works without hard links too); refuses a `to` that exists. Error
// "store.backup" naming the file.
Result<void> backup_database(Connection& source, const std::filesystem::path& to);

}  // namespace rung::store::sqlite
