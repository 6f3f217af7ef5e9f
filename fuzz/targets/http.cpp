// What arrives over HTTP: targets and query strings, forms (urlencoded and multipart),
// cookies, JSON bodies; and whole requests through the web application.
#include <memory>
#include <string>
#include <string_view>

#include "rung/builtin/builtin.hpp"
#include "rung/web/app.hpp"
#include "rung/web/http/cookies.hpp"
#include "rung/web/http/form.hpp"
#include "rung/web/http/url.hpp"

#include "../targets.hpp"

namespace rung::fuzz {

namespace {

// Splits off the first line (without its line end); `rest` keeps what follows.
std::string_view first_line(std::string_view& rest) {
  const std::size_t end = rest.find('\n');
  std::string_view line = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  if (!line.empty() && line.back() == '\r') {
    line.remove_suffix(1);
  }
  return line;
}

}  // namespace

// The first byte chooses the decoder; the rest is its input (for multipart, the first line is
// the boundary).
void http_decoding(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return;
  }
  std::string_view input = as_text(data + 1, size - 1);
  switch (data[0] % 5) {
    case 0:
      if (auto target = web::parse_target(input)) {
        check(target->path.starts_with('/'), "a decoded path starts with /");
        check(target->path.find("/../") == std::string::npos && !target->path.ends_with("/.."),
              "a decoded path never climbs");
      }
      break;
    case 1:
      (void)web::parse_urlencoded(input);
      break;
    case 2: {
      const std::string_view boundary = first_line(input);
      (void)web::parse_multipart(input, boundary);
      break;
    }
    case 3: {
      web::Request request;
      request.headers.add("Cookie", std::string(input));
      (void)web::cookie(request, "rung_session");
      (void)web::cookie(request, "rung_signin");
      break;
    }
    default: {
      web::Request request;
      request.method = web::Method::post;
      request.headers.add("Content-Type", "application/json");
      request.body = std::string(input);
      (void)web::parse_json_body(request);
      break;
    }
  }
}

// A whole request through web::App over an in-memory store (anonymous: nobody can sign in):
// "METHOD TARGET" on the first line, header lines up to an empty line, then the body. Every
// answer must be a deliberate one: a 500 means an exception escaped a handler.
void http_request(const std::uint8_t* data, std::size_t size) {
  static const std::unique_ptr<web::App> app = [] {
    auto created = web::App::create(builtin::engineering_ladder());
    check(created.has_value(), "the app starts");
    return std::move(*created);
  }();
  std::string_view input = as_text(data, size);
  const std::string_view start = first_line(input);
  const std::size_t space = start.find(' ');
  web::Request request;
  request.method_name = std::string(start.substr(0, space));
  request.method = web::parse_method(request.method_name);
  request.target =
      space == std::string_view::npos ? std::string("/") : std::string(start.substr(space + 1));
  for (std::string_view line = first_line(input); !line.empty(); line = first_line(input)) {
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      continue;
    }
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') {
      value.remove_prefix(1);
    }
    request.headers.add(std::string(line.substr(0, colon)), std::string(value));
  }
  request.body = std::string(input);
  const web::Response response = app->handle(request);
  check(response.status >= 200 && response.status < 600, "a status code");
  check(response.status != 500, "no request makes a handler throw (500)");
}

}  // namespace rung::fuzz
