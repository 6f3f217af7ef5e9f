#include "rung/format/scalar_style.hpp"

#include <algorithm>
#include <array>

#include "rung/core/text.hpp"

namespace rung::format {

namespace {

constexpr std::string_view k_leading_indicators = "-?:,[]{}#&*!|>'\"%@`";
constexpr std::string_view k_flow_indicators = ",[]{}";
// Characters of YAML 1.1 numbers in any base, with separators, exponents and sexagesimals.
constexpr std::string_view k_number_chars = "0123456789abcdefABCDEF_.:+-xXoO";

constexpr std::array<std::string_view, 14> k_special_words{
    "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", ".inf", ".nan", "=", "<<"};

// Unicode characters YAML 1.1 treats as line breaks, and the byte order mark.
constexpr std::array<std::string_view, 4> k_unicode_breaks{"\xC2\x85", "\xE2\x80\xA8",
                                                           "\xE2\x80\xA9", "\xEF\xBB\xBF"};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool has_control_character(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7F;
  });
}

bool looks_like_number(std::string_view text) {
  std::string_view body = text;
  if (!body.empty() && (body.front() == '+' || body.front() == '-')) {
    body.remove_prefix(1);
  }
  if (body.empty() || !(is_digit(body.front()) || body.front() == '.')) {
    return false;
  }
  return body.find_first_not_of(k_number_chars) == std::string_view::npos;
}

bool is_special_word(std::string_view text) {
  std::string lowered = ascii_lower(text);
  if (lowered.starts_with('+') || lowered.starts_with('-')) {
    lowered.erase(0, 1);
  }
  return std::find(k_special_words.begin(), k_special_words.end(), lowered) !=
         k_special_words.end();
}

bool starts_like_date(std::string_view text) {
  return text.size() >= 5 && is_digit(text[0]) && is_digit(text[1]) && is_digit(text[2]) &&
         is_digit(text[3]) && text[4] == '-';
}

}  // namespace

bool is_plain_safe(std::string_view text, Context context) {
  if (text.empty() || text.front() == ' ' || text.back() == ' ' || text.back() == ':') {
    return false;
  }
  if (k_leading_indicators.find(text.front()) != std::string_view::npos ||
      has_control_character(text)) {
    return false;
  }
  if (text.find(": ") != std::string_view::npos || text.find(" #") != std::string_view::npos) {
    return false;
  }
  if (context == Context::flow && text.find_first_of(k_flow_indicators) != std::string_view::npos) {
    return false;
  }
  for (auto mark : k_unicode_breaks) {
    if (text.find(mark) != std::string_view::npos) {
      return false;
    }
  }
  return !is_special_word(text) && !looks_like_number(text) && !starts_like_date(text);
}

bool is_plain_integer(std::string_view text) {
  if (text.empty() || !std::all_of(text.begin(), text.end(), is_digit)) {
    return false;
  }
  return text == "0" || text.front() != '0';
}

bool looks_like_iso_date(std::string_view text) {
  return text.size() == 10 && starts_like_date(text) && is_digit(text[5]) && is_digit(text[6]) &&
         text[7] == '-' && is_digit(text[8]) && is_digit(text[9]);
}

}  // namespace rung::format
