#include "rung/review/snapshot.hpp"

#include <cstdint>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rung/format/ladder_json.hpp"
#include "rung/format/ladder_yaml.hpp"
#include "rung/review/rules.hpp"

namespace rung::review {

namespace {

constexpr std::string_view k_schema_1 = "rung/assessment-snapshot/v1";
constexpr std::string_view k_schema_2 = "rung/assessment-snapshot/v2";

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

LadderVersion ladder_version(const model::Ladder& ladder) {
  std::string json = format::to_json(ladder.data()).dump();
  std::string name = digest(json);
  return LadderVersion{std::move(name), std::move(json)};
}

std::string snapshot_json(std::string_view ladder_digest, const store::Assessment& assessment,
                          const assess::Ratings& ratings,
                          const std::vector<store::Evidence>& evidence) {
  format::Json out;
  out["schema"] = k_schema_2;
  auto head = assessment_json(assessment);
  head["submitted_at"] = assessment.submitted_at;
  out["assessment"] = head;
  out["ladder_digest"] = ladder_digest;
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

Result<std::shared_ptr<const model::Ladder>> LadderVersions::get(store::Reader& reader,
                                                                 std::string_view digest,
                                                                 std::string_view embedded) const {
  {
    const std::lock_guard lock(m_mutex);
    if (const auto found = m_ladders.find(digest); found != m_ladders.end()) {
      return found->second;
    }
  }
  std::string text(embedded);
  if (text.empty()) {
    RUNG_TRY_ASSIGN(const auto stored, reader.frozen_ladder(digest));
    if (!stored) {
      return fail("review.bad-snapshot",
                  fmt::format("the ladder version {} is not in the store", digest));
    }
    text = stored->content;
  }
  format::LoadOptions options;
  options.validate = false;  // a rule added later must not make history unreadable
  auto data = format::parse_ladder_yaml(text, "snapshot", options);
  if (!data) {
    return fail("review.bad-snapshot", fmt::format("the ladder version {} cannot be read: {}",
                                                   digest, data.error().front().message));
  }
  auto ladder = std::make_shared<const model::Ladder>(std::move(*data));
  const std::lock_guard lock(m_mutex);
  return m_ladders.emplace(std::string(digest), std::move(ladder)).first->second;
}

Result<Frozen> read_snapshot(store::Reader& reader, const store::Snapshot& snapshot,
                             const LadderVersions& versions) {
  // Ordered: a level's areas are a mapping whose key order is the author's area order.
  const auto json = format::Json::parse(snapshot.content, nullptr, false);
  const std::string schema = json.is_object() ? json.value("schema", "") : "";
  const bool v1 = schema == k_schema_1 && json.contains("ladder");
  if ((!v1 && schema != k_schema_2) || !json["ratings"].is_object() ||
      !json["evidence"].is_array() || !json["assessment"].is_object()) {
    return bad(snapshot.assessment, "not a rung/assessment-snapshot document");
  }
  const std::string digest = json.value("ladder_digest", "");
  auto ladder = versions.get(reader, digest, v1 ? json["ladder"].dump() : std::string());
  if (!ladder) {
    return bad(snapshot.assessment, ladder.error().message);
  }
  Frozen frozen{std::move(*ladder), digest, json["assessment"].value("level", ""), {}, {}};
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
