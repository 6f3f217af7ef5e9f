#include "rung/web/http/url.hpp"

#include <array>

#include <fmt/format.h>

#include "rung/core/text.hpp"

namespace rung::web {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

bool has_control_character(std::string_view text) {
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) {
      return true;
    }
  }
  return false;
}

// Decoded text that is safe to use: valid UTF-8 without control characters.
Result<std::string> decode_part(std::string_view text, bool plus_is_space, std::string_view what) {
  auto decoded = percent_decode(text, plus_is_space);
  if (!decoded) {
    return fail("http.bad-target",
                fmt::format("{} has a '%' not followed by two hex digits", what));
  }
  if (find_invalid_utf8(*decoded) || has_control_character(*decoded)) {
    return fail("http.bad-target",
                fmt::format("{} decodes to bytes that are not printable UTF-8 text", what));
  }
  return std::move(*decoded);
}

Result<void> check_segments(std::string_view path) {
  std::size_t start = 1;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) {
      end = path.size();
    }
    const std::string_view segment = path.substr(start, end - start);
    if (segment == "." || segment == "..") {
      return fail("http.bad-target",
                  fmt::format("the path may not contain '{}' segments", segment));
    }
    start = end + 1;
  }
  return {};
}

Result<QueryParams> parse_query(std::string_view raw) {
  QueryParams out;
  while (!raw.empty()) {
    const std::size_t amp = raw.find('&');
    const std::string_view pair = raw.substr(0, amp);
    raw = amp == std::string_view::npos ? std::string_view() : raw.substr(amp + 1);
    if (pair.empty()) {
      continue;
    }
    const std::size_t eq = pair.find('=');
    RUNG_TRY_ASSIGN(std::string name,
                    decode_part(pair.substr(0, eq), true, "a query parameter name"));
    std::string value;
    if (eq != std::string_view::npos) {
      RUNG_TRY_ASSIGN(value, decode_part(pair.substr(eq + 1), true,
                                         fmt::format("the query parameter '{}'", name)));
    }
    out.emplace_back(std::move(name), std::move(value));
  }
  return out;
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) {
        return std::nullopt;
      }
      const int high = hex_value(text[i + 1]);
      const int low = hex_value(text[i + 2]);
      if (high < 0 || low < 0) {
        return std::nullopt;
      }
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Result<Target> parse_target(std::string_view target) {
  if (!target.starts_with('/')) {
    return fail("http.bad-target", "the request target must be a path starting with '/'");
  }
  const std::size_t question = target.find('?');
  Target out;
  RUNG_TRY_ASSIGN(out.path, decode_part(target.substr(0, question), false, "the path"));
  RUNG_TRY(check_segments(out.path));
  if (question != std::string_view::npos) {
    out.raw_query = std::string(target.substr(question + 1));
    RUNG_TRY_ASSIGN(out.query, parse_query(out.raw_query));
  }
  return out;
}

std::optional<std::string_view> query_value(const QueryParams& query, std::string_view name) {
  for (const auto& [key, value] : query) {
    if (key == name) {
      return value;
    }
  }
  return std::nullopt;
}

std::string redact_query(std::string_view raw_query) {
  // "state": an OpenID Connect callback's one-use state (its code is caught by "code").
  static constexpr std::array k_secret_words{"token",   "key",  "password", "secret",
                                             "session", "code", "auth",     "state"};
  std::string out;
  while (!raw_query.empty()) {
    const std::size_t amp = raw_query.find('&');
    const std::string_view pair = raw_query.substr(0, amp);
    raw_query = amp == std::string_view::npos ? std::string_view() : raw_query.substr(amp + 1);
    if (!out.empty()) {
      out += '&';
    }
    const std::size_t eq = pair.find('=');
    const std::string name = ascii_lower(pair.substr(0, eq));
    bool secret = false;
    for (std::string_view word : k_secret_words) {
      secret = secret || name.find(word) != std::string::npos;
    }
    out += secret && eq != std::string_view::npos ? std::string(pair.substr(0, eq)) + "=REDACTED"
                                                  : std::string(pair);
  }
  return out;
}

}  // namespace rung::web
