#include "rung/importer/doc_assembler.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/importer/text_fields.hpp"
#include "rung/model/validate.hpp"

namespace rung::importer {

namespace {

bool is_all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

model::Family family_guess(const PendingTrack& track) {
  const std::string lower = ascii_lower(track.name);
  const bool manager = family_of(track.name) == model::Family::manager || track.id == "mgr" ||
                       track.id.starts_with("mgr-") || lower.find("manag") != std::string::npos;
  return manager ? model::Family::manager : model::Family::individual_contributor;
}

// The grades the levels name, lowest first: by number when every grade is a number, else
// merged track by track (a grade met after another of the same track goes after it).
std::vector<std::string> general_grades(const std::deque<PendingTrack>& tracks) {
  std::vector<std::string> grades;
  for (const auto& track : tracks) {
    std::size_t after = grades.size();  // a track's first new grade goes last
    for (const auto& level : track.levels) {
      if (level.grade.empty()) {
        continue;
      }
      auto at = std::find(grades.begin(), grades.end(), level.grade);
      if (at == grades.end()) {
        at = grades.insert(grades.begin() + static_cast<long>(std::min(after, grades.size())),
                           level.grade);
      }
      after = static_cast<std::size_t>(at - grades.begin()) + 1;
    }
  }
  // "2", "3" or "P1", "IC4": by the number they end with.
  if (std::all_of(grades.begin(), grades.end(),
                  [](const std::string& g) { return label_number(g).has_value(); })) {
    std::stable_sort(grades.begin(), grades.end(), [](const std::string& a, const std::string& b) {
      return *label_number(a) < *label_number(b);
    });
  }
  return grades;
}

// "swe" when every level of the track has an id "swe-<n>" (a sheet of rung's XLSX export names
// the track but not its id); "" otherwise.
std::string id_from_levels(const PendingTrack& track) {
  std::string prefix;
  for (const auto& level : track.levels) {
    const auto dash = level.id.rfind('-');
    if (dash == std::string::npos || dash == 0 || !is_all_digits(level.id.substr(dash + 1))) {
      return {};
    }
    const std::string mine = level.id.substr(0, dash);
    if (!prefix.empty() && mine != prefix) {
      return {};
    }
    prefix = mine;
  }
  return model::is_valid_id(prefix) ? prefix : std::string();
}

}  // namespace

std::optional<long> label_number(std::string_view label) {
  std::size_t end = label.size();
  while (end > 0 && std::isspace(static_cast<unsigned char>(label[end - 1])) != 0) {
    --end;
  }
  std::size_t start = end;
  while (start > 0 && std::isdigit(static_cast<unsigned char>(label[start - 1])) != 0) {
    --start;
  }
  if (start == end || end - start > 6) {
    return std::nullopt;
  }
  return std::stol(std::string(label.substr(start, end - start)));
}

std::string level_title(const PendingLevel& level) {
  if (!level.title.empty()) {
    return level.title;
  }
  if (is_all_digits(level.label)) {
    return "Level " + level.label;
  }
  // An id used as a label ("analyst-1") reads as words: "Analyst 1".
  const std::string& label = level.label;
  if (model::is_valid_id(label) && label.find('-') != std::string::npos) {
    std::string out = label;
    std::replace(out.begin(), out.end(), '-', ' ');
    out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
  }
  return label;
}

Location DocAssembler::at(model::SourceLoc loc) const {
  return Location{m_file, loc.line, loc.column};
}

void DocAssembler::note(model::SourceLoc loc, std::string message) {
  m_notes.push_back(Note{at(loc), std::move(message)});
}

PendingTrack& DocAssembler::track(const std::string& name, const std::string& id,
                                  model::SourceLoc loc) {
  for (auto& t : m_tracks) {
    if (t.name == name) {
      return t;
    }
  }
  m_tracks.push_back(PendingTrack{name, id, {}, loc});
  return m_tracks.back();
}

PendingLevel& DocAssembler::level(PendingTrack& track, const std::string& label,
                                  model::SourceLoc loc) {
  for (auto& l : track.levels) {
    if (l.label == label) {
      return l;
    }
  }
  PendingLevel fresh;
  fresh.label = label;
  fresh.loc = loc;
  track.levels.push_back(std::move(fresh));
  return track.levels.back();
}

void DocAssembler::add_statement(PendingLevel& level, const std::string& area_name,
                                 const std::string& area_id, std::string text, model::SourceLoc loc,
                                 std::string id) {
  auto area = std::find_if(m_areas.begin(), m_areas.end(),
                           [&](const DocAreaName& a) { return a.name == area_name; });
  if (area == m_areas.end()) {
    m_areas.push_back(DocAreaName{area_name, loc, area_id});
  }
  auto block = std::find_if(level.areas.begin(), level.areas.end(),
                            [&](const DocArea& a) { return a.name == area_name; });
  if (block == level.areas.end()) {
    block = level.areas.insert(level.areas.end(), DocArea{area_name, {}, loc});
  }
  for (const DocStatement& existing : block->statements) {
    if (existing.text == text) {
      note(loc,
           fmt::format("'{}' repeats a statement of level '{}', area '{}' (line {}); kept once",
                       text, level.label, area_name, existing.loc.line));
      return;
    }
  }
  block->statements.push_back(DocStatement{std::move(text), loc, std::move(id)});
}

Result<TextDocument> DocAssembler::finish() {
  TextDocument doc;
  doc.areas = m_areas;
  for (PendingTrack& pending : m_tracks) {
    auto& levels = pending.levels;
    const bool numbered = std::all_of(levels.begin(), levels.end(), [](const PendingLevel& l) {
      return label_number(l.label).has_value();
    });
    if (numbered) {
      std::stable_sort(levels.begin(), levels.end(),
                       [](const PendingLevel& a, const PendingLevel& b) {
                         return *label_number(a.label) < *label_number(b.label);
                       });
      if (!levels.empty() && *label_number(levels.front().label) == 0) {
        note(levels.front().loc,
             fmt::format("track '{}' numbers its levels from 0; they are numbered from 1 here, "
                         "and their titles keep the document's numbers",
                         pending.name));
      }
    }
    DocTrack track;
    track.name = pending.name;
    track.id = pending.id.empty() ? id_from_levels(pending) : pending.id;
    track.loc = pending.loc;
    track.described = true;
    pending.id = track.id;
    track.family = family_guess(pending);
    for (std::size_t i = 0; i < levels.size(); ++i) {
      PendingLevel& l = levels[i];
      if (!l.shares.empty()) {
        continue;
      }
      DocLevel block;
      block.numbers = {static_cast<int>(i) + 1};
      block.titles = {level_title(l)};
      block.ids = {l.id};
      block.grades = {l.grade};
      block.experience = l.experience;
      block.areas = std::move(l.areas);
      block.loc = l.loc;
      track.details.push_back(std::move(block));
    }
    for (std::size_t i = 0; i < levels.size(); ++i) {
      const PendingLevel& l = levels[i];
      if (l.shares.empty()) {
        continue;
      }
      auto holder =
          std::find_if(track.details.begin(), track.details.end(), [&](const DocLevel& d) {
            return d.ids.front() == l.shares || d.titles.front() == l.shares ||
                   levels[static_cast<std::size_t>(d.numbers.front() - 1)].label == l.shares;
          });
      if (holder == track.details.end()) {
        return fail("import.bad-share",
                    fmt::format("level '{}' shares the description of '{}', which is no level of "
                                "track '{}' with statements of its own",
                                l.label, l.shares, pending.name),
                    at(l.shares_loc), "name a level of the same track, by its id or title");
      }
      holder->numbers.push_back(static_cast<int>(i) + 1);
      holder->titles.push_back(level_title(l));
      holder->ids.push_back(l.id);
      holder->grades.push_back(l.grade);
    }
    doc.tracks.push_back(std::move(track));
  }
  doc.grades = general_grades(m_tracks);
  doc.infer_grades = false;
  return doc;
}

}  // namespace rung::importer
