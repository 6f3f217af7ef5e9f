#pragma once

#include <string>
#include <vector>

#include "rung/core/error.hpp"
#include "rung/model/ladder.hpp"
#include "rung/store/store.hpp"

namespace rung::people {

// The active people whose level (or track) the ladder does not have, in the order given. A
// ladder that leaves anyone here must not be put in use: `rung serve` refuses to start with
// it, listing them (see describe_missing_levels). People who have left do not count.
std::vector<store::Person> people_on_missing_levels(const model::Ladder& ladder,
                                                    const std::vector<store::Person>& people);

// One line per person: "Ada Lovelace <ada@example.com>: level 'swe-9' is not in the ladder"
// (or "level 'swe-3' is not in track 'sre'").
std::vector<std::string> describe_missing_levels(const model::Ladder& ladder,
                                                 const std::vector<store::Person>& missing);

// Error "serve.missing-levels", listing them, when the ladder has no level that someone in
// `store` holds: a ladder that would leave their pages without a level is not put in use, at
// start or on reload.
Result<void> check_held_levels(const model::Ladder& ladder, store::Store& store);

}  // namespace rung::people
