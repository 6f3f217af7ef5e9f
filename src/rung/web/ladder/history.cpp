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

// Newest first, each with its changes from the version before it.
std::vector<html::HistoryEntry> history_entries(const std::vector<review::ServedVersion>& stored,
                                                const std::string& current_digest) {
  std::vector<html::HistoryEntry> out;
  for (std::size_t i = stored.size(); i-- > 0;) {
    html::HistoryEntry entry;
    entry.version = version_of(*stored[i].ladder);
    entry.since = render::date_text(stored[i].first_seen);
    entry.current = stored[i].digest == current_digest;
    if (i > 0) {
      entry.changes = compare::diff_ladders(*stored[i - 1].ladder, *stored[i].ladder);
    }
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace

Response history(const Resources& resources, const Call& call) {
  const auto stored = unwrap(resources.review.ladder_history());
  Json view = page_view(resources, "How the ladder changed", "history");
  view.update(html::history_view(
      history_entries(stored, review::ladder_version(resources.ladder).digest), resources.links));
  return page(resources, call, 200, "history", std::move(view));
}

// {"versions": [{"name", "version", "published", "first_served", "current", "changes"}]},
// newest first; "changes" is what `rung diff --format json` gives against the version before
// (null for the first).
Response api_history(const Resources& resources, const Call&) {
  const auto stored = unwrap(resources.review.ladder_history());
  const std::string current = review::ladder_version(resources.ladder).digest;
  Json versions = Json::array();
  for (std::size_t i = stored.size(); i-- > 0;) {
    const model::Metadata& meta = stored[i].ladder->data().meta;
    Json item{{"name", meta.name},
              {"version", meta.version.empty() ? Json() : Json(meta.version)},
              {"published", meta.published.empty() ? Json() : Json(meta.published)},
              {"first_served", format_utc(stored[i].first_seen)},
              {"current", stored[i].digest == current},
              {"changes", Json(nullptr)}};
    if (i > 0) {
      item["changes"] = Json::parse(compare::render_diff_json(
          compare::diff_ladders(*stored[i - 1].ladder, *stored[i].ladder)));
    }
    versions.push_back(std::move(item));
  }
  return json_response(200, Json{{"versions", std::move(versions)}});
}

}  // namespace rung::web::handlers
