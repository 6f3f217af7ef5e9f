#include "rung/store/postgres/uri.hpp"

namespace rung::store::postgres {

namespace {

constexpr std::string_view k_mask = "***";

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// Masks the value of every "password=" (after `from`): up to the next '&' in a URI query, up
// to the next unquoted blank in a key=value string (or the closing quote of a quoted value).
std::string mask_password_parameters(std::string text, std::size_t from, bool uri) {
  constexpr std::string_view key = "password=";
  for (auto at = text.find(key, from); at != std::string::npos; at = text.find(key, at + 1)) {
    const bool starts_key = at == 0 || text[at - 1] == '&' || text[at - 1] == '?' ||
                            text[at - 1] == ' ' || text[at - 1] == '\t';
    if (!starts_key) {
      continue;
    }
    const auto value = at + key.size();
    std::size_t end = value;
    if (uri) {
      end = text.find('&', value);
    } else if (value < text.size() && text[value] == '\'') {
      end = value + 1;
      while (end < text.size() && text[end] != '\'') {
        end += text[end] == '\\' ? 2 : 1;
      }
      end = end < text.size() ? end + 1 : text.size();
    } else {
      end = text.find_first_of(" \t", value);
    }
    if (end == std::string::npos) {
      end = text.size();
    }
    text.replace(value, end - value, k_mask);
  }
  return text;
}

}  // namespace

bool is_postgres_uri(std::string_view text) {
  return starts_with(text, "postgresql://") || starts_with(text, "postgres://");
}

std::string redact_uri(std::string_view uri) {
  std::string text(uri);
  if (!is_postgres_uri(text)) {
    return mask_password_parameters(std::move(text), 0, false);
  }
  const auto authority = text.find("://") + 3;
  const auto authority_end = text.find_first_of("/?", authority);
  const auto at = text.rfind('@', authority_end == std::string::npos ? text.size() : authority_end);
  if (at != std::string::npos && at >= authority) {
    const auto colon = text.find(':', authority);
    if (colon != std::string::npos && colon < at) {
      text.replace(colon + 1, at - colon - 1, k_mask);
    }
  }
  const auto query = text.find('?', authority);
  return query == std::string::npos ? text : mask_password_parameters(std::move(text), query, true);
}

}  // namespace rung::store::postgres
