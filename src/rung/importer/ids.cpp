#include "rung/importer/ids.hpp"

#include <cctype>
#include <vector>

#include <fmt/format.h>

#include "rung/core/text.hpp"

namespace rung::importer {

namespace {

std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])) != 0) {
      ++i;
    }
    std::size_t start = i;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])) == 0) {
      ++i;
    }
    if (i > start) {
      words.push_back(text.substr(start, i - start));
    }
  }
  return words;
}

}  // namespace

std::string unique_id(std::string_view base, const IdSet& taken) {
  if (!taken.contains(base)) {
    return std::string(base);
  }
  for (int n = 2;; ++n) {
    std::string candidate = fmt::format("{}-{}", base, n);
    if (!taken.contains(candidate)) {
      return candidate;
    }
  }
}

std::string track_initials(std::string_view name) {
  std::string id;
  for (std::string_view word : words_of(name)) {
    for (char c : word) {
      auto u = static_cast<unsigned char>(c);
      if (u < 0x80 && std::isalnum(u) != 0) {
        id.push_back(static_cast<char>(std::tolower(u)));
        break;
      }
    }
  }
  return id.empty() ? std::string("track") : id;
}

std::string area_slug(std::string_view name, const IdSet& taken) {
  std::vector<std::string_view> words = words_of(name);
  std::string slug;
  for (std::size_t n = 1; n <= words.size(); ++n) {
    std::string_view prefix(
        words.front().data(),
        static_cast<std::size_t>(words[n - 1].data() + words[n - 1].size() - words.front().data()));
    slug = slugify(prefix);
    if (!slug.empty() && !taken.contains(slug)) {
      return slug;
    }
  }
  return unique_id(slug.empty() ? std::string_view("area") : std::string_view(slug), taken);
}

}  // namespace rung::importer
