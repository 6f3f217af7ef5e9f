#include "rung/importer/text_cursor.hpp"

#include <fmt/format.h>

#include "rung/core/shorten.hpp"
#include "rung/importer/text_fields.hpp"

namespace rung::importer {

namespace {

constexpr std::size_t k_quote_limit = 60;

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
    return fmt::format("the bullet '{}'", shorten(line->text, k_quote_limit));
  }
  return fmt::format("'{}'", shorten(line->text, k_quote_limit));
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
