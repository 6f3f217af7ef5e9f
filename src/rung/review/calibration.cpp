// Calibration sessions: creating one and reading sessions (docs/calibration.md).
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/review/cycle_ratings.hpp"
#include "rung/review/frozen.hpp"
#include "rung/review/rules.hpp"
#include "rung/review/service.hpp"

namespace rung::review {

namespace {

tl::unexpected<Error> bad_session(std::string message, std::string hint = {}) {
  return fail("review.bad-session", std::move(message), {}, std::move(hint));
}

Result<store::Id> account_id(store::Reader& reader, std::string_view login, std::string_view as) {
  RUNG_TRY_ASSIGN(const auto account, reader.account_by_login(ascii_lower(trim(login))));
  if (!account) {
    return bad_session(fmt::format("no account signs in as '{}' (the {})", trim(login), as),
                       "name people by the email they sign in with");
  }
  return account->id;
}

Result<void> check_guideline(const model::Ladder& ladder,
                             const std::vector<store::GuidelineShare>& shares) {
  if (shares.empty()) {
    return {};
  }
  std::set<std::string> seen;
  int total = 0;
  for (const auto& share : shares) {
    if (ladder.find_level(share.level) == nullptr) {
      return fail(
          "review.bad-guideline",
          fmt::format("the guideline names '{}', which is not a level of the ladder", share.level));
    }
    if (!seen.insert(share.level).second) {
      return fail("review.bad-guideline", fmt::format("the guideline names {} twice", share.level));
    }
    if (share.percent < 0 || share.percent > 100) {
      return fail("review.bad-guideline", fmt::format("{}% for {} is not a share between 0 and 100",
                                                      share.percent, share.level));
    }
    total += share.percent;
  }
  if (total != 100) {
    return fail("review.bad-guideline",
                fmt::format("the guideline's shares add up to {}%, not 100%", total), {},
                "adjust the shares, or leave the guideline out");
  }
  return {};
}

Result<void> check_scope(store::Reader& reader, const model::Ladder& ladder,
                         const SessionRequest& request) {
  switch (request.scope) {
    case store::ScopeKind::subtree: {
      if (!request.scope_person) {
        return bad_session("a session over a team needs the person at its top");
      }
      RUNG_TRY(find_person(reader, *request.scope_person));
      return {};
    }
    case store::ScopeKind::track:
      if (ladder.find_track(request.scope_track) == nullptr) {
        return bad_session(fmt::format("the ladder has no track '{}'", request.scope_track));
      }
      return {};
    case store::ScopeKind::levels:
      if (request.scope_levels.empty()) {
        return bad_session("a session over a band of levels needs at least one level");
      }
      for (const auto& level : request.scope_levels) {
        if (ladder.find_level(level) == nullptr) {
          return bad_session(fmt::format("the ladder has no level '{}'", level));
        }
      }
      return {};
  }
  return {};
}

// The session's people, by grade, level, then name.
Result<std::vector<store::Person>> people_of(store::Reader& reader, const model::Ladder& ladder,
                                             const store::CalibrationSession& session,
                                             const store::ReviewCycle& cycle) {
  RUNG_TRY_ASSIGN(const auto everyone, reader.people());
  std::vector<store::Person> out;
  for (const auto& person : everyone) {
    RUNG_TRY_ASSIGN(const bool in, in_session(reader, session, cycle, person));
    if (in) {
      out.push_back(person);
    }
  }
  auto rank = [&](const store::Person& p) {
    const auto* level = ladder.find_level(p.level);
    const auto grade = level ? ladder.grade_index(level->grade) : std::nullopt;
    const auto pos = ladder.level_pos(p.level);
    return std::tuple(grade.value_or(0), pos ? pos->track : 0, pos ? pos->level : 0, p.name);
  };
  std::stable_sort(out.begin(), out.end(),
                   [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
  return out;
}

// What create_session and edit_session check before the store is touched.
Result<std::string> session_name(const SessionRequest& request) {
  std::string name(trim(request.name));
  if (name.empty() || find_invalid_utf8(name) || name.size() > 200) {
    return bad_session("give the session a name (at most 200 bytes)",
                       "for example: Platform, levels 3 to 5");
  }
  return name;
}

// Sets the fields a request names (name, scope, facilitator, calibrators, guideline) on `out`,
// checking the scope and the logins against the store.
Result<void> fill_session(store::Reader& reader, const model::Ladder& ladder,
                          const SessionRequest& request, std::string name,
                          store::CalibrationSession& out) {
  RUNG_TRY(check_scope(reader, ladder, request));
  out.name = std::move(name);
  out.scope = request.scope;
  out.scope_person.reset();
  out.scope_track.clear();
  out.scope_levels.clear();
  if (request.scope == store::ScopeKind::subtree) {
    out.scope_person = request.scope_person;
  } else if (request.scope == store::ScopeKind::track) {
    out.scope_track = request.scope_track;
  } else {
    out.scope_levels = request.scope_levels;
  }
  RUNG_TRY_ASSIGN(out.facilitator, account_id(reader, request.facilitator, "facilitator"));
  out.calibrators.clear();
  for (const auto& login : request.calibrators) {
    if (trim(login).empty()) {
      continue;
    }
    RUNG_TRY_ASSIGN(const store::Id id, account_id(reader, login, "calibrator"));
    if (std::find(out.calibrators.begin(), out.calibrators.end(), id) == out.calibrators.end()) {
      out.calibrators.push_back(id);
    }
  }
  if (out.calibrators.empty()) {
    return bad_session("name at least one calibrator");
  }
  out.guideline = request.guideline;
  return {};
}

// A prepared session, for an admin's edit or delete: "review.forbidden" for anyone else,
// "review.session-state" once the discussion opened, "review.conflict" for a stale version.
Result<store::CalibrationSession> prepared_session(store::Reader& reader,
                                                   const auth::Viewer& viewer, store::Id id,
                                                   std::int64_t expected_version,
                                                   std::string_view what,
                                                   std::optional<Conflict>& conflict) {
  RUNG_TRY_ASSIGN(const auto current, find_session(reader, viewer, id));
  if (!viewer.admin()) {
    return forbidden(
        fmt::format("only admins {} calibration sessions, not {}", what, viewer.account.login));
  }
  if (current.state != store::SessionState::preparing) {
    return fail(ErrorKind::conflict, "review.session-state",
                fmt::format("the calibration session '{}' is {}: its discussion has opened, and "
                            "its decisions are records that stay as they are",
                            current.name, store::to_string(current.state)),
                {}, "a session can be changed or deleted only while it is being prepared");
  }
  if (current.version != expected_version) {
    conflict = Conflict{current.version, expected_version, "", std::nullopt, ""};
    return fail(ErrorKind::conflict, "review.conflict",
                "someone else changed this calibration session since you opened it; your change "
                "was not saved",
                {}, "reload the session to see what changed, then try again");
  }
  return current;
}

}  // namespace

Result<store::CalibrationSession> Service::create_session(const auth::Viewer& viewer,
                                                          const SessionRequest& request) {
  if (!viewer.admin()) {
    return forbidden(
        fmt::format("only admins create calibration sessions, not {}", viewer.account.login));
  }
  RUNG_TRY_ASSIGN(std::string name, session_name(request));
  RUNG_TRY(check_guideline(m_ladder, request.guideline));
  const store::Millis at = now();
  store::CalibrationSession out;
  RUNG_TRY(m_store.write([&](store::Writer& w) -> Result<void> {
    RUNG_TRY_ASSIGN(const auto cycle, w.cycle(request.cycle));
    if (!cycle) {
      return not_found(fmt::format("no review cycle with id {}", request.cycle));
    }
    if (cycle->status == store::CycleStatus::closed) {
      return fail(ErrorKind::conflict, "review.cycle-closed",
                  fmt::format("the review cycle '{}' is closed", cycle->name), {},
                  "calibrate in an open cycle");
    }
    out = store::CalibrationSession{};
    out.cycle = cycle->id;
    RUNG_TRY(fill_session(w, m_ladder, request, name, out));
    out.created_by = viewer.account.id;
    out.created_at = at;
    out.updated_at = at;
    RUNG_TRY_ASSIGN(out.id, w.insert_calibration_session(out));
    return w
        .append_audit(audit_entry(viewer, at, "calibration.create",
                                  fmt::format("calibration:{}", out.id), nullptr,
                                  calibration_session_json(out)))
        .map([](store::Id) {});
  }));
  return out;
}

SaveResult<store::CalibrationSession> Service::edit_session(const auth::Viewer& viewer,
                                                            store::Id id,
                                                            std::int64_t expected_version,
                                                            const SessionRequest& request) {
  auto bad = [](Error error) { return tl::unexpected(SaveError{std::move(error), std::nullopt}); };
  auto name = session_name(request);
  if (!name) {
    return bad(name.error());
  }
  if (auto ok = check_guideline(m_ladder, request.guideline); !ok) {
    return bad(ok.error());
  }
  const store::Millis at = now();
  std::optional<Conflict> conflict;
  store::CalibrationSession saved;
  auto done = m_store.write([&](store::Writer& w) -> Result<void> {
    RUNG_TRY_ASSIGN(const auto current,
                    prepared_session(w, viewer, id, expected_version, "change", conflict));
    saved = current;
    RUNG_TRY(fill_session(w, m_ladder, request, *name, saved));
    saved.version = current.version + 1;
    saved.updated_at = at;
    RUNG_TRY(w.update_calibration_session(saved));
    return w
        .append_audit(
            audit_entry(viewer, at, "calibration.edit", fmt::format("calibration:{}", saved.id),
                        calibration_session_json(current), calibration_session_json(saved)))
        .map([](store::Id) {});
  });
  if (!done) {
    return tl::unexpected(SaveError{done.error(), std::move(conflict)});
  }
  return saved;
}

SaveResult<std::size_t> Service::delete_session(const auth::Viewer& viewer, store::Id id,
                                                std::int64_t expected_version) {
  const store::Millis at = now();
  std::optional<Conflict> conflict;
  std::size_t removed = 0;
  auto done = m_store.write([&](store::Writer& w) -> Result<void> {
    RUNG_TRY_ASSIGN(const auto current,
                    prepared_session(w, viewer, id, expected_version, "delete", conflict));
    RUNG_TRY_ASSIGN(const auto votes, w.pre_votes(id));
    RUNG_TRY_ASSIGN(removed, w.delete_calibration_session(id));
    auto before = calibration_session_json(current);
    before["pre_votes"] = votes.size();
    return w
        .append_audit(audit_entry(viewer, at, "calibration.delete",
                                  fmt::format("calibration:{}", current.id), std::move(before),
                                  nullptr))
        .map([](store::Id) {});
  });
  if (!done) {
    return tl::unexpected(SaveError{done.error(), std::move(conflict)});
  }
  return removed;
}

Result<std::vector<store::CalibrationSession>> Service::sessions_in_cycle(
    const auth::Viewer& viewer, store::Id cycle) {
  RUNG_TRY_ASSIGN(const auto found, m_store.cycle(cycle));
  if (!found) {
    return not_found(fmt::format("no review cycle with id {}", cycle));
  }
  RUNG_TRY_ASSIGN(auto all, m_store.calibration_sessions());
  std::erase_if(all, [&](const store::CalibrationSession& s) {
    return s.cycle != cycle || !may_read_session(viewer, s);
  });
  return all;
}

Result<std::vector<store::CalibrationSession>> Service::my_sessions(const auth::Viewer& viewer) {
  RUNG_TRY_ASSIGN(auto all, m_store.calibration_sessions());
  std::erase_if(all, [&](const store::CalibrationSession& s) {
    return !is_facilitator(viewer, s) && !is_calibrator(viewer, s);
  });
  std::reverse(all.begin(), all.end());
  return all;
}

namespace {

// The outcome of readiness at the level held.
std::string outcome_word(bool ready) {
  return ready ? "meets" : "below";
}

// The person's ratings of `level` in `ladder`, submitted and calibrated.
std::vector<CalibratedRating> rating_rows(const model::Ladder& ladder, const std::string& level_id,
                                          const assess::Ratings& submitted,
                                          const assess::Ratings& calibrated) {
  std::vector<CalibratedRating> out;
  const auto* level = ladder.find_level(level_id);
  if (level == nullptr) {
    return out;
  }
  for (const auto& area : ladder.content_of(*level)) {
    for (const auto& statement : area.statements) {
      auto of = [&](const assess::Ratings& r) {
        auto it = r.find(statement.id);
        return it == r.end() ? std::string() : it->second;
      };
      out.push_back({statement.id, area.area, statement.text, of(submitted), of(calibrated)});
    }
  }
  return out;
}

}  // namespace

Result<SessionView> Service::session(const auth::Viewer& viewer, store::Id id) {
  SessionView view;
  view.min_group = m_options.min_group_people;
  std::optional<Error> failed;
  RUNG_TRY(m_store.read_together([&](store::Reader& r) {
    auto run = [&]() -> Result<void> {
      RUNG_TRY_ASSIGN(view.session, find_session(r, viewer, id));
      const auto& s = view.session;
      RUNG_TRY_ASSIGN(const auto cycle, r.cycle(s.cycle));
      if (!cycle) {
        return not_found(fmt::format("no review cycle with id {}", s.cycle));
      }
      view.cycle = *cycle;
      RUNG_TRY_ASSIGN(const auto facilitator, r.account(s.facilitator));
      view.facilitator = facilitator ? facilitator->login : "";
      for (const store::Id calibrator : s.calibrators) {
        RUNG_TRY_ASSIGN(const auto account, r.account(calibrator));
        view.calibrators.push_back(account ? account->login : "");
      }
      RUNG_TRY_ASSIGN(const auto people, people_of(r, m_ladder, s, *cycle));
      std::vector<store::Id> ids;
      for (const auto& p : people) {
        ids.push_back(p.id);
      }
      RUNG_TRY_ASSIGN(const auto assessments, r.assessments_of_people(ids));
      RUNG_TRY_ASSIGN(const auto cases, r.promotion_cases_of_people(ids));
      RUNG_TRY_ASSIGN(const auto votes, r.pre_votes(s.id));
      RUNG_TRY_ASSIGN(const auto decisions, r.calibration_decisions(s.id));
      view.votes_cast = votes.size();
      view.votes_visible = s.state != store::SessionState::preparing;
      const bool runner = viewer.admin() || is_facilitator(viewer, s);
      const bool calibrator = is_calibrator(viewer, s);
      view.actions.vote = calibrator && s.state == store::SessionState::preparing;
      view.actions.open = runner && s.state == store::SessionState::preparing;
      view.actions.close = runner && s.state == store::SessionState::discussing;
      view.actions.calibrate = view.actions.close;
      view.actions.edit = viewer.admin() && s.state == store::SessionState::preparing;
      std::map<store::Id, store::Person> by_id;
      for (const auto& p : people) {
        by_id.emplace(p.id, p);
      }
      std::map<std::string, std::size_t> per_level;
      for (const auto& person : people) {
        SessionPerson row;
        row.person = person;
        if (person.manager) {
          RUNG_TRY_ASSIGN(row.manager, r.person(*person.manager));
        }
        std::vector<store::Assessment> in_cycle;
        for (const auto& a : assessments) {
          if (a.person == person.id && a.cycle == s.cycle) {
            in_cycle.push_back(a);
          }
        }
        row.assessment = latest_submitted(in_cycle, store::AuthorRole::manager, person.level);
        for (const auto& c : cases) {
          if (c.person == person.id && c.cycle == s.cycle) {
            row.promotion = runner ? c : without_decision(c);
          }
        }
        for (const auto& d : decisions) {
          if (d.person == person.id) {
            row.decisions.push_back(d);
          }
        }
        for (const auto& v : votes) {
          const bool about =
              (v.subject == store::VoteSubject::outcome && v.subject_id == person.id) ||
              (v.subject == store::VoteSubject::promotion && row.promotion &&
               v.subject_id == row.promotion->id);
          if (!about) {
            continue;
          }
          ++row.vote_count;
          if (votes_visible(viewer, s, v)) {
            row.votes.push_back(v);
          }
        }
        if (row.assessment) {
          RUNG_TRY_ASSIGN(const auto snapshot, r.snapshot(row.assessment->id));
          if (snapshot) {
            RUNG_TRY_ASSIGN(const auto frozen, read_snapshot(r, *snapshot, m_versions));
            assess::Ratings calibrated = frozen.ratings;
            std::string decided_outcome;
            for (const auto& d : row.decisions) {
              if (d.assessment != row.assessment->id) {
                continue;
              }
              if (d.statement.empty()) {
                decided_outcome = d.after;
              } else {
                calibrated[d.statement] = d.after;
              }
            }
            RUNG_TRY_ASSIGN(const auto before,
                            assess::readiness(*frozen.ladder, frozen.level_id, frozen.ratings));
            RUNG_TRY_ASSIGN(const auto after,
                            assess::readiness(*frozen.ladder, frozen.level_id, calibrated));
            row.outcome = outcome_word(before.ready);
            row.calibrated_outcome =
                decided_outcome.empty() ? outcome_word(after.ready) : decided_outcome;
            row.ratings = rating_rows(*frozen.ladder, frozen.level_id, frozen.ratings, calibrated);
          }
        }
        ++per_level[person.level];
        view.people.push_back(std::move(row));
      }
      // The distribution, withheld for groups under the threshold.
      const std::size_t min = m_options.min_group_people;
      if (people.size() >= min) {
        for (const auto& level_id : m_ladder.level_ids()) {
          const auto it = per_level.find(level_id);
          const std::size_t n = it == per_level.end() ? 0 : it->second;
          std::optional<int> guideline;
          for (const auto& share : s.guideline) {
            if (share.level == level_id) {
              guideline = share.percent;
            }
          }
          if (n == 0 && !guideline) {
            continue;
          }
          LevelShare share{level_id, std::nullopt, std::nullopt, guideline};
          if (n == 0 || n >= min) {
            share.people = n;
            share.percent = static_cast<int>((n * 100 + people.size() / 2) / people.size());
          }
          view.distribution.push_back(share);
        }
      }
      RaterOptions options;
      options.min_people = min;
      auto raters = cycle_raters(r, m_versions, s.cycle, m_ladder.data().scale.size(), options);
      if (raters) {
        view.raters = std::move(*raters);
      }
      return {};
    };
    if (auto done = run(); !done) {
      failed = done.error();
    }
  }));
  if (failed) {
    return tl::unexpected(*failed);
  }
  return view;
}

}  // namespace rung::review
