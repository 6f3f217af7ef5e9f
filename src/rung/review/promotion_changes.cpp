// Promotion cases: writing, submitting, reviewing, deciding and publishing (docs/promotions.md).
#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/core/utc.hpp"
#include "rung/people/person_json.hpp"
#include "rung/review/promotion_frame.hpp"
#include "rung/review/rules.hpp"
#include "rung/review/service.hpp"

namespace rung::review {

std::string case_subject(store::Id id) {
  return fmt::format("promotion:{}", id);
}

Result<void> check_case_text(std::string_view text, std::size_t limit, std::string_view what) {
  if (text.size() > limit) {
    return fail(ErrorKind::too_large, "review.text-too-large",
                fmt::format("{} is {} bytes; the limit is {}", what, text.size(), limit), {},
                "link to longer documents instead of pasting them");
  }
  if (find_invalid_utf8(text)) {
    return fail("review.bad-text", fmt::format("{} is not UTF-8 text", what));
  }
  return {};
}

SaveResult<store::PromotionCase> change_case(store::Store& store, const auth::Viewer& viewer,
                                             const CaseChange& change, const CaseCheck& check,
                                             const CaseEdit& edit) {
  std::optional<Conflict> conflict;
  store::PromotionCase saved;
  auto done = store.write([&](store::Writer& w) -> Result<void> {
    RUNG_TRY_ASSIGN(const auto current, find_case(w, change.id));
    RUNG_TRY_ASSIGN(const bool may_read, may_read_case(w, viewer, current));
    if (!may_read) {
      return not_found(fmt::format("no promotion case with id {}", change.id));
    }
    RUNG_TRY(check(w, current));
    if (current.version != change.expected_version) {
      conflict = Conflict{current.version, change.expected_version, "", std::nullopt, ""};
      return fail(ErrorKind::conflict, "review.conflict",
                  "someone else changed this promotion case since you opened it; your change was "
                  "not saved",
                  {}, "reload the case to see what changed, then try again");
    }
    saved = current;
    saved.version = current.version + 1;
    saved.updated_at = change.now;
    RUNG_TRY(edit(w, saved));
    RUNG_TRY(w.update_promotion_case(saved));
    return w
        .append_audit(audit_entry(viewer, change.now, change.action, case_subject(saved.id),
                                  promotion_case_json(current), promotion_case_json(saved)))
        .map([](store::Id) {});
  });
  if (!done) {
    return tl::unexpected(SaveError{done.error(), std::move(conflict)});
  }
  return saved;
}

namespace {

using store::CaseStatus;

tl::unexpected<Error> wrong_status(const store::PromotionCase& c, std::string_view wanted) {
  if (c.status == CaseStatus::decided) {
    return fail(ErrorKind::conflict, "review.case-decided",
                "this promotion case is decided: it cannot change");
  }
  return fail(ErrorKind::conflict, "review.case-state",
              fmt::format("this promotion case is {}; this needs it {}", store::to_string(c.status),
                          wanted));
}

Result<void> require_admin_for(const auth::Viewer& viewer, std::string_view what) {
  if (!viewer.admin()) {
    return forbidden(fmt::format("only admins {}, not {}", what, viewer.account.login));
  }
  return {};
}

bool is_date(std::string_view text) {
  return text.size() == 10 && parse_utc(text).has_value();
}

}  // namespace

SaveResult<store::PromotionCase> Service::edit_case(const auth::Viewer& viewer, store::Id id,
                                                    std::int64_t expected_version,
                                                    std::string_view text) {
  if (auto ok = check_case_text(text, m_options.max_case_bytes, "the case"); !ok) {
    return tl::unexpected(SaveError{ok.error(), std::nullopt});
  }
  return change_case(
      m_store, viewer, CaseChange{id, expected_version, "promotion.edit", now()},
      [&](store::Reader& r, const store::PromotionCase& c) -> Result<void> {
        RUNG_TRY(require_case_writer(r, viewer, c.person));
        if (c.status != CaseStatus::draft && c.status != CaseStatus::submitted) {
          if (c.status == CaseStatus::decided) {
            return wrong_status(c, "");
          }
          return fail(ErrorKind::conflict, "review.case-locked",
                      "this promotion case is in review: its text is locked");
        }
        return {};
      },
      [&](store::Writer&, store::PromotionCase& next) -> Result<void> {
        next.manager_case = std::string(text);
        return {};
      });
}

SaveResult<store::PromotionCase> Service::write_statement(const auth::Viewer& viewer, store::Id id,
                                                          std::int64_t expected_version,
                                                          std::string_view text) {
  if (auto ok = check_case_text(text, m_options.max_case_bytes, "the statement"); !ok) {
    return tl::unexpected(SaveError{ok.error(), std::nullopt});
  }
  return change_case(
      m_store, viewer, CaseChange{id, expected_version, "promotion.statement", now()},
      [&](store::Reader&, const store::PromotionCase& c) -> Result<void> {
        if (!is_self(viewer, c.person)) {
          return forbidden("only the person the case is about writes their own statement");
        }
        if (c.status == CaseStatus::decided) {
          return wrong_status(c, "");
        }
        return {};
      },
      [&](store::Writer&, store::PromotionCase& next) -> Result<void> {
        next.statement = std::string(text);
        return {};
      });
}

SaveResult<store::PromotionCase> Service::submit_case(const auth::Viewer& viewer, store::Id id,
                                                      std::int64_t expected_version) {
  return change_case(
      m_store, viewer, CaseChange{id, expected_version, "promotion.submit", now()},
      [&](store::Reader& r, const store::PromotionCase& c) -> Result<void> {
        RUNG_TRY(require_case_writer(r, viewer, c.person));
        if (c.status != CaseStatus::draft) {
          return wrong_status(c, "a draft");
        }
        if (trim(c.manager_case).empty()) {
          return fail("review.case-empty", "Write the case before submitting it.");
        }
        return {};
      },
      [&](store::Writer&, store::PromotionCase& next) -> Result<void> {
        next.status = CaseStatus::submitted;
        return {};
      });
}

SaveResult<store::PromotionCase> Service::start_case_review(const auth::Viewer& viewer,
                                                            store::Id id,
                                                            std::int64_t expected_version) {
  return change_case(
      m_store, viewer, CaseChange{id, expected_version, "promotion.review", now()},
      [&](store::Reader&, const store::PromotionCase& c) -> Result<void> {
        RUNG_TRY(require_admin_for(viewer, "move promotion cases to review"));
        if (c.status != CaseStatus::submitted) {
          return wrong_status(c, "submitted");
        }
        return {};
      },
      [&](store::Writer&, store::PromotionCase& next) -> Result<void> {
        next.status = CaseStatus::in_review;
        return {};
      });
}

SaveResult<store::PromotionCase> Service::decide_case(const auth::Viewer& viewer, store::Id id,
                                                      std::int64_t expected_version,
                                                      const Decision& decision) {
  auto bad = [](Error error) { return tl::unexpected(SaveError{std::move(error), std::nullopt}); };
  if (auto ok = check_case_text(decision.rationale, m_options.max_case_bytes, "the rationale");
      !ok) {
    return bad(ok.error());
  }
  if (trim(decision.rationale).empty()) {
    return bad(fail("review.bad-decision", "a decision needs a rationale").value());
  }
  const bool approved = decision.outcome == store::CaseOutcome::approved;
  if (approved && !is_date(decision.effective_date)) {
    return bad(fail("review.bad-decision",
                    fmt::format("an approval needs an effective date YYYY-MM-DD, not '{}'",
                                decision.effective_date))
                   .value());
  }
  const store::Millis at = now();
  return change_case(
      m_store, viewer, CaseChange{id, expected_version, "promotion.decide", at},
      [&](store::Reader&, const store::PromotionCase& c) -> Result<void> {
        RUNG_TRY(require_admin_for(viewer, "decide promotion cases"));
        if (c.status != CaseStatus::submitted && c.status != CaseStatus::in_review) {
          return wrong_status(c, "submitted or in review");
        }
        return {};
      },
      [&](store::Writer&, store::PromotionCase& next) -> Result<void> {
        next.status = CaseStatus::decided;
        next.outcome = decision.outcome;
        next.rationale = decision.rationale;
        next.decided_by = viewer.account.id;
        next.decided_at = at;
        next.effective_date = approved ? decision.effective_date : "";
        return {};
      });
}

namespace {

// Publishes one decided case inside a write: the case, and for an approval the person's new
// track and level, each with its audit entry. Returns whether the person was promoted.
Result<bool> publish_one(store::Writer& w, const auth::Viewer& viewer, store::Millis at,
                         const store::PromotionCase& c, store::PromotionCase& published) {
  published = c;
  published.published = true;
  published.published_at = at;
  published.version = c.version + 1;
  published.updated_at = at;
  RUNG_TRY(w.update_promotion_case(published));
  RUNG_TRY(w.append_audit(audit_entry(viewer, at, "promotion.publish", case_subject(c.id),
                                      promotion_case_json(c), promotion_case_json(published))));
  if (c.outcome != store::CaseOutcome::approved) {
    return false;
  }
  RUNG_TRY_ASSIGN(const auto person, find_person(w, c.person));
  store::Person promoted = person;
  promoted.track = c.target_track;
  promoted.level = c.target_level;
  RUNG_TRY(w.update_person(promoted));
  auto entry = audit_entry(viewer, at, "person.promote", fmt::format("person:{}", person.id),
                           nullptr, nullptr);
  entry.before = people::person_json(person);
  entry.after = people::person_json(promoted);
  RUNG_TRY(w.append_audit(entry));
  return true;
}

}  // namespace

Result<Published> Service::publish_cycle(const auth::Viewer& viewer, store::Id cycle) {
  RUNG_TRY(require_admin_for(viewer, "publish promotion decisions"));
  Published out;
  const store::Millis at = now();
  RUNG_TRY(m_store.write([&](store::Writer& w) -> Result<void> {
    out = {};
    RUNG_TRY_ASSIGN(const auto found, w.cycle(cycle));
    if (!found) {
      return not_found(fmt::format("no review cycle with id {}", cycle));
    }
    RUNG_TRY_ASSIGN(const auto cases, w.promotion_cases_in_cycle(cycle));
    for (const auto& c : cases) {
      if (c.status != CaseStatus::decided || c.published) {
        continue;
      }
      store::PromotionCase published;
      RUNG_TRY_ASSIGN(const bool promoted, publish_one(w, viewer, at, c, published));
      out.promoted += promoted ? 1 : 0;
      out.cases.push_back(std::move(published));
    }
    return {};
  }));
  return out;
}

Result<Published> Service::publish_case(const auth::Viewer& viewer, store::Id id,
                                        std::int64_t expected_version) {
  RUNG_TRY(require_admin_for(viewer, "publish promotion decisions"));
  Published out;
  const store::Millis at = now();
  RUNG_TRY(m_store.write([&](store::Writer& w) -> Result<void> {
    out = {};
    RUNG_TRY_ASSIGN(const auto c, find_case(w, id));
    if (c.cycle) {
      return fail(ErrorKind::conflict, "review.case-in-cycle",
                  "this promotion case belongs to a review cycle: its decisions are published "
                  "together",
                  {}, "publish the cycle's decisions");
    }
    if (c.status != CaseStatus::decided) {
      return wrong_status(c, "decided");
    }
    if (c.published) {
      return fail(ErrorKind::conflict, "review.case-published",
                  "this promotion case is already published");
    }
    if (c.version != expected_version) {
      return fail(ErrorKind::conflict, "review.conflict",
                  "someone else changed this promotion case since you opened it; it was not "
                  "published",
                  {}, "reload the case to see what changed, then publish again");
    }
    store::PromotionCase published;
    RUNG_TRY_ASSIGN(const bool promoted, publish_one(w, viewer, at, c, published));
    out.promoted = promoted ? 1 : 0;
    out.cases.push_back(std::move(published));
    return {};
  }));
  return out;
}

}  // namespace rung::review
