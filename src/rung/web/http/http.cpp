#include "rung/web/http/http.hpp"

#include <algorithm>
#include <array>

namespace rung::web {

namespace {

constexpr std::array k_methods{
    std::pair{Method::get, std::string_view("GET")},
    std::pair{Method::head, std::string_view("HEAD")},
    std::pair{Method::post, std::string_view("POST")},
    std::pair{Method::put, std::string_view("PUT")},
    std::pair{Method::patch, std::string_view("PATCH")},
    std::pair{Method::del, std::string_view("DELETE")},
    std::pair{Method::options, std::string_view("OPTIONS")},
};

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

std::string_view to_string(Method method) {
  for (const auto& [value, name] : k_methods) {
    if (value == method) {
      return name;
    }
  }
  return "OTHER";
}

Method parse_method(std::string_view name) {
  for (const auto& [value, text] : k_methods) {
    if (text == name) {
      return value;
    }
  }
  return Method::other;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

void Headers::add(std::string name, std::string value) {
  m_fields.emplace_back(std::move(name), std::move(value));
}

void Headers::set(std::string name, std::string value) {
  std::erase_if(m_fields, [&](const auto& field) { return iequals(field.first, name); });
  add(std::move(name), std::move(value));
}

std::optional<std::string_view> Headers::get(std::string_view name) const {
  for (const auto& [key, value] : m_fields) {
    if (iequals(key, name)) {
      return value;
    }
  }
  return std::nullopt;
}

std::string_view reason_phrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 413:
      return "Content Too Large";
    case 414:
      return "URI Too Long";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "Unknown";
  }
}

}  // namespace rung::web
