#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "rung/auth/viewer.hpp"
#include "rung/review/records.hpp"
#include "rung/store/store.hpp"

// The frame every change to a promotion case goes through (internal to rung::review), as
// draft_save.hpp is for assessments: one write that finds the case, runs `check` (who may,
// which status), compares versions, applies `change` to a copy with the version bumped and
// updated_at set, stores it and appends the audit entry `action` with the case before and
// after. Any error rolls the whole write back.
namespace rung::review {

// "promotion:ID", the audit subject of a case.
std::string case_subject(store::Id id);

// A case's text (the manager's case, the statement, a rationale): UTF-8 and at most `limit`
// bytes ("review.bad-text", "review.text-too-large"). `what` names it in the message.
Result<void> check_case_text(std::string_view text, std::size_t limit, std::string_view what);

struct CaseChange {
  store::Id id = 0;
  std::int64_t expected_version = 0;
  std::string action;  // the audit action, "promotion.edit"
  store::Millis now = 0;
};

using CaseCheck =
    std::function<Result<void>(store::Reader& reader, const store::PromotionCase& current)>;
using CaseEdit = std::function<Result<void>(store::Writer& writer, store::PromotionCase& next)>;

SaveResult<store::PromotionCase> change_case(store::Store& store, const auth::Viewer& viewer,
                                             const CaseChange& change, const CaseCheck& check,
                                             const CaseEdit& edit);

}  // namespace rung::review
