#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <utility>

#include <gtest/gtest.h>

#include "rung/format/ladder_yaml.hpp"
#include "rung/web/app.hpp"

#include "support/golden.hpp"

// Helpers for the web tests: an App over a fixture ladder and one-line requests.
namespace rung::web::testing {

inline model::Ladder fixture_ladder(const std::string& name = "ladder.yaml") {
  auto data = format::load_ladder_file(test_support::source_root().string() +
                                       "/tests/fixtures/web/" + name);
  if (!data) {
    ADD_FAILURE() << data.error().front().to_string();
    return model::Ladder(model::LadderData{});
  }
  return model::Ladder(std::move(*data));
}

// Options of an App whose ladder anyone may read (--public-ladder), as the ladder tests need.
inline AppOptions public_options() {
  AppOptions out;
  out.public_ladder = true;
  return out;
}

inline std::unique_ptr<App> make_app(const std::string& name = "ladder.yaml",
                                     AppOptions options = public_options()) {
  auto app = App::create(fixture_ladder(name), options);
  if (!app) {
    ADD_FAILURE() << app.error().front().to_string();
    return nullptr;
  }
  return std::move(*app);
}

inline Request request(std::string target,
                       std::initializer_list<std::pair<std::string, std::string>> headers = {},
                       std::string method = "GET") {
  Request out;
  out.method_name = method;
  out.method = parse_method(method);
  out.target = std::move(target);
  for (const auto& [name, value] : headers) {
    out.headers.add(name, value);
  }
  return out;
}

inline Response get(App& app, std::string target,
                    std::initializer_list<std::pair<std::string, std::string>> headers = {}) {
  return app.handle(request(std::move(target), headers));
}

// Whether the answer's body (decoded) contains `text`.
inline bool has(const Response& response, std::string_view text) {
  return response.payload().find(text) != std::string_view::npos;
}

inline std::string header(const Response& response, std::string_view name) {
  return std::string(response.headers.get(name).value_or(""));
}

}  // namespace rung::web::testing
