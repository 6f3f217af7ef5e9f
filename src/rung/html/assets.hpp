#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

// The files under src/rung/html/assets/, compiled into the binary (cmake/embed_dir.cmake):
// templates/*.html (the pages), static/* (the stylesheet) and openapi.json.
namespace rung::html {

// Every embedded file as {name, bytes}, sorted by name ("static/rung.css", "templates/...").
std::span<const std::pair<std::string_view, std::string_view>> embedded_files();

// The bytes of one embedded file, or nullopt.
std::optional<std::string_view> asset(std::string_view name);

// The templates as {name without "templates/" and ".html", source}: what Templates::compile takes.
std::vector<std::pair<std::string_view, std::string_view>> template_sources();

}  // namespace rung::html
