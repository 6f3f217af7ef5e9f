// The ladder's history: every version served, with what changed from the one before
// (/ladder/history and its API).
#include <fmt/format.h>

#include "rung/compare/ladder_diff.hpp"
#include "rung/compare/ladder_diff_report.hpp"
#include "rung/core/utc.hpp"
#include "rung/html/history_view.hpp"
#include "rung/render/dates.hpp"
#include "rung/review/service.hpp"
#include "rung/web/ladder/handlers.hpp"
#include "rung/web/shell/support.hpp"

namespace rung::web::handlers {

namespace {

compare::VersionInfo version_of(const model::Ladder& ladder) {
  const model::Metadata& meta = ladder.data().meta;
  return {meta.name, meta.version, meta.published};
}

// One stored version as the page and the API show it.
struct HistoryStep {
  review::ServedVersion version;
  bool current = false;                        // the version served now
  std::optional<compare::LadderDiff> changes;  // from the version before; none for the first
};

// Every stored version, newest first, each with its changes from the version before it.
std::vector<HistoryStep> history_steps(const Resources& resources) {
  const auto stored = unwrap(resources.review.ladder_history());
  const std::string current = review::ladder_version(resources.ladder).digest;
  std::vector<HistoryStep> out;
  for (std::size_t i = stored.size(); i-- > 0;) {
    HistoryStep step{stored[i], stored[i].digest == current, std::nullopt};
    if (i > 0) {
      step.changes = compare::diff_ladders(*stored[i - 1].ladder, *stored[i].ladder);
    }
    out.push_back(std::move(step));
  }
  return out;
}

}  // namespace

Response history(const Resources& resources, const Call& call) {
  std::vector<html::HistoryEntry> entries;
  for (HistoryStep& step : history_steps(resources)) {
    entries.push_back({version_of(*step.version.ladder), render::date_text(step.version.first_seen),
                       step.current, std::move(step.changes)});
  }
  Json view = page_view(resources, "How the ladder changed", "history");
  view.update(html::history_view(entries, resources.links));
  return page(resources, call, 200, "history", std::move(view));
}

// {"versions": [{"name", "version", "published", "first_served", "current", "changes"}]},
// newest first; "changes" is what `rung diff --format json` gives against the version before
// (null for the first).
Response api_history(const Resources& resources, const Call&) {
  Json versions = Json::array();
  for (const HistoryStep& step : history_steps(resources)) {
    const model::Metadata& meta = step.version.ladder->data().meta;
    versions.push_back(
        Json{{"name", meta.name},
             {"version", meta.version.empty() ? Json() : Json(meta.version)},
             {"published", meta.published.empty() ? Json() : Json(meta.published)},
             {"first_served", format_utc(step.version.first_seen)},
             {"current", step.current},
             {"changes", step.changes ? Json::parse(compare::render_diff_json(*step.changes))
                                      : Json(nullptr)}});
  }
  return json_response(200, Json{{"versions", std::move(versions)}});
}

}  // namespace rung::web::handlers
