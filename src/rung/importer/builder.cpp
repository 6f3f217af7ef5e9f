#include "rung/importer/builder.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/importer/ids.hpp"
#include "rung/importer/title_refs.hpp"
#include "rung/model/defaults.hpp"
#include "rung/model/validate.hpp"

namespace rung::importer {

namespace {

using NameToId = std::map<std::string, std::string, std::less<>>;

// What is wrong with one --track-id / --area-id option, given the names the document has and
// the ids earlier options took; nullopt when nothing is.
std::optional<Error> option_problem(const NamedId& option, std::string_view flag,
                                    std::string_view kind, const std::vector<std::string>& names,
                                    const NameToId& taken) {
  const std::string shown = fmt::format("{} '{}={}'", flag, option.name, option.id);
  if (std::find(names.begin(), names.end(), option.name) == names.end()) {
    auto close = closest_match(option.name, names);
    return Error{"import.bad-option",
                 fmt::format("{}: the document has no {} named '{}'", shown, kind, option.name),
                 {},
                 close ? fmt::format("did you mean '{}'?", *close)
                       : fmt::format("the {}s are: {}", kind, join(names))};
  }
  for (const auto& [name, id] : taken) {
    if (id == option.id) {
      return Error{"import.bad-option",
                   fmt::format("{}: id '{}' is already the id of {} '{}'", shown, id, kind, name),
                   {},
                   "give each one its own id"};
    }
  }
  if (!model::is_valid_id(option.id)) {
    return Error{"import.bad-option",
                 fmt::format("{}: '{}' is not a valid id", shown, option.id),
                 {},
                 "use lower-case letters, digits and single dashes, e.g. 'swe'"};
  }
  return std::nullopt;
}

// Checks --track-id / --area-id options; returns name -> id, or every problem.
Results<NameToId> explicit_ids(const std::vector<NamedId>& options, std::string_view flag,
                               std::string_view kind, const std::vector<std::string>& names) {
  NameToId ids;
  Errors errors;
  for (const NamedId& option : options) {
    if (auto problem = option_problem(option, flag, kind, names, ids)) {
      errors.push_back(std::move(*problem));
    } else {
      ids[option.name] = option.id;
    }
  }
  if (!errors.empty()) {
    return tl::unexpected(std::move(errors));
  }
  return ids;
}

class Builder {
 public:
  Builder(const TextDocument& doc, const TextImportOptions& options)
      : m_doc(doc), m_options(options) {}

  Results<Built> run() {
    RUNG_TRY(assign_ids());
    build_meta();
    for (std::size_t t = 0; t < m_doc.tracks.size(); ++t) {
      m_built.ladder.tracks.push_back(build_track(m_doc.tracks[t], m_track_ids[t]));
    }
    assign_grades();
    add_title_refs();
    return std::move(m_built);
  }

 private:
  Results<void> assign_ids();
  void build_meta();
  model::Track build_track(const DocTrack& doc, const std::string& id);
  model::Level build_level(const DocTrack& doc, const std::string& track_id, int number);
  std::vector<model::AreaStatements> build_areas(const DocLevel& block,
                                                 const std::string& level_id) const;
  void assign_grades();
  void add_title_refs();

  void note(model::SourceLoc loc, std::string message) {
    m_built.notes.push_back(
        Note{Location{m_options.file_name, loc.line, loc.column}, std::move(message)});
  }

