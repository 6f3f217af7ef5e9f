#include "plan.hpp"

#include <exception>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rung/core/fs.hpp"

namespace save_bench {

namespace {

using Json = nlohmann::json;

Json writer_json(const Writer& w) {
  return Json{
      {"person", w.person}, {"assessment", w.assessment}, {"token", w.token}, {"csrf", w.csrf}};
}

Writer writer_from(const Json& j) {
  return Writer{j.at("person").get<std::int64_t>(), j.at("assessment").get<std::int64_t>(),
                j.at("token").get<std::string>(), j.at("csrf").get<std::string>()};
}

}  // namespace

Save nth_save(const Plan& plan, std::int64_t k) {
  const auto statements = static_cast<std::int64_t>(plan.statements.size());
  const auto points = static_cast<std::int64_t>(plan.scale.size());
  return Save{plan.statements[static_cast<std::size_t>(k % statements)],
              plan.scale[static_cast<std::size_t>((k / statements) % points)]};
}

rung::Result<void> write_plan(const std::filesystem::path& file, const Plan& plan) {
  Json writers = Json::array();
  for (const Writer& w : plan.writers) {
    writers.push_back(writer_json(w));
  }
  const Json out{{"level", plan.level},
                 {"statements", plan.statements},
                 {"scale", plan.scale},
                 {"writers", writers}};
  return rung::write_file_atomic(file, out.dump(2) + "\n");
}

rung::Result<Plan> read_plan(const std::filesystem::path& file) {
  RUNG_TRY_ASSIGN(const std::string text, rung::read_file(file));
  try {
    const Json j = Json::parse(text);
    Plan plan;
    plan.level = j.at("level").get<std::string>();
    plan.statements = j.at("statements").get<std::vector<std::string>>();
    plan.scale = j.at("scale").get<std::vector<std::string>>();
    for (const Json& w : j.at("writers")) {
      plan.writers.push_back(writer_from(w));
    }
    if (plan.statements.empty() || plan.scale.size() < 2 || plan.writers.empty()) {
      return rung::fail("bench.plan",
                        fmt::format("{}: no statements, writers or scale", file.string()));
    }
    return plan;
  } catch (const std::exception& e) {
    return rung::fail("bench.plan", fmt::format("{}: {}", file.string(), e.what()));
  }
}

}  // namespace save_bench
