#include "rung/html/static_site.hpp"

#include <fstream>
#include <random>
#include <system_error>

#include <fmt/format.h>

#include "rung/compare/compare.hpp"
#include "rung/compare/report.hpp"
#include "rung/html/assets.hpp"
#include "rung/html/tool_views.hpp"
#include "rung/html/views.hpp"

namespace rung::html {

namespace {

namespace fs = std::filesystem;

tl::unexpected<Error> unwritable(const fs::path& dir, std::string_view reason) {
  return fail(ErrorKind::internal, "file.unwritable",
              fmt::format("cannot write '{}': {}", dir.string(), reason), Location{dir.string()});
}

// A directory we may replace: absent, empty, or holding a site we wrote (index.html + rung.css).
Result<void> check_target(const fs::path& dir) {
  std::error_code error;
  const fs::file_status status = fs::status(dir, error);
  if (!fs::exists(status)) {
    return {};
  }
  if (!fs::is_directory(status)) {
    return unwritable(dir, "it exists and is not a directory");
  }
  const bool empty = fs::is_empty(dir, error);
  const bool ours = fs::exists(dir / "index.html") && fs::exists(dir / Links::k_stylesheet_file);
  if (!empty && !ours) {
    return unwritable(dir,
                      "it is a directory that holds other files than a Rung site; "
                      "give a new or empty directory");
  }
  return {};
}

Result<void> write_files(const fs::path& root, const std::vector<SiteFile>& files) {
  for (const SiteFile& file : files) {
    const fs::path path = root / file.path;
    std::error_code error;
    fs::create_directories(path.parent_path(), error);
    std::ofstream out(path, std::ios::binary);
    out << file.content;
    out.close();
    if (error || !out) {
      return unwritable(root, fmt::format("writing {} failed", file.path));
    }
  }
  return {};
}

fs::path sibling(const fs::path& dir, std::string_view kind) {
  std::random_device device;
  return dir.parent_path() / fmt::format(".{}.{}-{:08x}", dir.filename().string(), kind, device());
}

}  // namespace

std::vector<SiteFile> render_static_site(const model::Ladder& ladder, const Pages& pages) {
  std::vector<SiteFile> out;
  out.push_back(
      {"index.html", pages.render("overview", overview_view(ladder, Links::static_site(0)))});
  const Links nested = Links::static_site(1);
  const compare::Similarity similarity(ladder);
  for (const model::Track& track : ladder.tracks()) {
    out.push_back(
        {Links::track_file(track.id), pages.render("track", track_view(ladder, track, nested))});
    for (const model::Level& level : track.levels) {
      out.push_back({Links::level_file(level.id),
                     pages.render("level", level_view(ladder, level, nested, similarity))});
      if (auto comparison = compare::compare_with_next(ladder, similarity, level.id)) {
        const std::string next = comparison->b.id;
        const Json view = compare_view(
            ladder, nested, Json::parse(compare::render_json(*comparison)), level.id, next);
        out.push_back({Links::compare_file(level.id, next), pages.render("compare", view)});
      }
    }
  }
  out.push_back(
      {std::string(Links::k_stylesheet_file), std::string(asset("static/rung.css").value_or(""))});
  return out;
}

Result<void> write_static_site(const model::Ladder& ladder, const fs::path& dir) {
  RUNG_TRY(check_target(dir));
  auto pages = Pages::load();
  if (!pages) {
    return tl::unexpected(pages.error().front());
  }
  const std::vector<SiteFile> files = render_static_site(ladder, *pages);
  const fs::path fresh = sibling(dir, "new");
  std::error_code error;
  if (!fs::create_directory(fresh, error)) {
    return unwritable(dir, error ? error.message() : "cannot create a temporary directory");
  }
  if (auto written = write_files(fresh, files); !written) {
    fs::remove_all(fresh, error);
    return written;
  }
  const fs::path old = sibling(dir, "old");
  const bool replacing = fs::exists(dir);
  if (replacing) {
    fs::rename(dir, old, error);
  }
  if (!error) {
    fs::rename(fresh, dir, error);
  }
  if (error) {
    const std::string reason = error.message();
    fs::remove_all(fresh, error);
    if (replacing && fs::exists(old)) {
      fs::rename(old, dir, error);
    }
    return unwritable(dir, reason);
  }
  if (replacing) {
    fs::remove_all(old, error);
  }
  return {};
}

}  // namespace rung::html
