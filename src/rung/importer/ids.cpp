#include "rung/importer/ids.hpp"

#include <algorithm>
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

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

// "se-2" is "se" followed by "-<number>".
bool is_numbered(std::string_view id, std::string_view base) {
  return id.size() > base.size() + 1 && id.starts_with(base) && id[base.size()] == '-' &&
         all_digits(id.substr(base.size() + 1));
}

}  // namespace

bool reads_as_level_id(std::string_view id, const IdSet& taken) {
  std::size_t dash = id.rfind('-');
  if (dash != std::string_view::npos && all_digits(id.substr(dash + 1))) {
    return true;
  }
  return std::any_of(taken.begin(), taken.end(), [&](const std::string& other) {
    return is_numbered(id, other) || is_numbered(other, id);
  });
}

std::string track_id(std::string_view name, const IdSet& taken) {
  auto usable = [&](const std::string& candidate) {
    return !candidate.empty() && !taken.contains(candidate) && !reads_as_level_id(candidate, taken);
  };
  const std::string initials = track_initials(name);
  if (usable(initials)) {
    return initials;
  }
  std::vector<std::string_view> words = words_of(name);
  for (std::size_t n = 1; n <= words.size(); ++n) {
    std::string_view prefix(
        words.front().data(),
        static_cast<std::size_t>(words[n - 1].data() + words[n - 1].size() - words.front().data()));
    std::string slug = slugify(prefix);
    if (usable(slug)) {
      return slug;
    }
  }
  for (char a = 'b'; a <= 'z'; ++a) {
    std::string candidate = initials + a;
    if (usable(candidate)) {
      return candidate;
    }
  }
  for (char a = 'a'; a <= 'z'; ++a) {
    for (char b = 'a'; b <= 'z'; ++b) {
      std::string candidate = initials + a + b;
      if (usable(candidate)) {
        return candidate;
      }
    }
  }
  return unique_id(initials + "-track", taken);  // 700 tracks with the same initials
}

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
