// Moving open drafts and growth plans to a new ladder version (Service::migrate).
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "rung/core/utc.hpp"
#include "rung/review/rules.hpp"
#include "rung/review/service.hpp"

namespace rung::review {

namespace {

// What the plan says of one old statement.
struct MigrationTarget {
  migrate::Fate fate = migrate::Fate::kept;
  std::vector<std::string> targets;
};

using MigrationTargets = std::map<std::string, MigrationTarget, std::less<>>;

MigrationTargets migration_targets(const migrate::Plan& plan) {
  MigrationTargets out;
  for (const auto& entry : plan.entries) {
    out[entry.old_id] = MigrationTarget{entry.fate, entry.targets};
  }
  return out;
}

// The audit subject of one map's application: both versions.
std::string migration_subject(const migrate::Plan& plan) {
  return fmt::format("ladder:{}->{}", plan.before.digest, plan.after.digest);
}

bool migration_follows(migrate::Fate fate) {
  return fate == migrate::Fate::kept || fate == migrate::Fate::reworded ||
         fate == migrate::Fate::moved;
}

std::string migration_flag(std::string_view statement, const MigrationTarget& target) {
  return fmt::format("{} was {} into {}: rate {} again", statement, to_string(target.fate),
                     fmt::join(target.targets, ", "), target.targets.size() == 1 ? "it" : "them");
}

nlohmann::json migration_rating_json(const store::Rating& rating) {
  return {{"statement", rating.statement}, {"scale", rating.scale}};
}

nlohmann::json migration_item_json(const store::PlanItem& item) {
  return {{"statement", item.statement}, {"done", item.done}, {"done_by", item.done_by},
          {"evidence", item.evidence},   {"note", item.note}, {"target_date", item.target_date}};
}

// One draft's move: its ratings and evidence after, what was taken out, and the counts.
Result<void> move_draft(store::Reader& reader, store::Writer* writer, const auth::Viewer& viewer,
                        store::Millis at, const MigrationTargets& targets,
                        const migrate::Plan& plan, const store::Assessment& draft,
                        std::vector<store::Rating> ratings, MigrationLine& line) {
  RUNG_TRY_ASSIGN(const auto evidence, reader.evidence(draft.id));
  std::vector<store::Rating> removed;
  std::vector<store::Rating> added;
  nlohmann::json archived = nlohmann::json::array();
  nlohmann::json flagged = nlohmann::json::array();
  for (const auto& rating : ratings) {
    const auto found = targets.find(rating.statement);
    if (found == targets.end()) {
      continue;  // not a statement of the old version: left as it is
    }
    const MigrationTarget& target = found->second;
    if (migration_follows(target.fate)) {
      if (target.targets.front() != rating.statement) {
        removed.push_back(rating);
        store::Rating moved = rating;
        moved.statement = target.targets.front();
        added.push_back(moved);
        ++line.followed;
      }
      continue;
    }
    removed.push_back(rating);
    if (target.fate == migrate::Fate::dropped) {
      archived.push_back(migration_rating_json(rating));
      ++line.archived;
    } else {
      flagged.push_back(migration_rating_json(rating));
      line.flags.push_back(migration_flag(rating.statement, target));
      ++line.flagged;
    }
  }
  std::vector<store::Evidence> repointed;
  for (const auto& item : evidence) {
    const auto found = targets.find(item.statement);
    if (found == targets.end() || found->second.targets.empty() ||
        found->second.targets.front() == item.statement) {
      continue;  // dropped: the evidence stays under its old statement, as it was written
    }
    store::Evidence moved = item;
    moved.statement = found->second.targets.front();
    repointed.push_back(moved);
    ++line.followed;
  }
  if (writer == nullptr || !line.changes()) {
    return {};
  }
  for (const auto& rating : removed) {
    RUNG_TRY(writer->delete_rating(draft.id, rating.statement));
  }
  for (auto rating : added) {
    rating.updated_at = at;
    RUNG_TRY(writer->put_rating(rating));
  }
  for (const auto& item : repointed) {
    RUNG_TRY(writer->update_evidence(item));
  }
  store::Assessment changed = draft;
  changed.version = draft.version + 1;
  changed.updated_at = at;
  RUNG_TRY(writer->update_assessment(changed));
  nlohmann::json before_ratings = nlohmann::json::array();
  for (const auto& rating : ratings) {
    before_ratings.push_back(migration_rating_json(rating));
  }
  RUNG_TRY_ASSIGN(const auto after_ratings, writer->ratings(draft.id));
  nlohmann::json after_json = nlohmann::json::array();
  for (const auto& rating : after_ratings) {
    after_json.push_back(migration_rating_json(rating));
  }
  RUNG_TRY(writer->append_audit(
      audit_entry(viewer, at, "assessment.migrate", fmt::format("assessment:{}", draft.id),
                  {{"ladder", plan.before.digest}, {"ratings", before_ratings}},
                  {{"ladder", plan.after.digest},
                   {"ratings", after_json},
                   {"archived", archived},
                   {"flagged", flagged},
                   {"flags", line.flags}})));
  return {};
}

Result<void> move_plan(store::Writer* writer, const auth::Viewer& viewer, store::Millis at,
                       const MigrationTargets& targets, const migrate::Plan& plan,
                       const store::GrowthPlanRecord& record,
                       const std::vector<store::PlanItem>& items, MigrationLine& line) {
  std::vector<store::PlanItem> removed;
  std::vector<store::PlanItem> added;
  nlohmann::json archived = nlohmann::json::array();
  nlohmann::json flagged = nlohmann::json::array();
  for (const auto& item : items) {
    const auto found = targets.find(item.statement);
    if (found == targets.end()) {
      continue;
    }
    const MigrationTarget& target = found->second;
    if (migration_follows(target.fate)) {
      if (target.targets.front() != item.statement) {
        removed.push_back(item);
        store::PlanItem moved = item;
        moved.statement = target.targets.front();
        added.push_back(moved);
        ++line.followed;
      }
      continue;
    }
    removed.push_back(item);
    if (target.fate == migrate::Fate::dropped) {
      archived.push_back(migration_item_json(item));
      ++line.archived;
    } else {
      flagged.push_back(migration_item_json(item));
      line.flags.push_back(migration_flag(item.statement, target));
      ++line.flagged;
    }
  }
  if (writer == nullptr || !line.changes()) {
    return {};
  }
  nlohmann::json before_items = nlohmann::json::array();
  for (const auto& item : items) {
    before_items.push_back(migration_item_json(item));
  }
  for (const auto& item : removed) {
    RUNG_TRY(writer->delete_plan_item(record.id, item.statement));
  }
  for (const auto& item : added) {
    RUNG_TRY(writer->put_plan_item(item));
  }
  nlohmann::json moved = nlohmann::json::array();
  for (const auto& item : added) {
    moved.push_back(migration_item_json(item));
  }
  return writer
      ->append_audit(audit_entry(viewer, at, "plan.migrate", fmt::format("plan:{}", record.id),
                                 {{"ladder", plan.before.digest}, {"items", before_items}},
                                 {{"ladder", plan.after.digest},
                                  {"moved", moved},
                                  {"archived", archived},
                                  {"flagged", flagged},
                                  {"flags", line.flags}}))
      .map([](store::Id) {});
}

// Reads every open draft and plan, and moves each (writer set) or only reports (writer null).
Result<void> migrate_all(store::Reader& reader, store::Writer* writer, const auth::Viewer& viewer,
                         store::Millis at, const model::Ladder& after, const migrate::Plan& plan,
                         MigrationReport& report) {
  const MigrationTargets targets = migration_targets(plan);
  RUNG_TRY_ASSIGN(const auto people, reader.people());
  std::map<store::Id, std::string> names;
  std::vector<store::Id> ids;
  for (const auto& person : people) {
    names[person.id] = person.name;
    ids.push_back(person.id);
  }
  RUNG_TRY_ASSIGN(const auto assessments, reader.assessments_of_people(ids));
  std::vector<store::Id> drafts;
  for (const auto& a : assessments) {
    if (a.status == store::AssessmentStatus::draft) {
      drafts.push_back(a.id);
    }
  }
  RUNG_TRY_ASSIGN(const auto all_ratings, reader.ratings_of_assessments(drafts));
  std::map<store::Id, std::vector<store::Rating>> ratings_of;
  for (const auto& rating : all_ratings) {
    ratings_of[rating.assessment].push_back(rating);
  }
  RUNG_TRY_ASSIGN(const auto plans, reader.growth_plans_of_people(ids));
  std::vector<store::Id> plan_ids;
  for (const auto& p : plans) {
    plan_ids.push_back(p.id);
  }
  RUNG_TRY_ASSIGN(const auto all_items, reader.plan_items_of_plans(plan_ids));
  std::map<store::Id, std::vector<store::PlanItem>> items_of;
  for (const auto& item : all_items) {
    items_of[item.plan].push_back(item);
  }
  for (const auto& person : people) {
    for (const auto& a : assessments) {
      if (a.person != person.id || a.status != store::AssessmentStatus::draft) {
        continue;
      }
      MigrationLine line;
      line.person = person.id;
      line.person_name = person.name;
      line.subject = fmt::format("assessment:{}", a.id);
      line.what = fmt::format("{} draft, {}", to_string(a.role), a.level);
      if (a.cycle) {
        line.stays =
            fmt::format("a draft of review cycle {}: it finishes on the old version", *a.cycle);
      } else if (after.find_level(a.level) == nullptr) {
        line.stays = fmt::format("the new ladder has no level {}", a.level);
      } else {
        RUNG_TRY(move_draft(reader, writer, viewer, at, targets, plan, a, ratings_of[a.id], line));
      }
      report.lines.push_back(std::move(line));
    }
    for (const auto& p : plans) {
      if (p.person != person.id) {
        continue;
      }
      MigrationLine line;
      line.person = person.id;
      line.person_name = person.name;
      line.subject = fmt::format("plan:{}", p.id);
      line.what = fmt::format("growth plan towards {}", p.target_level);
      if (after.find_level(p.target_level) == nullptr) {
        line.stays = fmt::format("the new ladder has no level {}", p.target_level);
      } else {
        RUNG_TRY(move_plan(writer, viewer, at, targets, plan, p, items_of[p.id], line));
      }
      report.lines.push_back(std::move(line));
    }
  }
  return {};
}

}  // namespace

Result<MigrationReport> Service::migrate(const auth::Viewer& viewer, const model::Ladder& before,
                                         const migrate::Plan& plan, bool apply) {
  if (!viewer.admin()) {
    return forbidden("only an admin moves work to a new ladder version");
  }
  const std::string before_digest = ladder_version(before).digest;
  if (plan.before.digest != before_digest || plan.after.digest != m_version.digest) {
    return fail(ErrorKind::conflict, "migrate.wrong-ladder",
                fmt::format("the map was made from {} to {}; this is from {} to {}",
                            plan.before.digest, plan.after.digest, before_digest, m_version.digest),
                {}, "make the map again with `rung migrate plan` from the served ladder");
  }
  if (const Errors problems = migrate::check_plan(plan, before, m_ladder); !problems.empty()) {
    return tl::unexpected(problems.front());
  }
  // A map is applied once: after it, an old id it names may be a new statement of the same id
  // (a split keeps one), and applying again would take out what was rated since.
  store::AuditQuery done;
  done.action = "ladder.migrate";
  done.subject = migration_subject(plan);
  done.limit = 1;
  RUNG_TRY_ASSIGN(const auto applied_before, m_store.audit(done));
  if (!applied_before.empty()) {
    return fail(ErrorKind::conflict, "migrate.already-applied",
                fmt::format("this map was applied on {} by {}",
                            utc_minute(applied_before.front().at), applied_before.front().actor),
                {}, "drafts and plans are on the new version already");
  }
  MigrationReport report;
  report.applied = apply;
  const store::Millis at = now();
  if (!apply) {
    Result<void> read = {};
    RUNG_TRY(m_store.read_together([&](store::Reader& reader) {
      read = migrate_all(reader, nullptr, viewer, at, m_ladder, plan, report);
    }));
    RUNG_TRY(read);
    return report;
  }
  RUNG_TRY(m_store.write([&](store::Writer& writer) -> Result<void> {
    report.lines.clear();
    RUNG_TRY(migrate_all(writer, &writer, viewer, at, m_ladder, plan, report));
    std::size_t moved = 0;
    for (const auto& line : report.lines) {
      moved += line.changes() ? 1 : 0;
    }
    return writer
        .append_audit(audit_entry(viewer, at, "ladder.migrate", migration_subject(plan), nullptr,
                                  {{"from", plan.before.file},
                                   {"to", plan.after.file},
                                   {"moved", moved},
                                   {"lines", report.lines.size()}}))
        .map([](store::Id) {});
  }));
  return report;
}

}  // namespace rung::review
