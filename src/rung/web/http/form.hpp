#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "rung/core/error.hpp"
#include "rung/web/http/http.hpp"

// The body of a POST: an HTML form sent as application/x-www-form-urlencoded or as
// multipart/form-data (the CSV upload). Both parsers take untrusted bytes and refuse what they
// cannot read whole, with code "http.bad-form" and a message saying what is wrong; they never
// read past the body they are given.
namespace rung::web {

struct FormField {
  std::string name;
  std::string value;                    // the text, or the file's bytes
  std::optional<std::string> filename;  // set for a file part of a multipart body
};

class Form {
 public:
  Form() = default;
  explicit Form(std::vector<FormField> fields) : m_fields(std::move(fields)) {}

  // The first text field called `name`; nullopt when absent.
  std::optional<std::string_view> get(std::string_view name) const;
  // The text field, or "" when absent.
  std::string_view value(std::string_view name) const { return get(name).value_or(""); }
  // The first file part called `name`; nullptr when absent.
  const FormField* file(std::string_view name) const;
  const std::vector<FormField>& fields() const { return m_fields; }

 private:
  std::vector<FormField> m_fields;
};

// "a=1&b=x+y" -> {a: "1", b: "x y"}. Text fields must be valid UTF-8.
Result<Form> parse_urlencoded(std::string_view body);

// A multipart/form-data body with the boundary from its Content-Type. Text parts must be valid
// UTF-8; file parts are kept as bytes.
Result<Form> parse_multipart(std::string_view body, std::string_view boundary);

// The form of `request` by its Content-Type; an empty form for an empty body. Other content
// types are refused ("http.bad-form").
Result<Form> parse_form(const Request& request);

// The JSON body of an API write: Content-Type application/json (or no body at all, read as
// an empty object) holding one JSON object. Errors: "http.unsupported-media-type" for another
// Content-Type, "http.bad-json" for text that is not a JSON object (the message says where).
Result<nlohmann::ordered_json> parse_json_body(const Request& request);

// The value of `name` in a header value of the shape `type; name=value; name="value"`.
std::optional<std::string> header_parameter(std::string_view header_value, std::string_view name);

}  // namespace rung::web
