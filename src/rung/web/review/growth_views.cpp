#include "rung/web/review/growth_views.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <map>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>

#include "rung/assess/progress_chart.hpp"
#include "rung/assess/report.hpp"
#include "rung/core/utc.hpp"
#include "rung/html/linkify.hpp"
#include "rung/render/dates.hpp"
#include "rung/review/service.hpp"
#include "rung/web/review/handlers.hpp"
#include "rung/web/review/views.hpp"
#include "rung/web/shell/error_status.hpp"
#include "rung/web/shell/http_errors.hpp"
#include "rung/web/shell/support.hpp"

namespace rung::web {

namespace {

constexpr std::size_t k_choice_length = 70;

// `text` cut to at most `limit` code points at a code point boundary, with "…" when cut.
std::string shorten(std::string_view text, std::size_t limit) {
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && points++ == limit) {
      return std::string(text.substr(0, i)) + "…";
    }
  }
  return std::string(text);
}

std::string level_title(const model::Ladder& ladder, std::string_view id) {
  const model::Level* level = ladder.find_level(id);
  return level != nullptr ? level->title : std::string(id);
}

// The evidence of the person's assessments the viewer may read (review::Service's rule).
std::vector<store::Evidence> visible_evidence(const Resources& resources,
                                              const auth::Viewer& viewer, store::Id person) {
  return unwrap(resources.review.evidence_of(viewer, person));
}

Json evidence_choice_json(const store::Evidence& item) {
  return Json{
      {"id", item.id},
      {"hidden", false},
      {"statement", item.statement},
      {"text", item.text},
      {"segments", html::link_segments(item.text)},
      {"date", render::date_text(std::string_view(item.date))},  // as people write it
      {"label",
       fmt::format("{}{}",
                   item.date.empty() ? "" : render::date_text(std::string_view(item.date)) + " · ",
                   shorten(item.text, k_choice_length))}};
}

// The evidence linked to the item of `statement`, each with the name of its "Unlink" button.
Json linked_json(const std::vector<store::Id>& linked,
                 const std::map<store::Id, const store::Evidence*>& by_id,
                 const std::string& statement) {
  Json out = Json::array();
  for (store::Id id : linked) {
    const auto found = by_id.find(id);
    Json entry = found != by_id.end() ? evidence_choice_json(*found->second)
                                      : Json{{"id", id},   {"hidden", true}, {"statement", ""},
                                             {"text", ""}, {"date", ""},     {"label", ""}};
    entry["unlink_name"] = "unlink-" + statement;
    out.push_back(std::move(entry));
  }
  return out;
}

// The evidence not yet linked, the item's own statement's first (the likely match); none is
// preselected unless the user chose it in a form that failed.
Json choices_json(const std::vector<store::Evidence>& evidence, std::string_view statement,
                  const std::vector<store::Id>& linked, std::optional<store::Id> chosen) {
  std::vector<const store::Evidence*> order;
  for (const store::Evidence& item : evidence) {
    order.push_back(&item);
  }
  std::stable_partition(order.begin(), order.end(),
                        [&](const store::Evidence* item) { return item->statement == statement; });
  Json out = Json::array();
  for (const store::Evidence* found : order) {
    const store::Evidence& item = *found;
    if (std::find(linked.begin(), linked.end(), item.id) == linked.end()) {
      Json choice = evidence_choice_json(item);
      choice["selected"] = chosen == item.id;
      out.push_back(std::move(choice));
    }
  }
  return out;
}

// "3 March 2026" for "2026-03-03"; the text itself when it is not such a date.
std::string plan_day_words(std::string_view date) {
  static constexpr std::array<std::string_view, 12> k_months{
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  if (date.size() < 10 || date[4] != '-' || date[7] != '-') {
    return std::string(date);
  }
  const int month = std::atoi(std::string(date.substr(5, 2)).c_str());
  const int day = std::atoi(std::string(date.substr(8, 2)).c_str());
  if (month < 1 || month > 12 || day < 1) {
    return std::string(date);
  }
  return fmt::format("{} {} {}", day, k_months[static_cast<std::size_t>(month - 1)],
                     date.substr(0, 4));
}

// "done, ticked by Dana on 3 March 2026" or "not done yet".
std::string done_words(const review::ChecklistItem& item) {
  if (!item.done) {
    return "not done yet";
  }
  if (item.done_by.empty()) {
    return "done";
  }
  return fmt::format("done, ticked by {} on {}", item.done_by,
                     plan_day_words(format_utc(item.done_at).substr(0, 10)));
}

// One checklist line with its linked evidence and the evidence it could still link; `sent`
// (when the form failed) replaces the stored done, note and date.
Json item_json(const model::Ladder& ladder, const review::ChecklistItem& item,
               const std::vector<store::Evidence>& evidence,
               const std::map<store::Id, const store::Evidence*>& by_id,
               const review::PlanItemChange* sent) {
  Json choices = choices_json(evidence, item.statement_id, item.evidence,
                              sent != nullptr ? sent->evidence : std::optional<store::Id>());
  const bool done = sent != nullptr && sent->done ? *sent->done : item.done;
  const std::string note = sent != nullptr && sent->note ? *sent->note : item.note;
  const std::string date =
      sent != nullptr && sent->target_date ? *sent->target_date : item.target_date;
  return Json{
      {"statement", item.statement_id},
      {"anchor", "item-" + item.statement_id},
      {"text", item.text},
      {"rating", item.rating.empty() ? "not rated" : assess::scale_name(ladder, item.rating)},
      {"done", done},
      {"status", done_words(item)},
      {"note", note},
      {"target_date", date},
      {"target_words", date.empty() ? "" : "by " + plan_day_words(date)},
      {"open", sent != nullptr},
      {"has_evidence", !item.evidence.empty()},
      {"evidence", linked_json(item.evidence, by_id, item.statement_id)},
      {"has_choices", !choices.empty()},
      {"choices", std::move(choices)}};
}

Json person_json_of(const model::Ladder& ladder, const store::Person& person) {
  return Json{{"id", person.id},
              {"name", person.name},
              {"url", fmt::format("/people/{}", person.id)},
              {"plans_url", plans_url(person.id)},
              {"level_title", level_title(ladder, person.level)}};
}

std::string default_target(const model::Ladder& ladder, const store::Person& person) {
  const model::Level* next = ladder.next_level(person.level);
  return next != nullptr ? next->id : person.level;
}

}  // namespace

