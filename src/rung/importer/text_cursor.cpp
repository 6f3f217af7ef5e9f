#include "rung/importer/text_cursor.hpp"

#include <fmt/format.h>

#include "rung/importer/text_fields.hpp"

namespace rung::importer {

namespace {

constexpr std::size_t k_quote_limit = 60;

// `text` cut to a readable length, at a UTF-8 character boundary.
std::string shorten(std::string_view text) {
  if (text.size() <= k_quote_limit) {
    return std::string(text);
  }
  std::size_t cut = k_quote_limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return std::string(text.substr(0, cut)) + "...";
}

}  // namespace

bool LineCursor::peek_keyword(std::string_view keyword) const {
  return peek_text() && is_keyword(peek()->text, keyword);
}

std::string LineCursor::found() const {
  const Line* line = peek();
  if (line == nullptr) {
    return "end of input";
  }
  if (line->kind == LineKind::bullet) {
    return fmt::format("the bullet '{}'", shorten(line->text));
  }
  return fmt::format("'{}'", shorten(line->text));
}

tl::unexpected<Error> LineCursor::expected(std::string_view what, std::string hint,
                                           std::string code) const {
  Location at = peek() != nullptr ? where(*peek()) : Location{std::string(m_file)};
  if (peek() == nullptr && !m_lines.empty()) {
    at.line = m_lines.back().number;
  }
  return fail(std::move(code), fmt::format("expected {}, found {}", what, found()), at,
              std::move(hint));
}

}  // namespace rung::importer
