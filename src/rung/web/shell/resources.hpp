#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "rung/compare/similarity.hpp"
#include "rung/html/links.hpp"
#include "rung/html/pages.hpp"
#include "rung/html/template.hpp"
#include "rung/model/ladder.hpp"
#include "rung/search/index.hpp"
#include "rung/store/store.hpp"
#include "rung/web/http/http.hpp"

namespace rung::auth {
class Sessions;
struct Viewer;
}  // namespace rung::auth

namespace rung::review {
class Service;
}

namespace rung::people {
class Org;
}

namespace rung::web {

class PeopleCache;
class PendingImports;
struct Call;

// What route handlers read: the ladder (immutable while serving), what was computed from it once
// (similarity weights for compare, the search index, the lint report), the compiled pages and
// the server's links; and the people side: the store, the sessions, the cached org chart and
// the CSV uploads waiting for an admin's confirmation; and the review service. Owned by App;
// handlers get it by const reference and may use it from any thread (every member is thread-safe).
struct Resources {
  const model::Ladder& ladder;
  const compare::Similarity& similarity;
  const search::Index& search_index;
  const Json& lint_report;  // lint::to_json of the ladder, parsed
  const html::Pages& pages;
  html::Links links;
  std::string stylesheet_version;        // hash of static/rung.css, for cache busting
  std::function<std::string()> metrics;  // the /metrics body
  store::Store& store;
  auth::Sessions& sessions;
  const PeopleCache& people;
  PendingImports& imports;
  review::Service& review;             // assessments, cycles and growth plans over `store`
  bool secure_cookies = false;         // --secure-cookies: cookies only over HTTPS
  std::function<store::Millis()> now;  // the clock (tests pass a fake one)
};

// A page for the viewer of `call`: the template rendered with `view` plus "session" (whether
// someone is signed in and whether an admin: what the header's navigation shows).
Response page(const Resources& resources, const Call& call, int status, std::string_view name,
              Json view);

// The same with `fragments`: HTML the program drew itself (an SVG chart from assess/), for the
// template's {{{name}}} tags. Never put text from a request or the store in a fragment unescaped.
Response page(const Resources& resources, const Call& call, int status, std::string_view name,
              Json view, html::Fragments fragments);

// All that a page may show of its viewer in the header: whether someone is signed in, whether
// an admin, whether their account is a person's (the "Assessments" link), whether someone
// reports to that person (the "Team" link). The response cache keys a cached page by this and
// its target, and the header is drawn from nothing else, so a page cached for one viewer is
// right for every viewer of the same shape. Links in the header that lead to the viewer's own
// pages go through /me/... so that no id is part of the page.
struct ViewerShape {
  bool signed_in = false;
  bool admin = false;
  bool has_person = false;
  bool has_reports = false;
  // The level id of the viewer's person ("" for none): the overview marks it as theirs. Part
  // of the shape, so a cached page may show it (one entry per level, a few dozen at most).
  std::string level;

  // `org` is the reporting line has_reports is read from (nullptr: no reports).
  static ViewerShape of(const auth::Viewer* viewer, const people::Org* org);
  // A short stable code for cache keys: one character per field.
  std::string code() const;
};

// The shape of `viewer` with the reporting line of resources.people (read only for a viewer
// who is a person). Throws when the store cannot be read, as unwrap does.
ViewerShape viewer_shape(const Resources& resources, const auth::Viewer* viewer);

// The "session" object of a view (see page()): the header's navigation for `shape`.
Json session_json(ViewerShape shape);

// Response builders shared by the handlers.
Response html_response(int status, std::string body);
Response json_response(int status, const Json& body);
Response text_response(int status, std::string body, std::string_view content_type);

// {"error": {"code", "message"[, "hint"]}} with `status`.
Response json_error(int status, std::string_view code, std::string_view message,
                    std::string_view hint = {});

// The HTML error pages: 404 with a suggestion of the closest level, and any other message page.
// `viewer` (when signed in) gets their own navigation on the 404 page, never a dead end.
Response not_found_page(const Resources& resources, std::string_view path,
                        const auth::Viewer* viewer = nullptr);
Response message_page(const Resources& resources, int status, std::string_view heading,
                      std::string_view message);

}  // namespace rung::web
