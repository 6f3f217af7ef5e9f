#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "rung/core/error.hpp"
#include "rung/html/pages.hpp"
#include "rung/model/ladder.hpp"

// The ladder as a static HTML site that works opened from disk (file://) with no server: the
// same templates and views as `rung serve`, with relative links (links.hpp Links::static_site).
namespace rung::html {

struct SiteFile {
  std::string path;  // relative to the site root, '/'-separated: "levels/swe-3.html"
  std::string content;
};

// Every file of the site: index.html (the tracks × grades grid), tracks/<id>.html,
// levels/<id>.html, compare/<a>--<b>.html for each pair of consecutive levels of a track, and
// rung.css (with its print stylesheet).
std::vector<SiteFile> render_static_site(const model::Ladder& ladder, const Pages& pages);

// Writes the site to the directory `dir` all-or-nothing: into a temporary directory beside it,
// then swapped in. `dir` may be absent, empty, or a site written before (it is replaced);
// anything else is refused so that no unrelated files are lost. Error "file.unwritable":
// "cannot write 'DIR': <reason>".
Result<void> write_static_site(const model::Ladder& ladder, const std::filesystem::path& dir);

}  // namespace rung::html
