#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "rung/core/error.hpp"
#include "rung/store/postgres/connection.hpp"
#include "rung/store/review_records.hpp"

// Reading the rows of a query into values, shared by the ConnectionWriter source files.
namespace rung::store::postgres {

// A statement's text from its shared head (the columns) and its own tail.
inline std::string sql(std::string_view head, std::string_view tail) {
  return fmt::format("{}{}", head, tail);
}

// A BIGINT column that may be NULL.
inline std::optional<Id> optional_int(Statement& row, int index) {
  return row.column_null(index) ? std::nullopt : std::optional<Id>(row.column_int(index));
}

// Every row of `query`, each turned into a T by `read(Statement&)`.
template <class T, class Read>
Result<std::vector<T>> all_rows(Query& query, Read read) {
  std::vector<T> out;
  while (true) {
    RUNG_TRY_ASSIGN(const bool row, query->step());
    if (!row) {
      return out;
    }
    out.push_back(read(*query));
  }
}

// The first row of `query` as a T, or nullopt when there is none.
template <class T, class Read>
Result<std::optional<T>> one_row(Query& query, Read read) {
  RUNG_TRY_ASSIGN(const bool row, query->step());
  if (!row) {
    return std::nullopt;
  }
  return read(*query);
}

}  // namespace rung::store::postgres