  const TextDocument& m_doc;
  const TextImportOptions& m_options;
  std::vector<std::string> m_track_ids;  // per doc track
  NameToId m_area_ids;                   // area name -> id
  Built m_built;
};

Results<void> Builder::assign_ids() {
  std::vector<std::string> track_names;
  for (const auto& track : m_doc.tracks) {
    track_names.push_back(track.name);
  }
  std::vector<std::string> area_names;
  for (const auto& area : m_doc.areas) {
    area_names.push_back(area.name);
  }
  auto tracks = explicit_ids(m_options.track_ids, "--track-id", "track", track_names);
  auto areas = explicit_ids(m_options.area_ids, "--area-id", "area", area_names);
  if (!tracks || !areas) {
    Errors errors = tracks ? Errors{} : tracks.error();
    if (!areas) {
      errors.insert(errors.end(), areas.error().begin(), areas.error().end());
    }
    return tl::unexpected(std::move(errors));
  }
  IdSet taken;
  for (const auto& [name, id] : *tracks) {
    taken.insert(id);
  }
  for (const auto& track : m_doc.tracks) {
    taken.insert(track.id);  // ids the document gives
  }
  taken.erase("");
  for (const auto& track : m_doc.tracks) {
    auto pinned = tracks->find(track.name);
    m_track_ids.push_back(pinned != tracks->end() ? pinned->second
                          : !track.id.empty()     ? track.id
                                                  : track_id(track.name, taken));
    taken.insert(m_track_ids.back());
  }
  // Area ids stay clear of track ids: validation refuses an id two elements share.
  for (const auto& [name, id] : *areas) {
    taken.insert(id);
  }
  for (const auto& area : m_doc.areas) {
    taken.insert(area.id);
  }
  taken.erase("");
  for (const auto& area : m_doc.areas) {
    auto pinned = areas->find(area.name);
    m_area_ids[area.name] = pinned != areas->end() ? pinned->second
                            : !area.id.empty()     ? area.id
                                                   : area_slug(area.name, taken);
    taken.insert(m_area_ids[area.name]);
  }
  return {};
}

void Builder::build_meta() {
  model::LadderData& data = m_built.ladder;
  data.source_file = m_options.file_name;
  data.meta.name = m_doc.name;
  data.meta.organization = m_doc.organization;
  data.meta.published = m_doc.published;
  data.meta.authors = m_doc.authors;
  data.meta.credits = m_doc.credits;
  data.general.name = m_doc.general_ladder_name;
  data.general.grades = m_doc.grades;
  for (const auto& area : m_doc.areas) {
    data.areas.push_back(model::Area{m_area_ids.at(area.name), area.name, area.loc});
  }
  data.scale = model::default_scale();
  data.readiness = model::default_readiness();
}

model::Track Builder::build_track(const DocTrack& doc, const std::string& id) {
  std::vector<int> numbers;
  for (const auto& level : doc.overview) {
    numbers.push_back(level.number);
  }
  for (const auto& block : doc.details) {
    numbers.insert(numbers.end(), block.numbers.begin(), block.numbers.end());
  }
  std::sort(numbers.begin(), numbers.end());
  numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
  model::Track track{id, doc.name, doc.family, {}, doc.loc};
  for (int number : numbers) {
    track.levels.push_back(build_level(doc, id, number));
  }
  if (!doc.described) {
    note(doc.loc,
         fmt::format("track '{}' has no detail section; its levels have no statements", doc.name));
  }
  return track;
}

model::Level Builder::build_level(const DocTrack& doc, const std::string& track_id, int number) {
  model::Level level;
  level.id = fmt::format("{}-{}", track_id, number);
  level.number = number;
  auto overview = std::find_if(doc.overview.begin(), doc.overview.end(),
                               [&](const OverviewLevel& o) { return o.number == number; });
  const DocLevel* block = nullptr;
  std::size_t index = 0;
  for (const auto& candidate : doc.details) {
    auto at = std::find(candidate.numbers.begin(), candidate.numbers.end(), number);
    if (at != candidate.numbers.end()) {
      block = &candidate;
      index = static_cast<std::size_t>(at - candidate.numbers.begin());
    }
  }
  if (overview != doc.overview.end()) {
    level.title = overview->title;
    level.loc = overview->loc;
  }
  if (block == nullptr) {
    if (doc.described) {
      note(level.loc, fmt::format("level {} of '{}' has no detail section; it has no statements",
                                  number, doc.name));
    }
    return level;
  }
  if (index < block->ids.size() && !block->ids[index].empty()) {
    level.id = block->ids[index];
  }
  if (index < block->grades.size()) {
    level.grade = block->grades[index];
  }
  const std::string& detail_title = block->titles[index];
  if (level.title.empty()) {
    level.title = detail_title;
  } else if (detail_title != level.title) {
    level.detail_title = detail_title;
  }
  level.loc = block->loc;
  level.experience = block->experience;
  if (index > 0) {
    level.shares = !block->ids.empty() && !block->ids.front().empty()
                       ? block->ids.front()
                       : fmt::format("{}-{}", track_id, block->numbers.front());
  } else {
    level.areas = build_areas(*block, level.id);
  }
  return level;
}

std::vector<model::AreaStatements> Builder::build_areas(const DocLevel& block,
                                                        const std::string& level_id) const {
  // Areas keep the order the document gives them at this level (the manager levels put
  // Leadership before Communication); a heading repeated within a level continues its block.
  std::vector<model::AreaStatements> areas;
  for (const DocArea& found : block.areas) {
    const std::string& area_id = m_area_ids.at(found.name);
    auto out = std::find_if(areas.begin(), areas.end(),
                            [&](const model::AreaStatements& a) { return a.area == area_id; });
    if (out == areas.end()) {
      out = areas.insert(areas.end(), model::AreaStatements{area_id, {}, found.loc});
    }
    for (const DocStatement& statement : found.statements) {
      out->statements.push_back(model::Statement{
          statement.id.empty()
              ? fmt::format("{}-{}-{}", level_id, area_id, out->statements.size() + 1)
              : statement.id,
          statement.text,
          {},
          statement.loc});
    }
  }
  return areas;
}

void Builder::assign_grades() {
  const auto& grades = m_built.ladder.general.grades;
  if (grades.empty() || !m_doc.infer_grades) {
    return;
  }
  const auto count = static_cast<long>(grades.size());
  for (auto& track : m_built.ladder.tracks) {
    if (track.levels.empty()) {
      continue;
    }
    const long top = track.levels.back().number;
    for (auto& level : track.levels) {
      if (!level.grade.empty()) {
        continue;  // the document gave it
      }
      long index = track.family == model::Family::manager ? count - 1 - (top - level.number)
                                                          : level.number - 1;
      if (index >= 0 && index < count) {
        level.grade = grades[static_cast<std::size_t>(index)];
      } else {
        note(level.loc, fmt::format("level '{}' ({}) falls outside the general ladder's {} "
                                    "grades; it gets no grade",
                                    level.id, level.title, count));
      }
    }
  }
}

void Builder::add_title_refs() {
  // Each distinct title is looked for once per statement (a large ladder repeats titles across
  // tracks; looking for each level's would make the import grow with statements x levels),
  // then a mention refers to every level with that title, in level order.
  std::vector<LevelTitle> distinct;  // level_id: the index of the title, as text
  std::map<std::string, std::size_t, std::less<>> index_of;
  std::vector<std::pair<std::string, std::size_t>> levels;  // level id, index of its title
  for (const auto& track : m_built.ladder.tracks) {
    for (const auto& level : track.levels) {
      auto [at, added] = index_of.emplace(level.title, distinct.size());
      if (added) {
        distinct.push_back(LevelTitle{std::to_string(distinct.size()), level.title});
      }
      levels.emplace_back(level.id, at->second);
    }
  }
  std::vector<bool> mentioned(distinct.size());
  for (auto& track : m_built.ladder.tracks) {
    for (auto& level : track.levels) {
      for (auto& block : level.areas) {
        for (auto& statement : block.statements) {
          std::fill(mentioned.begin(), mentioned.end(), false);
          for (const std::string& index : find_title_refs(statement.text, distinct, "")) {
            mentioned[std::stoul(index)] = true;
          }
          statement.refs.clear();
          for (const auto& [id, title] : levels) {
            if (mentioned[title] && id != level.id) {
              statement.refs.push_back(id);
            }
          }
        }
      }
    }
  }
}

}  // namespace

Results<Built> build_ladder(const TextDocument& doc, const TextImportOptions& options) {
  return Builder(doc, options).run();
}

}  // namespace rung::importer
