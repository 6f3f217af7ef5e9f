#include "rung/html/links.hpp"

#include <fmt/format.h>

#include "rung/core/text.hpp"

namespace rung::html {

Links Links::server(std::string stylesheet_version) {
  return Links(false, "", std::move(stylesheet_version));
}

Links Links::static_site(int depth) {
  std::string prefix;
  for (int i = 0; i < depth; ++i) {
    prefix += "../";
  }
  return Links(true, std::move(prefix), "");
}

std::string Links::home() const {
  return m_static ? m_prefix + "index.html" : "/";
}

std::string Links::stylesheet() const {
  return m_static ? m_prefix + std::string(k_stylesheet_file)
                  : fmt::format("/static/rung.css?v={}", m_version);
}

std::string Links::track(std::string_view id) const {
  return m_static ? m_prefix + track_file(id) : fmt::format("/tracks/{}", percent_encode(id));
}

std::string Links::level(std::string_view id) const {
  return m_static ? m_prefix + level_file(id) : fmt::format("/levels/{}", percent_encode(id));
}

std::optional<std::string> Links::compare(std::string_view a, std::string_view b,
                                          bool consecutive) const {
  if (m_static) {
    if (!consecutive) {
      return std::nullopt;
    }
    return m_prefix + compare_file(a, b);
  }
  return fmt::format("/compare?a={}&b={}", percent_encode(a), percent_encode(b));
}

std::string Links::compare_form() const {
  return m_static ? "" : "/compare";
}

std::string Links::search(std::string_view query) const {
  if (m_static) {
    return "";
  }
  return query.empty() ? "/search" : fmt::format("/search?q={}", percent_encode(query));
}

std::string Links::lint() const {
  return m_static ? "" : "/lint";
}

std::string Links::history() const {
  return m_static ? "" : "/ladder/history";
}

std::string Links::level_file(std::string_view id) {
  return fmt::format("levels/{}.html", id);
}

std::string Links::track_file(std::string_view id) {
  return fmt::format("tracks/{}.html", id);
}

std::string Links::compare_file(std::string_view a, std::string_view b) {
  return fmt::format("compare/{}--{}.html", a, b);
}

}  // namespace rung::html
