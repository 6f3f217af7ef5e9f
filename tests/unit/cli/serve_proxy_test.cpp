// `rung serve --auth-header` refuses to start without --trusted-proxy (anyone could then send
// the header), with a bad block, and --no-password-sign-in without --auth-header: each before
// the store is opened or a port bound.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "rung/cli/command.hpp"

#include "support/run_rung.hpp"

namespace rung::cli {
namespace {

using test_support::run_rung;

void expect_refused(const std::vector<std::string>& args, std::string_view text) {
  std::vector<std::string> full{"serve", "--data", "/nonexistent/rung-serve-proxy-test", "--listen",
                                "127.0.0.1:1"};
  full.insert(full.end(), args.begin(), args.end());
  const auto result = run_rung(full);
  EXPECT_EQ(result.exit_code, k_exit_unusable) << result.err;
  EXPECT_NE(result.err.find(text), std::string::npos) << result.err;
  EXPECT_EQ(result.out, "");
}

TEST(ServeProxyOptions, AnAuthHeaderNeedsTrustedProxies) {
  expect_refused({"--auth-header", "X-Forwarded-Email"},
                 "error[serve.proxy]: --auth-header X-Forwarded-Email needs --trusted-proxy");
}

TEST(ServeProxyOptions, BadBlocksAndNamesAreRefused) {
  expect_refused({"--auth-header", "X-Forwarded-Email", "--trusted-proxy", "10.0.0.1/8"},
                 "error[serve.bad-cidr]");
  expect_refused({"--auth-header", "X-Forwarded-Email", "--trusted-proxy", "proxy.local"},
                 "error[serve.bad-cidr]");
  expect_refused({"--auth-header", "X Email", "--trusted-proxy", "127.0.0.1"},
                 "is not a header name");
}

TEST(ServeProxyOptions, NoPasswordSignInNeedsAnAuthHeader) {
  expect_refused({"--no-password-sign-in"}, "--no-password-sign-in needs --auth-header");
  expect_refused({"--trusted-proxy", "127.0.0.1"},
                 "--trusted-proxy is given without --auth-header");
}

}  // namespace
}  // namespace rung::cli
