#include "rung/review/snapshot.hpp"

#include <cstdint>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rung/format/ladder_json.hpp"
#include "rung/format/ladder_yaml.hpp"
#include "rung/review/rules.hpp"

namespace rung::review {

namespace {

constexpr std::string_view k_schema = "rung/assessment-snapshot/v1";

// A stable 64-bit FNV-1a digest: names the ladder version without a crypto dependency here.
std::string digest(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const unsigned char c : text) {
    hash = (hash ^ c) * 1099511628211ULL;
  }
  return fmt::format("fnv1a64:{:016x}", hash);
}

tl::unexpected<Error> bad(store::Id assessment, std::string_view why) {
  return fail("review.bad-snapshot",
              fmt::format("the snapshot of assessment {} cannot be read: {}", assessment, why));
}

}  // namespace

std::string snapshot_json(const model::Ladder& ladder, const store::Assessment& assessment,
                          const assess::Ratings& ratings,
                          const std::vector<store::Evidence>& evidence) {
  const auto ladder_json = format::to_json(ladder.data());
  const auto ladder_text = ladder_json.dump();
  format::Json out;
  out["schema"] = k_schema;
  auto head = assessment_json(assessment);
  head["submitted_at"] = assessment.submitted_at;
  out["assessment"] = head;
  out["ladder_digest"] = digest(ladder_text);
  out["ladder"] = ladder_json;
  out["ratings"] = format::Json::object();
  for (const auto& [statement, scale] : ratings) {
    out["ratings"][statement] = scale;
  }
  out["evidence"] = format::Json::array();
  for (const auto& item : evidence) {
    out["evidence"].push_back(
        {{"id", item.id}, {"statement", item.statement}, {"text", item.text}, {"date", item.date}});
  }
  return out.dump();
}

Result<Frozen> read_snapshot(const store::Snapshot& snapshot) {
  // Ordered: a level's areas are a mapping whose key order is the author's area order.
  const auto json = format::Json::parse(snapshot.content, nullptr, false);
  if (!json.is_object() || json.value("schema", "") != k_schema || !json.contains("ladder") ||
      !json["ratings"].is_object() || !json["evidence"].is_array() ||
      !json["assessment"].is_object()) {
    return bad(snapshot.assessment, "not a rung/assessment-snapshot/v1 document");
  }
  format::LoadOptions options;
  options.validate = false;  // a rule added later must not make history unreadable
  auto data = format::parse_ladder_yaml(json["ladder"].dump(), "snapshot", options);
  if (!data) {
    return bad(snapshot.assessment, data.error().front().message);
  }
  Frozen frozen{model::Ladder(std::move(*data)),
                json.value("ladder_digest", ""),
                json["assessment"].value("level", ""),
                {},
                {}};
  for (const auto& [statement, scale] : json["ratings"].items()) {
    if (scale.is_string()) {
      frozen.ratings.emplace(statement, scale.get<std::string>());
    }
  }
  for (const auto& item : json["evidence"]) {
    frozen.evidence.push_back(store::Evidence{item.value("id", store::Id{0}), snapshot.assessment,
                                              item.value("statement", ""), item.value("text", ""),
                                              item.value("date", ""), snapshot.created_at});
  }
  return frozen;
}

}  // namespace rung::review
