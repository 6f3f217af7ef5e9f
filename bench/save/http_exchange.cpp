#include "http_exchange.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <exception>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace save_bench {

namespace {

bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

struct Head {
  int status = 0;
  std::size_t content_length = 0;
  bool closes = false;
};

rung::Result<int> parse_status(std::string_view line) {
  // "HTTP/1.1 200 OK"
  int status = 0;
  const auto space = line.find(' ');
  if (!line.starts_with("HTTP/1.") || space == std::string_view::npos ||
      std::from_chars(line.data() + space + 1, line.data() + line.size(), status).ec !=
          std::errc{}) {
    return rung::fail("bench.http", fmt::format("not an HTTP status line: '{}'", line));
  }
  return status;
}

rung::Result<void> read_header(std::string_view line, Head& head) {
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) {
    return rung::fail("bench.http", fmt::format("not a header: '{}'", line));
  }
  const auto name = line.substr(0, colon);
  const auto value = trim(line.substr(colon + 1));
  if (same_name(name, "Content-Length")) {
    if (std::from_chars(value.data(), value.data() + value.size(), head.content_length).ec !=
        std::errc{}) {
      return rung::fail("bench.http", fmt::format("bad Content-Length: '{}'", value));
    }
  } else if (same_name(name, "Transfer-Encoding")) {
    return rung::fail("bench.http", "chunked answers are not expected from the save route");
  } else if (same_name(name, "Connection") && same_name(value, "close")) {
    head.closes = true;
  }
  return {};
}

rung::Result<Head> parse_head(std::string_view head_text) {
  Head head;
  std::size_t start = 0;
  bool first = true;
  while (start < head_text.size()) {
    auto end = head_text.find("\r\n", start);
    if (end == std::string_view::npos) {
      end = head_text.size();
    }
    const auto line = head_text.substr(start, end - start);
    if (first) {
      RUNG_TRY_ASSIGN(head.status, parse_status(line));
      first = false;
    } else {
      RUNG_TRY(read_header(line, head));
    }
    start = end + 2;
  }
  return head;
}

}  // namespace

std::string save_request(const Writer& writer, std::string_view host, const Save& save,
                         std::int64_t version) {
  const nlohmann::json body{{"version", version}, {"rating", save.scale}};
  const std::string payload = body.dump();
  return fmt::format(
      "PUT /api/v1/people/{}/assessments/{}/ratings/{} HTTP/1.1\r\n"
      "Host: {}\r\n"
      "Cookie: rung_session={}\r\n"
      "X-CSRF-Token: {}\r\n"
      "Content-Type: application/json\r\n"
      "Content-Length: {}\r\n"
      "\r\n"
      "{}",
      writer.person, writer.assessment, save.statement, host, writer.token, writer.csrf,
      payload.size(), payload);
}

rung::Result<std::optional<HttpAnswer>> take_answer(std::string& buffer) {
  const auto end_of_head = buffer.find("\r\n\r\n");
  if (end_of_head == std::string::npos) {
    return std::nullopt;
  }
  RUNG_TRY_ASSIGN(const Head head, parse_head(std::string_view(buffer).substr(0, end_of_head)));
  const std::size_t body_start = end_of_head + 4;
  if (buffer.size() < body_start + head.content_length) {
    return std::nullopt;
  }
  HttpAnswer answer{head.status, buffer.substr(body_start, head.content_length), head.closes};
  buffer.erase(0, body_start + head.content_length);
  return answer;
}

std::optional<std::int64_t> acknowledged_version(const HttpAnswer& answer, const Save& save) {
  if (answer.status != 200) {
    return std::nullopt;
  }
  try {
    const auto body = nlohmann::json::parse(answer.body);
    if (body.at("statement") != save.statement || body.at("rating") != save.scale) {
      return std::nullopt;
    }
    return body.at("version").get<std::int64_t>();
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace save_bench
