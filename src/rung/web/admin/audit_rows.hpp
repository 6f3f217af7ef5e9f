#pragma once

#include <vector>

#include "rung/core/json.hpp"
#include "rung/store/store.hpp"
#include "rung/web/shell/resources.hpp"

// The audit log as people read it: who (by name), what (a person, an account, a cycle... by
// name, never "person:12"), when (render/dates.hpp) and each change as "field: before → after"
// instead of the JSON the store keeps. Private to web/admin/.
namespace rung::web {

// One row per entry, in the given order: {at, actor, action, subject, changes: [{text}]}.
// Reads people, accounts and cycles once for all the entries.
Json audit_rows(const Resources& resources, const std::vector<store::AuditEntry>& entries);

}  // namespace rung::web
