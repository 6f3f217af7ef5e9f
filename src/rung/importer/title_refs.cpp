#include "rung/importer/title_refs.hpp"

#include <algorithm>
#include <cctype>

#include "rung/core/text.hpp"

namespace rung::importer {

namespace {

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t title = 0;  // index into the titles
};

bool is_word_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || std::isalnum(u) != 0;
}

std::vector<Span> find_mentions(const std::string& text, const std::string& title,
                                std::size_t index) {
  std::vector<Span> found;
  if (title.empty()) {
    return found;
  }
  for (std::size_t at = text.find(title); at != std::string::npos; at = text.find(title, at + 1)) {
    std::size_t end = at + title.size();
    bool starts_word = at == 0 || !is_word_char(text[at - 1]);
    bool ends_word = end == text.size() || !is_word_char(text[end]);
    if (starts_word && ends_word) {
      found.push_back(Span{at, end, index});
    }
  }
  return found;
}

}  // namespace

std::vector<std::string> find_title_refs(std::string_view statement,
                                         std::span<const LevelTitle> titles,
                                         std::string_view own_level) {
  const std::string text = ascii_lower(statement);
  std::vector<Span> spans;
  for (std::size_t i = 0; i < titles.size(); ++i) {
    auto found = find_mentions(text, ascii_lower(trim(titles[i].title)), i);
    spans.insert(spans.end(), found.begin(), found.end());
  }
  std::vector<bool> mentioned(titles.size(), false);
  for (const Span& span : spans) {
    bool inside_longer = std::any_of(spans.begin(), spans.end(), [&](const Span& other) {
      return other.begin <= span.begin && span.end <= other.end &&
             other.end - other.begin > span.end - span.begin;
    });
    if (!inside_longer) {
      mentioned[span.title] = true;
    }
  }
  std::vector<std::string> refs;
  for (std::size_t i = 0; i < titles.size(); ++i) {
    const std::string& id = titles[i].level_id;
    if (mentioned[i] && id != own_level && std::find(refs.begin(), refs.end(), id) == refs.end()) {
      refs.push_back(id);
    }
  }
  return refs;
}

}  // namespace rung::importer
