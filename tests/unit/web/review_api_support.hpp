#pragma once

// Helpers for the tests of the assessments API (review_api_*_test.cpp): the answer's JSON, and
// everything the review service stores, as one text, so a test can show that a refused request
// changed nothing.

#include <string>

#include <fmt/format.h>

#include "rung/web/review/json.hpp"

#include "people_world.hpp"

namespace rung::web::testing {

inline Json body_of(const Response& response) {
  return Json::parse(response.payload());
}

inline std::string error_code(const Response& response) {
  const Json body = body_of(response);
  return body.contains("error") ? body["error"].value("code", "") : "";
}

// The value of a store read (a copy, so that a range-for over it keeps it alive).
template <class T>
T read(Result<T> result) {
  EXPECT_TRUE(result) << (result ? "" : result.error().message);
  return result ? std::move(*result) : T{};
}

// Cycles, every person's assessments with their ratings, evidence and snapshot, growth plans
// with their items, and the audit log: all as JSON text.
inline std::string review_state(PeopleWorld& world) {
  store::Store& store = *world.store;
  Json out{{"cycles", Json::array()}, {"people", Json::array()}};
  for (const auto& cycle : read(store.cycles())) {
    out["cycles"].push_back(cycle_json(cycle));
  }
  for (const auto& person : read(store.people())) {
    Json entry{{"assessments", Json::array()}, {"plans", Json::array()}};
    for (const auto& a : read(store.assessments_of(person.id))) {
      Json item = assessment_json(a);
      for (const auto& rating : read(store.ratings(a.id))) {
        item["ratings"][rating.statement] = rating.scale;
      }
      for (const auto& evidence : read(store.evidence(a.id))) {
        item["evidence"].push_back(evidence_json(evidence));
      }
      item["snapshot"] = store.snapshot(a.id)->has_value();
      entry["assessments"].push_back(item);
    }
    for (const auto& plan : read(store.growth_plans_of(person.id))) {
      Json item = plan_json(plan);
      for (const auto& line : read(store.plan_items(plan.id))) {
        item["items"].push_back(
            {{"statement", line.statement}, {"done", line.done}, {"evidence", line.evidence}});
      }
      entry["plans"].push_back(item);
    }
    out["people"].push_back(entry);
  }
  store::AuditQuery all;
  all.limit = 100000;
  out["audit"] = store.audit(all)->size();
  return out.dump(2);
}

// One request the API must refuse: `method` GET or a JSON write, as `who`, answering `status`
// with the error `code`.
struct Refusal {
  std::string method;
  std::string target;
  const Session* who;
  std::string body;
  int status;
  std::string code;
};

// Sends each refusal and checks its status and code, and that the store is as it was before.
inline void expect_refused(PeopleWorld& world, const std::vector<Refusal>& refusals) {
  const std::string before = review_state(world);
  for (const Refusal& r : refusals) {
    const Response answer = r.method == "GET" ? world.get(r.target, r.who)
                                              : world.send_json(r.method, r.target, r.who, r.body);
    EXPECT_EQ(answer.status, r.status) << r.method << " " << r.target << " " << r.body;
    EXPECT_EQ(error_code(answer), r.code) << r.method << " " << r.target << " " << r.body;
    EXPECT_EQ(review_state(world), before) << r.method << " " << r.target << " " << r.body;
  }
}

}  // namespace rung::web::testing
