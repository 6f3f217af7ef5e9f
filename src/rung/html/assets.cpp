#include "rung/html/assets.hpp"

#include <algorithm>

namespace rung::html {

std::optional<std::string_view> asset(std::string_view name) {
  const auto files = embedded_files();
  const auto found =
      std::lower_bound(files.begin(), files.end(), name,
                       [](const auto& file, std::string_view key) { return file.first < key; });
  if (found == files.end() || found->first != name) {
    return std::nullopt;
  }
  return found->second;
}

std::vector<std::pair<std::string_view, std::string_view>> template_sources() {
  constexpr std::string_view k_prefix = "templates/";
  constexpr std::string_view k_suffix = ".html";
  std::vector<std::pair<std::string_view, std::string_view>> out;
  for (const auto& [name, bytes] : embedded_files()) {
    if (name.starts_with(k_prefix) && name.ends_with(k_suffix)) {
      std::string_view stem = name.substr(k_prefix.size());
      stem.remove_suffix(k_suffix.size());
      out.emplace_back(stem, bytes);
    }
  }
  return out;
}

}  // namespace rung::html
