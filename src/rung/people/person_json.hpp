#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rung/store/store.hpp"

namespace rung::people {

// A person as one line of JSON, for audit entries and the API: {"id":12,"name":"...",
// "email":"...","manager":3 (or null),"track":"swe","level":"swe-3","start_date":"2021-04-01"
// (or ""),"status":"active"}. Keys in that order.
std::string person_json(const store::Person& person);

// A fingerprint of a list of people (every field, in the given order): equal lists give equal
// fingerprints; a change anywhere changes it (as far as a 64-bit hash can tell).
std::uint64_t fingerprint(const std::vector<store::Person>& people);

}  // namespace rung::people
