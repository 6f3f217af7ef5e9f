#include "rung/web/review/page_support.hpp"

#include <charconv>
#include <stdexcept>

#include <fmt/format.h>

#include "rung/auth/viewer.hpp"
#include "rung/html/views.hpp"
#include "rung/web/review/paths.hpp"
#include "rung/web/shell/error_status.hpp"
#include "rung/web/shell/http_errors.hpp"

namespace rung::web::review_pages {

std::optional<store::Person> person_of(const Resources& resources, const Call& call) {
  const auto id = parse_id(call.param("id"));
  if (!id) {
    return std::nullopt;
  }
  auto found = resources.store.person(*id);
  if (!found) {
    throw std::runtime_error(found.error().message);
  }
  return *found;
}

Json person_head(const store::Person& person) {
  const std::string base = fmt::format("/people/{}", person.id);
  return Json{{"id", person.id},
              {"name", person.name},
              {"url", base},
              {"assessments_url", base + "/assessments"},
              {"side_url", base + "/side-by-side"},
              {"plans_url", base + "/plans"}};
}

Json page_json(std::string title, const Call& call, bool enhanced) {
  Json out{{"title", std::move(title)}, {"nav", {{"assessments", true}}}};
  if (enhanced && call.viewer != nullptr) {
    out["csrf_token"] = call.viewer->session.csrf_token;
    out["script"] = "/static/assess.js";
  }
  return out;
}

Response error_page(const Resources& resources, const Error& error) {
  const int status = http_status(error);
  if (status == 500) {
    throw std::runtime_error(error.message);
  }
  const char* heading = status == 403   ? "Not yours to see or change"
                        : status == 404 ? "Not found"
                                        : "That did not work";
  return message_page(resources, status, heading, error.message);
}

Response review_page(const Resources& resources, const Call& call, int status,
                     std::string_view name, Json view, html::Fragments fragments) {
  view["site"] = html::site_json(resources.ladder, resources.links);
  return page(resources, call, status, name, std::move(view), std::move(fragments));
}

std::optional<std::int64_t> int_field(const Call& call, std::string_view name) {
  const std::string_view text = call.field(name);
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

}  // namespace rung::web::review_pages
