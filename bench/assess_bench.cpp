// Issue 6's dashboard figure: readiness of a whole organisation for the next level, on the
// built-in ladder. Every person holds ratings for their own level and the next one (a fixed
// pseudo-random spread over the scale, so runs are comparable); one iteration computes
// readiness for everyone.
//   BM_Readiness_Org/N    readiness for the next level of N people (N = 1,000 and 10,000)
//   BM_Radar_Svg          one radar chart of a level fit (the built-in swe-2, four areas)
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "rung/assess/radar.hpp"
#include "rung/assess/readiness.hpp"
#include "rung/builtin/builtin.hpp"

namespace {

using rung::assess::Ratings;
using rung::model::Ladder;

struct Person {
  std::string level;
  std::string target;
  Ratings ratings;
};

void rate_level(const Ladder& ladder, const std::string& level_id, std::mt19937& random,
                Ratings& ratings) {
  const auto& scale = ladder.data().scale;
  std::uniform_int_distribution<std::size_t> pick(0, scale.size() - 1);
  for (const std::string& id :
       rung::assess::statement_ids_of(ladder, *ladder.find_level(level_id))) {
    ratings[id] = scale[pick(random)].id;
  }
}

// People spread over every level that has a next one.
std::vector<Person> organisation(const Ladder& ladder, std::size_t size) {
  std::vector<Person> people;
  std::vector<std::string> levels;
  for (const std::string& id : ladder.level_ids()) {
    if (ladder.next_level(id) != nullptr) {
      levels.push_back(id);
    }
  }
  std::mt19937 random(6);
  for (std::size_t i = 0; i < size; ++i) {
    Person person{levels[i % levels.size()], "", {}};
    person.target = ladder.next_level(person.level)->id;
    rate_level(ladder, person.level, random, person.ratings);
    rate_level(ladder, person.target, random, person.ratings);
    people.push_back(std::move(person));
  }
  return people;
}

void BM_Readiness_Org(benchmark::State& state) {
  const Ladder& ladder = rung::builtin::engineering_ladder();
  const std::vector<Person> people = organisation(ladder, static_cast<std::size_t>(state.range(0)));
  std::size_t ready = 0;
  for (auto _ : state) {
    ready = 0;
    for (const Person& person : people) {
      auto result = rung::assess::readiness(ladder, person.target, person.ratings);
      ready += result && result->ready ? 1 : 0;
    }
    benchmark::DoNotOptimize(ready);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["ready"] = static_cast<double>(ready);
}
BENCHMARK(BM_Readiness_Org)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_Radar_Svg(benchmark::State& state) {
  const Ladder& ladder = rung::builtin::engineering_ladder();
  std::mt19937 random(6);
  Ratings ratings;
  rate_level(ladder, "swe-2", random, ratings);
  const auto fit = rung::assess::fit(ladder, "swe-2", ratings);
  for (auto _ : state) {
    std::string svg = rung::assess::radar_svg(*fit, ladder);
    benchmark::DoNotOptimize(svg);
  }
}
BENCHMARK(BM_Radar_Svg)->Unit(benchmark::kMicrosecond);

}  // namespace
