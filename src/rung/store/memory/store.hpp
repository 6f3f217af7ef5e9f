#pragma once

#include <memory>

#include "rung/store/store.hpp"

namespace rung::store::memory {

// A store in memory, for unit tests and dry runs: the same rules as the SQLite store (unique
// emails and logins, existing managers, all-or-nothing writes), nothing on disk. backup() is
// refused with "store.backup".
std::unique_ptr<Store> make_store();

}  // namespace rung::store::memory
