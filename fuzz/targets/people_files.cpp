// What people upload: an HRIS CSV export and a ratings file.
#include <string_view>

#include "rung/assess/ratings_text.hpp"
#include "rung/builtin/builtin.hpp"
#include "rung/people/csv.hpp"
#include "rung/people/import.hpp"

#include "../targets.hpp"

namespace rung::fuzz {

// A CSV that reads is planned as an import against the built-in ladder and nobody stored.
void hris_csv(const std::uint8_t* data, std::size_t size) {
  auto table = people::read_csv(as_text(data, size), "fuzz.csv");
  if (!table) {
    check(!table.error().empty(), "a refused CSV says why");
    return;
  }
  const people::ImportPlan plan =
      people::plan_import(builtin::engineering_ladder(), {}, std::move(*table));
  (void)plan;
}

// Ratings that read are written back and read again to the same ratings.
void ratings_text(const std::uint8_t* data, std::size_t size) {
  const model::Ladder& ladder = builtin::engineering_ladder();
  auto ratings = assess::parse_ratings(as_text(data, size), "fuzz.txt", ladder);
  if (!ratings) {
    check(!ratings.error().empty(), "refused ratings say why");
    return;
  }
  auto again = assess::parse_ratings(assess::ratings_to_text(*ratings), "again.txt", ladder);
  check(again.has_value() && *again == *ratings, "ratings survive their text round trip");
}

}  // namespace rung::fuzz
