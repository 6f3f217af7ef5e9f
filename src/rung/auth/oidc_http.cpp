#include "rung/auth/oidc_http.hpp"

#include <memory>
#include <mutex>

#include <curl/curl.h>
#include <fmt/format.h>

namespace rung::auth {

namespace {

constexpr std::size_t k_max_reply_bytes = 1 << 20;

struct Sink {
  std::string body;
  bool too_large = false;
};

std::size_t on_data(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const std::size_t bytes = size * count;
  if (sink->body.size() + bytes > k_max_reply_bytes) {
    sink->too_large = true;
    return 0;  // makes curl stop with CURLE_WRITE_ERROR
  }
  sink->body.append(data, bytes);
  return bytes;
}

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string host_of(const std::string& url) {
  const std::size_t start = url.find("://");
  if (start == std::string::npos) {
    return "";
  }
  std::string rest = url.substr(start + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const std::size_t at = rest.rfind('@'); at != std::string::npos) {
    return "";  // user information in a provider URL: refused
  }
  if (rest.starts_with("[")) {
    return rest.substr(0, rest.find(']') + 1);
  }
  return rest.substr(0, rest.find(':'));
}

}  // namespace

bool acceptable_provider_url(const std::string& url) {
  const std::string host = host_of(url);
  if (host.empty()) {
    return false;
  }
  if (url.starts_with("https://")) {
    return true;
  }
  const bool ipv4_loopback =
      host.starts_with("127.") && host.find_first_not_of("0123456789.") == std::string::npos;
  return url.starts_with("http://") && (host == "localhost" || host == "[::1]" || ipv4_loopback);
}

Result<HttpReply> curl_fetch(const HttpCall& call) {
  global_init();
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) {
    return fail(ErrorKind::internal, "oidc.unreachable", "could not start an HTTP client");
  }
  Sink sink;
  curl_slist* headers = nullptr;
  for (const auto& line : call.headers) {
    headers = curl_slist_append(headers, line.c_str());
  }
  headers = curl_slist_append(headers, "Accept: application/json");
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> header_list(headers,
                                                                          curl_slist_free_all);
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, call.url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 5L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, 10L);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, header_list.get());
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
  if (!call.form.empty()) {
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, call.form.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(call.form.size()));
  }
  const CURLcode code = curl_easy_perform(c);
  if (code != CURLE_OK) {
    return fail(
        ErrorKind::unavailable, "oidc.unreachable",
        fmt::format("could not reach the identity provider at {}: {}", call.url,
                    sink.too_large ? "its answer is larger than 1 MiB" : curl_easy_strerror(code)));
  }
  HttpReply reply;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply.status);
  reply.body = std::move(sink.body);
  return reply;
}

}  // namespace rung::auth
