// Reading: one assessment, side by side, outcomes and progress.
#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "rung/review/frozen.hpp"
#include "rung/review/rules.hpp"
#include "rung/review/service.hpp"

namespace rung::review {

namespace {

bool may_see(const auth::Viewer& viewer, const store::Assessment& a) {
  return a.status != store::AssessmentStatus::draft || viewer.admin() ||
         a.author_account == viewer.account.id;
}

// The viewer's own draft of the role (the newest), else the latest submitted one.
std::optional<store::Assessment> shown(const std::vector<store::Assessment>& all,
                                       const auth::Viewer& viewer, store::AuthorRole role,
                                       const std::string& level) {
  std::optional<store::Assessment> draft;
  for (const auto& a : all) {
    if (a.role == role && a.level == level && a.status == store::AssessmentStatus::draft &&
        a.author_account == viewer.account.id) {
      draft = a;
    }
  }
  return draft ? draft : latest_submitted(all, role, level);
}

bool submitted(const std::optional<store::Assessment>& a) {
  return a && a->status == store::AssessmentStatus::submitted;
}

Result<SharedSummary> summary_of(store::Reader& reader, const LadderVersions& versions,
                                 const store::Assessment& self, const store::Assessment& manager,
                                 const std::vector<SideBySideRow>& rows) {
  RUNG_TRY_ASSIGN(auto self_outcome, outcome_of(reader, versions, self));
  RUNG_TRY_ASSIGN(auto manager_outcome, outcome_of(reader, versions, manager));
  SharedSummary summary;
  summary.statements = rows.size();
  for (const auto& row : rows) {
    summary.agreed += row.divergence && *row.divergence == 0 ? 1 : 0;
    summary.one_step += row.divergence && *row.divergence == 1 ? 1 : 0;
    summary.apart += row.divergence && *row.divergence >= k_divergence_steps ? 1 : 0;
    summary.unrated += row.divergence ? 0 : 1;
    summary.flagged += row.flagged ? 1 : 0;
    summary.settled += row.flagged && row.agreement && !row.agreement->scale.empty() ? 1 : 0;
  }
  summary.self_fit = std::move(self_outcome.fit);
  summary.manager_fit = std::move(manager_outcome.fit);
  return summary;
}

// Each row's evidence from the shown assessments, by statement.
Result<void> add_side_evidence(store::Reader& reader, const std::optional<store::Assessment>& shown,
                               std::vector<SideBySideRow>& rows,
                               std::vector<store::Evidence> SideBySideRow::*side) {
  if (!shown) {
    return {};
  }
  RUNG_TRY_ASSIGN(const auto evidence, reader.evidence(shown->id));
  for (auto& row : rows) {
    for (const auto& e : evidence) {
      if (e.statement == row.statement_id) {
        (row.*side).push_back(e);
      }
    }
  }
  return {};
}

Result<void> add_agreements(store::Reader& reader, const store::Assessment& self,
                            const store::Assessment& manager, std::vector<SideBySideRow>& rows) {
  RUNG_TRY_ASSIGN(const auto agreed, reader.agreements(self.id, manager.id));
  for (auto& row : rows) {
    for (const auto& a : agreed) {
      if (a.statement == row.statement_id) {
        row.agreement = a;
      }
    }
  }
  return {};
}

}  // namespace

Result<AssessmentView> Service::read(const auth::Viewer& viewer, store::Id id) {
  RUNG_TRY_ASSIGN(auto a, find_assessment(m_store, id));
  RUNG_TRY(require_reader(m_store, viewer, a.person));
  if (!may_see(viewer, a)) {
    return forbidden(fmt::format("assessment {} is a draft of someone else", id));
  }
  RUNG_TRY_ASSIGN(auto ratings, ratings_of(m_store, id));
  RUNG_TRY_ASSIGN(auto evidence, m_store.evidence(id));
  return AssessmentView{std::move(a), std::move(ratings), std::move(evidence)};
}

Result<bool> Service::assessment_belongs(store::Id person, store::Id id) {
  RUNG_TRY_ASSIGN(const auto found, m_store.assessment(id));
  return found && found->person == person;
}

Result<std::vector<store::ReviewCycle>> Service::cycles() {
  return m_store.cycles();
}

Result<std::vector<store::Assessment>> Service::assessments(const auth::Viewer& viewer,
                                                            store::Id person) {
  RUNG_TRY(find_person(m_store, person));
  RUNG_TRY(require_reader(m_store, viewer, person));
  RUNG_TRY_ASSIGN(auto all, m_store.assessments_of(person));
  std::erase_if(all, [&](const store::Assessment& a) { return !may_see(viewer, a); });
  return all;
}

Result<std::vector<store::Evidence>> Service::evidence_of(const auth::Viewer& viewer,
                                                          store::Id person) {
  RUNG_TRY_ASSIGN(const auto visible, assessments(viewer, person));
  std::vector<store::Evidence> out;
  for (const store::Assessment& a : visible) {
    RUNG_TRY_ASSIGN(auto items, m_store.evidence(a.id));
    std::move(items.begin(), items.end(), std::back_inserter(out));
  }
  return out;
}

Result<SideBySide> Service::side_by_side(const auth::Viewer& viewer, store::Id person,
                                         std::string_view level_id) {
  RUNG_TRY_ASSIGN(const auto who, find_person(m_store, person));
  RUNG_TRY(require_reader(m_store, viewer, person));
  const std::string level = level_id.empty() ? who.level : std::string(level_id);
  const auto* found = m_ladder.find_level(level);
  if (found == nullptr) {
    return fail(ErrorKind::not_found, "ladder.unknown-level",
                fmt::format("the ladder has no level '{}'", level));
  }
  RUNG_TRY_ASSIGN(const auto all, m_store.assessments_of(person));
  SideBySide view{person,
                  level,
                  shown(all, viewer, store::AuthorRole::self, level),
                  shown(all, viewer, store::AuthorRole::manager, level),
                  {},
                  std::nullopt,
                  false,
                  {}};
  assess::Ratings self;
  assess::Ratings manager;
  if (view.self) {
    RUNG_TRY_ASSIGN(self, ratings_of(m_store, view.self->id));
  }
  if (view.manager) {
    RUNG_TRY_ASSIGN(manager, ratings_of(m_store, view.manager->id));
  }
  view.rows = side_by_side_rows(m_ladder, *found, self, manager);
  RUNG_TRY(add_side_evidence(m_store, view.self, view.rows, &SideBySideRow::self_evidence));
  RUNG_TRY(add_side_evidence(m_store, view.manager, view.rows, &SideBySideRow::manager_evidence));
  if (submitted(view.self) && submitted(view.manager)) {
    RUNG_TRY(add_agreements(m_store, *view.self, *view.manager, view.rows));
    RUNG_TRY_ASSIGN(view.summary,
                    summary_of(m_store, m_versions, *view.self, *view.manager, view.rows));
    view.may_agree = may_record_agreement(m_store, viewer, person).has_value();
  }
  if (submitted(view.manager)) {
    RUNG_TRY_ASSIGN(const auto layer, read_calibrations(m_store, {view.manager->id}));
    if (const auto it = layer.find(view.manager->id); it != layer.end()) {
      view.calibration = it->second;
    }
  }
  return view;
}

Result<Outcome> Service::outcome(const auth::Viewer& viewer, store::Id id) {
  RUNG_TRY_ASSIGN(const auto a, find_assessment(m_store, id));
  RUNG_TRY(require_reader(m_store, viewer, a.person));
  if (!may_see(viewer, a)) {
    return forbidden(fmt::format("assessment {} is a draft of someone else", id));
  }
  return outcome_of(m_store, m_versions, a);
}

Result<std::vector<ProgressPoint>> Service::progress(const auth::Viewer& viewer, store::Id person) {
  RUNG_TRY(find_person(m_store, person));
  RUNG_TRY(require_reader(m_store, viewer, person));
  RUNG_TRY_ASSIGN(const auto all, m_store.assessments_of(person));
  std::vector<ProgressPoint> points;
  for (const auto& a : all) {
    if (!a.cycle || a.status != store::AssessmentStatus::submitted) {
      continue;
    }
    RUNG_TRY_ASSIGN(const auto cycle, m_store.cycle(*a.cycle));
    RUNG_TRY_ASSIGN(const auto result, outcome_of(m_store, m_versions, a));
    points.push_back(ProgressPoint{*a.cycle, cycle ? cycle->name : "", a.role, a.id, a.level,
                                   result.fit.met(), result.fit.total()});
  }
  std::stable_sort(points.begin(), points.end(),
                   [](const auto& x, const auto& y) { return x.cycle < y.cycle; });
  return points;
}

}  // namespace rung::review