int review_page_status(const Error& error) {
  const int status = http_status(error);
  if (status == 500) {
    throw std::runtime_error(error.message);
  }
  return status;
}

std::string plans_url(store::Id person) {
  return fmt::format("/people/{}/plans", person);
}

std::string plan_url(store::Id person, store::Id plan) {
  return fmt::format("/people/{}/plans/{}", person, plan);
}

std::string progress_svg(const Resources& resources, const auth::Viewer& viewer, store::Id person) {
  auto points = resources.review.progress(viewer, person);
  if (!points) {
    review_page_status(points.error());
    return {};
  }
  std::vector<assess::ProgressChartPoint> chart;
  for (const review::ProgressPoint& point : *points) {
    chart.push_back({point.cycle_name, point.met, point.total,
                     point.role == store::AuthorRole::self ? assess::ProgressSeries::self
                                                           : assess::ProgressSeries::manager});
  }
  return chart.empty() ? std::string() : assess::progress_svg(chart);
}

Json plans_view(const Resources& resources, const auth::Viewer& viewer, const store::Person& person,
                std::string_view chosen) {
  Json plans = Json::array();
  for (const auto& plan : unwrap(resources.review.plans(viewer, person.id))) {
    Json row{{"id", plan.id},
             {"url", plan_url(person.id, plan.id)},
             {"level", plan.target_level},
             {"title", level_title(resources.ladder, plan.target_level)},
             {"created", plan_day_words(format_utc(plan.created_at).substr(0, 10))},
             {"progress", ""}};
    // A plan whose level the ladder lost has no checklist; it is listed without progress.
    if (const auto checklist = resources.review.checklist(viewer, plan.id); checklist) {
      const auto done = std::count_if(checklist->items.begin(), checklist->items.end(),
                                      [](const review::ChecklistItem& item) { return item.done; });
      row["progress"] = fmt::format("{} of {} done", done, checklist->items.size());
    } else {
      review_page_status(checklist.error());  // throws when the store failed
    }
    plans.push_back(std::move(row));
  }
  const std::string selected =
      chosen.empty() ? default_target(resources.ladder, person) : std::string(chosen);
  return Json{{"person", person_json_of(resources.ladder, person)},
              {"plans", std::move(plans)},
              {"tracks", level_options(resources.ladder, selected)},
              {"csrf", viewer.session.csrf_token}};
}

Json plan_view(const Resources& resources, const auth::Viewer& viewer, const store::Person& person,
               const review::Checklist& checklist, const PlanSent& sent) {
  const std::vector<store::Evidence> evidence = visible_evidence(resources, viewer, person.id);
  std::map<store::Id, const store::Evidence*> by_id;
  for (const store::Evidence& item : evidence) {
    by_id[item.id] = &item;
  }
  Json areas = Json::array();
  std::size_t done = 0;
  for (const review::ChecklistItem& item : checklist.items) {
    if (areas.empty() || areas.back()["id"] != item.area_id) {
      areas.push_back(Json{{"id", item.area_id},
                           {"name", assess::area_name(resources.ladder, item.area_id)},
                           {"items", Json::array()}});
    }
    done += item.done ? 1 : 0;
    const auto found = sent.find(item.statement_id);
    areas.back()["items"].push_back(item_json(resources.ladder, item, evidence, by_id,
                                              found != sent.end() ? &found->second : nullptr));
  }
  const std::string url = plan_url(person.id, checklist.plan.id);
  return Json{{"person", person_json_of(resources.ladder, person)},
              {"plan",
               {{"id", checklist.plan.id},
                {"level", checklist.plan.target_level},
                {"title", level_title(resources.ladder, checklist.plan.target_level)},
                {"url", url}}},
              {"done", done},
              {"total", checklist.items.size()},
              {"areas", std::move(areas)},
              {"csrf", viewer.session.csrf_token}};
}

}  // namespace rung::web
