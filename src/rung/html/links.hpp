#pragma once

#include <optional>
#include <string>
#include <string_view>

// Where pages link to. The server's URLs are absolute and stable ("/levels/swe-3"); the static
// site's are relative file names that work from file:// ("../levels/swe-3.html"). Views take a
// Links and never spell a URL themselves, so one set of templates serves both.
namespace rung::html {

class Links {
 public:
  // Links of `rung serve`. `stylesheet_version` (a hash of the CSS) busts browser caches.
  static Links server(std::string stylesheet_version);
  // Links from a static-site page `depth` folders below the site's root (index.html: 0).
  static Links static_site(int depth);

  bool is_static() const { return m_static; }

  std::string home() const;
  std::string stylesheet() const;
  std::string track(std::string_view id) const;
  std::string level(std::string_view id) const;
  // The compare page of two levels. The static site has pages only for consecutive levels of
  // a track (`consecutive`); for other pairs it returns nullopt.
  std::optional<std::string> compare(std::string_view a, std::string_view b,
                                     bool consecutive) const;
  // The compare form's action and the search page (server only; "" on the static site).
  std::string compare_form() const;
  std::string search(std::string_view query = {}) const;
  std::string lint() const;
  // The ladder's history, version by version (server only; "" on the static site).
  std::string history() const;

  // Static-site file names, relative to the site root.
  static std::string level_file(std::string_view id);
  static std::string track_file(std::string_view id);
  static std::string compare_file(std::string_view a, std::string_view b);
  static constexpr std::string_view k_stylesheet_file = "rung.css";

 private:
  Links(bool is_static, std::string prefix, std::string version)
      : m_static(is_static), m_prefix(std::move(prefix)), m_version(std::move(version)) {}

  bool m_static = false;
  std::string m_prefix;   // static site: "../" per folder level
  std::string m_version;  // server: stylesheet version
};

}  // namespace rung::html
