#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "rung/auth/viewer.hpp"
#include "rung/review/records.hpp"
#include "rung/store/store.hpp"

// The frame every change to a draft goes through (internal to rung::review): one write that
// finds the assessment, checks that the viewer wrote it and may still write it, that it is a
// draft in no closed cycle and not locked by a calibration session that is discussing its
// person (rules.hpp check_not_calibrating), runs `validate`, compares versions, then applies
// `change` to a copy with the version bumped and stores it. Any error rolls the whole write back.
namespace rung::review {

struct DraftSave {
  store::Id assessment = 0;
  std::int64_t expected_version = 0;
  std::string statement;   // for a Conflict ("" for submit)
  std::string sent_scale;  // for a Conflict ("" unless a rating)
  store::Millis now = 0;
};

using DraftCheck = std::function<Result<void>(const store::Assessment& current)>;
// `next` arrives with version + 1 and updated_at = now; `change` may change it further.
using DraftChange = std::function<Result<void>(
    store::Writer& writer, const store::Assessment& current, store::Assessment& next)>;

SaveResult<store::Assessment> save_draft(store::Store& store, const auth::Viewer& viewer,
                                         const DraftSave& save, const DraftCheck& validate,
                                         const DraftChange& change);

}  // namespace rung::review
