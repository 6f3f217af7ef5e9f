#include "rung/web/http/connections.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace rung::web {
namespace {

// Opens connections from `address` the way the server does: asked at accept, then counted.
std::vector<Admission> open_many(ConnectionGate& gate, std::string_view address, int count) {
  std::vector<Admission> out;
  for (int i = 0; i < count; ++i) {
    out.push_back(gate.may_open(address) ? gate.opened(address) : Admission::refuse);
  }
  return out;
}

std::size_t count(const std::vector<Admission>& admissions, Admission which) {
  return static_cast<std::size_t>(std::count(admissions.begin(), admissions.end(), which));
}

TEST(ConnectionGate, OneAddressPastItsLimitIsAnsweredBusyThenRefused) {
  ConnectionGate gate({.max_connections = 1000, .max_per_address = 4});
  const auto greedy = open_many(gate, "10.0.0.9", 40);
  // 4 served, then the allowance (16) answered 503, then refused at accept.
  EXPECT_EQ(count(greedy, Admission::serve), 4U);
  EXPECT_EQ(count(greedy, Admission::busy), ConnectionGate::k_busy_allowance);
  EXPECT_EQ(count(greedy, Admission::refuse), 40U - 4U - ConnectionGate::k_busy_allowance);
  EXPECT_EQ(gate.open_from("10.0.0.9"), 4U + ConnectionGate::k_busy_allowance);
  // Admission is decided when a connection starts: connections let in at accept before any
  // of them started still get at most 4 served places.
  ConnectionGate racing({.max_connections = 1000, .max_per_address = 4});
  std::vector<Admission> started;
  for (int i = 0; i < 30; ++i) {
    if (racing.may_open("10.0.0.9")) {
      started.push_back(Admission::refuse);
    }
  }
  EXPECT_EQ(started.size(), 4U + ConnectionGate::k_busy_allowance);
  for (Admission& admission : started) {
    admission = racing.opened("10.0.0.9");
  }
  EXPECT_EQ(count(started, Admission::serve), 4U);
  // Everyone else is still served.
  EXPECT_EQ(open_many(gate, "10.0.0.10", 1), std::vector{Admission::serve});
}

TEST(ConnectionGate, ClosingMakesRoomAgain) {
  ConnectionGate gate({.max_connections = 1000, .max_per_address = 2});
  open_many(gate, "::1", 2);
  EXPECT_EQ(open_many(gate, "::1", 1), std::vector{Admission::busy});
  gate.closed("::1", Admission::busy);  // a busy one closing frees no served place
  EXPECT_EQ(open_many(gate, "::1", 1), std::vector{Admission::busy});
  gate.closed("::1", Admission::serve);
  EXPECT_EQ(gate.open_from("::1"), 2U);
  EXPECT_EQ(open_many(gate, "::1", 1), std::vector{Admission::serve});
  gate.closed("::1", Admission::serve);
  gate.closed("::1", Admission::serve);
  gate.closed("::1", Admission::busy);
  EXPECT_EQ(gate.open(), 0U);
  gate.closed("::1", Admission::serve);  // a close the gate never counted changes nothing
  EXPECT_EQ(gate.open(), 0U);
  EXPECT_EQ(count(open_many(gate, "::1", 2), Admission::serve), 2U);
}

TEST(ConnectionGate, TheTotalLimitHoldsAcrossAddresses) {
  ConnectionGate gate({.max_connections = 20, .max_per_address = 0});
  std::vector<Admission> all;
  for (int i = 0; i < 60; ++i) {
    const auto one = open_many(gate, "10.1.0." + std::to_string(i), 1);
    all.push_back(one.front());
  }
  EXPECT_EQ(count(all, Admission::serve), 20U);
  EXPECT_EQ(count(all, Admission::busy), ConnectionGate::k_busy_allowance);
  EXPECT_EQ(count(all, Admission::refuse), 60U - 20U - ConnectionGate::k_busy_allowance);
}

TEST(ConnectionGate, NoLimitsMeansEveryoneIsServed) {
  ConnectionGate gate({.max_connections = 0, .max_per_address = 0});
  EXPECT_EQ(count(open_many(gate, "10.0.0.1", 500), Admission::serve), 500U);
}

TEST(ConnectionGate, TheMetricsCountWhatHappened) {
  ConnectionGate gate({.max_connections = 1000, .max_per_address = 1});
  open_many(gate, "10.0.0.1", 1 + ConnectionGate::k_busy_allowance + 3);
  gate.count_busy_answer();
  gate.count_request_limit_close();
  const std::string text = gate.prometheus_text();
  EXPECT_TRUE(text.find("rung_connections_open 17\n") != std::string::npos) << text;
  EXPECT_TRUE(text.find("rung_connections_refused_total{limit=\"address\"} 3\n") !=
              std::string::npos);
  EXPECT_TRUE(text.find("rung_connections_refused_total{limit=\"total\"} 0\n") !=
              std::string::npos);
  EXPECT_TRUE(text.find("rung_connections_busy_total 16\n") != std::string::npos);
  EXPECT_TRUE(text.find("rung_http_busy_answers_total 1\n") != std::string::npos);
  EXPECT_TRUE(text.find("rung_connections_closed_at_request_limit_total 1\n") != std::string::npos);
}

}  // namespace
}  // namespace rung::web
