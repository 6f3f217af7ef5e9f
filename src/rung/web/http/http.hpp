#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The web layer's own request and response: plain values, no sockets. server.cpp converts
// RESTinio's messages to and from these; everything else (router, pages, cache, tests) works on
// them alone.
namespace rung::web {

enum class Method { get, head, post, put, patch, del, options, other };

// "GET", "HEAD", ...; "OTHER" for methods Rung does not route.
std::string_view to_string(Method method);
Method parse_method(std::string_view name);

// Header fields in arrival order. Names compare case-insensitively.
class Headers {
 public:
  void add(std::string name, std::string value);
  // Replaces every field of that name with one field.
  void set(std::string name, std::string value);
  // The first field of that name, or nullopt.
  std::optional<std::string_view> get(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& fields() const { return m_fields; }

 private:
  std::vector<std::pair<std::string, std::string>> m_fields;
};

struct Request {
  Method method = Method::get;
  std::string method_name = "GET";  // as sent, for the access log and 405 messages
  std::string target;               // as sent: "/levels/swe-3?x=1" (percent-encoded)
  Headers headers;
  std::string body;
  std::string remote;  // "127.0.0.1:54321" for the access log; empty in tests
};

struct Response {
  int status = 200;
  Headers headers;  // Content-Type, ETag, ... (Content-Length is the server's business)
  std::string body;
  // A body shared with the response cache (sent without copying); when set, it wins over body.
  std::shared_ptr<const std::string> shared_body;
  std::string_view route = "unmatched";  // the route name that answered (metrics, access log)

  std::string_view payload() const { return shared_body ? *shared_body : body; }
};

// The reason phrase of a status code ("Not Found"); "Unknown" for codes Rung does not use.
std::string_view reason_phrase(int status);

bool iequals(std::string_view a, std::string_view b);

}  // namespace rung::web
