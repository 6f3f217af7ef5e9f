#include "rung/cli/data_store.hpp"

#include <system_error>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "rung/store/postgres/store.hpp"
#include "rung/store/postgres/uri.hpp"
#include "rung/store/sqlite/store.hpp"

namespace rung::cli {

namespace {

Result<void> prepare_data_dir(const std::string& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error || !std::filesystem::is_directory(dir)) {
    return fail(ErrorKind::internal, "store.data-dir",
                fmt::format("cannot use '{}' as the data directory: {}", dir,
                            error ? error.message() : "not a directory"),
                {}, "pass --data with a directory rung may create and write");
  }
  return {};
}

}  // namespace

void add_data_option(CLI::App& sub, std::string& where) {
  if (where.empty()) {
    where = k_default_data_dir;
  }
  auto* data =
      sub.add_option("--data", where, "Data directory; the database is DIR/rung.db (created)")
          ->option_text("DIR")
          ->capture_default_str()
          ->check(
              [](const std::string& value) {
                return is_database_uri(value) ? std::string(
                                                    "--data takes a directory; pass a database "
                                                    "URI with --database")
                                              : std::string();
              },
              "DIR");
  auto* database =
      sub.add_option("--database", where,
                     "PostgreSQL database instead of --data (docs/store.md): "
                     "postgresql://USER@HOST/DB, or postgresql:///DB?host=/run/postgresql")
          ->option_text("URI")
          ->check(
              [](const std::string& value) {
                return is_database_uri(value)
                           ? std::string()
                           : std::string("--database takes a URI starting with postgresql://");
              },
              "URI");
  data->excludes(database);
}

bool is_database_uri(std::string_view where) {
  return store::postgres::is_postgres_uri(where);
}

bool data_store_exists(const std::string& where) {
  return is_database_uri(where) || std::filesystem::exists(data_store_file(where));
}

std::filesystem::path data_store_file(const std::string& data_dir) {
  return std::filesystem::path(data_dir) / "rung.db";
}

Result<std::unique_ptr<store::Store>> open_data_store(const std::string& data_dir,
                                                      StoreAccess access, store::sqlite::Sync sync,
                                                      std::chrono::milliseconds busy_timeout) {
  if (is_database_uri(data_dir)) {
    store::postgres::Options options;
    options.read_only = access != StoreAccess::read_write;
    options.any_schema = access == StoreAccess::copy_only;
    return store::postgres::open_store(data_dir, options);
  }
  store::sqlite::Options options;
  options.sync = sync;
  options.busy_timeout = busy_timeout;
  options.read_only = access != StoreAccess::read_write;
  options.any_schema = access == StoreAccess::copy_only;
  if (!options.read_only) {
    RUNG_TRY(prepare_data_dir(data_dir));
  }
  auto opened = store::sqlite::open_store(data_store_file(data_dir), options);
  if (!opened && options.read_only && opened.error().kind == ErrorKind::not_found) {
    opened.error().hint = "pass --data DIR with the data directory of `rung serve`";
  }
  if (!opened && opened.error().code == "store.old-schema") {
    opened.error().hint = fmt::format(
        "upgrade it first with `rung upgrade --data {}` (which keeps a copy of it as it was), "
        "then run this again",
        data_dir);
  }
  return opened;
}

}  // namespace rung::cli
