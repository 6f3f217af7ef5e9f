#include "rung/web/http/form.hpp"

#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/web/http/url.hpp"

namespace rung::web {

namespace {

constexpr std::size_t k_max_fields = 1000;

Result<void> check_text(const std::string& name, std::string_view value) {
  if (find_invalid_utf8(value)) {
    return fail("http.bad-form",
                fmt::format("the form field '{}' is not valid UTF-8", name.substr(0, 64)));
  }
  return {};
}

// Splits the next line (ending in CRLF) off `text`; nullopt when there is no CRLF left.
std::optional<std::string_view> next_line(std::string_view& text) {
  const std::size_t end = text.find("\r\n");
  if (end == std::string_view::npos) {
    return std::nullopt;
  }
  const std::string_view line = text.substr(0, end);
  text.remove_prefix(end + 2);
  return line;
}

// The headers of one part (up to the empty line) -> its field name and file name.
Result<FormField> part_headers(std::string_view& part) {
  FormField field;
  bool named = false;
  while (true) {
    const auto line = next_line(part);
    if (!line) {
      return fail("http.bad-form", "a part of the multipart body has no end of its headers");
    }
    if (line->empty()) {
      break;
    }
    const std::size_t colon = line->find(':');
    if (colon == std::string_view::npos) {
      return fail("http.bad-form", "a part header of the multipart body has no ':'");
    }
    if (!iequals(trim(line->substr(0, colon)), "Content-Disposition")) {
      continue;
    }
    const std::string_view value = trim(line->substr(colon + 1));
    if (auto name = header_parameter(value, "name")) {
      field.name = std::move(*name);
      named = true;
    }
    field.filename = header_parameter(value, "filename");
  }
  if (!named) {
    return fail("http.bad-form", "a part of the multipart body has no name");
  }
  return field;
}

}  // namespace

std::optional<std::string_view> Form::get(std::string_view name) const {
  for (const FormField& field : m_fields) {
    if (field.name == name && !field.filename) {
      return field.value;
    }
  }
  return std::nullopt;
}

const FormField* Form::file(std::string_view name) const {
  for (const FormField& field : m_fields) {
    if (field.name == name && field.filename) {
      return &field;
    }
  }
  return nullptr;
}

Result<Form> parse_urlencoded(std::string_view body) {
  std::vector<FormField> fields;
  while (!body.empty()) {
    const std::size_t amp = body.find('&');
    const std::string_view pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
    if (pair.empty()) {
      continue;
    }
    if (fields.size() == k_max_fields) {
      return fail("http.bad-form", fmt::format("the form has more than {} fields", k_max_fields));
    }
    const std::size_t eq = pair.find('=');
    auto name = percent_decode(pair.substr(0, eq), true);
    auto value = percent_decode(eq == std::string_view::npos ? "" : pair.substr(eq + 1), true);
    if (!name || !value) {
      return fail("http.bad-form", "the form has a '%' that is not followed by two hex digits");
    }
    RUNG_TRY(check_text(*name, *name));
    RUNG_TRY(check_text(*name, *value));
    fields.push_back(FormField{std::move(*name), std::move(*value), std::nullopt});
  }
  return Form(std::move(fields));
}

Result<Form> parse_multipart(std::string_view body, std::string_view boundary) {
  if (boundary.empty() || boundary.size() > 200) {
    return fail("http.bad-form", "the multipart body has no usable boundary");
  }
  const std::string delimiter = "--" + std::string(boundary);
  if (!body.starts_with(delimiter)) {
    return fail("http.bad-form", "the multipart body does not start with its boundary");
  }
  body.remove_prefix(delimiter.size());
  const std::string separator = "\r\n" + delimiter;
  std::vector<FormField> fields;
  while (true) {
    if (body.starts_with("--")) {
      return Form(std::move(fields));
    }
    if (!body.starts_with("\r\n")) {
      return fail("http.bad-form", "the multipart boundary is not followed by a line end");
    }
    body.remove_prefix(2);
    const std::size_t end = body.find(separator);
    if (end == std::string_view::npos) {
      return fail("http.bad-form", "the multipart body ends before its closing boundary");
    }
    std::string_view part = body.substr(0, end);
    body.remove_prefix(end + separator.size());
    if (fields.size() == k_max_fields) {
      return fail("http.bad-form", fmt::format("the form has more than {} parts", k_max_fields));
    }
    RUNG_TRY_ASSIGN(FormField field, part_headers(part));
    field.value = std::string(part);
    if (!field.filename) {
      RUNG_TRY(check_text(field.name, field.value));
    }
    fields.push_back(std::move(field));
  }
}

Result<Form> parse_form(const Request& request) {
  const std::string_view type = request.headers.get("Content-Type").value_or("");
  const std::string_view media = trim(type.substr(0, type.find(';')));
  if (iequals(media, "application/x-www-form-urlencoded")) {
    return parse_urlencoded(request.body);
  }
  if (iequals(media, "multipart/form-data")) {
    return parse_multipart(request.body, header_parameter(type, "boundary").value_or(""));
  }
  if (request.body.empty()) {
    return Form();
  }
  return fail("http.bad-form",
              fmt::format("a form must be sent as application/x-www-form-urlencoded or "
                          "multipart/form-data, not '{}'",
                          media.substr(0, 80)));
}

Result<nlohmann::ordered_json> parse_json_body(const Request& request) {
  const std::string_view type = request.headers.get("Content-Type").value_or("");
  const std::string_view media = trim(type.substr(0, type.find(';')));
  if (request.body.empty() && media.empty()) {
    return nlohmann::ordered_json::object();
  }
  if (!iequals(media, "application/json")) {
    return fail("http.unsupported-media-type",
                fmt::format("send the body as application/json, not '{}'", media.substr(0, 80)));
  }
  auto parsed = nlohmann::ordered_json::parse(request.body, nullptr, false);
  if (parsed.is_discarded()) {
    return fail("http.bad-json", "the body is not valid JSON");
  }
  if (!parsed.is_object()) {
    return fail("http.bad-json", "the body must be a JSON object");
  }
  return parsed;
}

std::optional<std::string> header_parameter(std::string_view header_value, std::string_view name) {
  std::size_t semicolon = header_value.find(';');
  while (semicolon != std::string_view::npos) {
    std::string_view rest = header_value.substr(semicolon + 1);
    const std::size_t eq = rest.find('=');
    if (eq == std::string_view::npos) {
      return std::nullopt;
    }
    const std::string_view key = trim(rest.substr(0, eq));
    rest = trim(rest.substr(eq + 1));
    std::string value;
    std::size_t used = 0;
    if (rest.starts_with('"')) {
      std::size_t i = 1;
      for (; i < rest.size() && rest[i] != '"'; ++i) {
        if (rest[i] == '\\' && i + 1 < rest.size()) {
          ++i;
        }
        value.push_back(rest[i]);
      }
      used = std::min(i + 1, rest.size());
    } else {
      used = std::min(rest.find(';'), rest.size());
      value = std::string(trim(rest.substr(0, used)));
    }
    if (iequals(key, name)) {
      return value;
    }
    const std::size_t next = rest.find(';', used);
    header_value = rest;
    semicolon = next;
  }
  return std::nullopt;
}

}  // namespace rung::web
