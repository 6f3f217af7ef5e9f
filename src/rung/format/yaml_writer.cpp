#include <cassert>
#include <string>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "rung/core/text.hpp"
#include "rung/format/ladder_yaml.hpp"
#include "rung/format/scalar_style.hpp"

namespace rung::format {

namespace {

using model::LadderData;

// Writes texts plain where that reads back the same everywhere (scalar_style.hpp), in quotes
// otherwise: single quotes, which yaml-cpp turns into double quotes (with escapes, still on
// one line) only for texts with line breaks or control characters.
class Writer {
 public:
  Writer() {
    m_out.SetIndent(2);
    m_out.SetOutputCharset(YAML::EmitNonAscii);
  }

  YAML::Emitter& out() { return m_out; }

  void text(std::string_view value, Context context = Context::block) {
    if (!is_plain_safe(value, context)) {
      m_out << YAML::SingleQuoted;
    }
    m_out << std::string(value);
  }

  // A grade label or date: written plain when YAML reads it as a number or date that Rung reads
  // back as the same text.
  void label(std::string_view value, Context context) {
    if (is_plain_integer(value) || looks_like_iso_date(value)) {
      m_out << std::string(value);
    } else {
      text(value, context);
    }
  }

  void field(std::string_view key, std::string_view value, Context context = Context::block) {
    m_out << YAML::Key << std::string(key) << YAML::Value;
    text(value, context);
  }

  void optional_field(std::string_view key, std::string_view value,
                      Context context = Context::block) {
    if (!value.empty()) {
      field(key, value, context);
    }
  }

  void number_field(std::string_view key, int value) {
    m_out << YAML::Key << std::string(key) << YAML::Value << value;
  }

  // Shortest text that reads back as the same double ("0.8", not "0.80000000000000004").
  void number_field(std::string_view key, double value) {
    m_out << YAML::Key << std::string(key) << YAML::Value << fmt::format("{}", value);
  }

  void text_list(std::string_view key, const std::vector<std::string>& values) {
    m_out << YAML::Key << std::string(key) << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const auto& value : values) {
      text(value, Context::flow);
    }
    m_out << YAML::EndSeq;
  }

 private:
  YAML::Emitter m_out;
};

void write_metadata(Writer& w, const LadderData& data) {
  YAML::Emitter& out = w.out();
  w.field("schema", data.schema);
  w.field("name", data.meta.name);
  w.optional_field("organization", data.meta.organization);
  if (!data.meta.published.empty()) {
    out << YAML::Key << "published" << YAML::Value;
    w.label(data.meta.published, Context::block);
  }
  if (!data.meta.version.empty()) {
    out << YAML::Key << "version" << YAML::Value;
    w.label(data.meta.version, Context::block);
  }
  if (!data.meta.authors.empty()) {
    out << YAML::Key << "authors" << YAML::Value << YAML::BeginSeq;
    for (const auto& author : data.meta.authors) {
      out << YAML::Flow << YAML::BeginMap;
      w.field("name", author.name, Context::flow);
      w.optional_field("role", author.role, Context::flow);
      out << YAML::EndMap;
    }
    out << YAML::EndSeq;
  }
  if (!data.meta.credits.empty()) {
    out << YAML::Key << "credits" << YAML::Value << YAML::BeginSeq;
    for (const auto& credit : data.meta.credits) {
      w.text(credit);
    }
    out << YAML::EndSeq;
  }
}

void write_general(Writer& w, const model::GeneralLadder& general) {
  if (general.name.empty() && general.grades.empty()) {
    return;
  }
  YAML::Emitter& out = w.out();
  out << YAML::Key << "general_ladder" << YAML::Value << YAML::BeginMap;
  w.optional_field("name", general.name);
  out << YAML::Key << "grades" << YAML::Value << YAML::Flow << YAML::BeginSeq;
  for (const auto& grade : general.grades) {
    w.label(grade, Context::flow);
  }
  out << YAML::EndSeq << YAML::EndMap;
}

void write_areas_and_scale(Writer& w, const LadderData& data) {
  YAML::Emitter& out = w.out();
  out << YAML::Key << "areas" << YAML::Value << YAML::BeginSeq;
  for (const auto& area : data.areas) {
    out << YAML::Flow << YAML::BeginMap;
    w.field("id", area.id, Context::flow);
    w.field("name", area.name, Context::flow);
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
  out << YAML::Key << "scale" << YAML::Value << YAML::BeginSeq;
  for (const auto& point : data.scale) {
    out << YAML::Flow << YAML::BeginMap;
    w.field("id", point.id, Context::flow);
    w.field("name", point.name, Context::flow);
    w.number_field("score", point.score);
    if (!point.description.empty()) {
      w.field("description", point.description, Context::flow);
    }
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
  out << YAML::Key << "readiness" << YAML::Value << YAML::Flow << YAML::BeginMap;
  w.field("met_at", data.readiness.met_at, Context::flow);
  w.number_field("share_per_area", data.readiness.share_per_area);
  out << YAML::EndMap;
}

void write_statements(Writer& w, const std::vector<model::AreaStatements>& blocks) {
  YAML::Emitter& out = w.out();
  out << YAML::Key << "statements" << YAML::Value << YAML::BeginMap;
  for (const auto& block : blocks) {
    out << YAML::Key;
    w.text(block.area);
    out << YAML::Value << YAML::BeginSeq;
    for (const auto& statement : block.statements) {
      out << YAML::BeginMap;
      w.field("id", statement.id);
      w.field("text", statement.text);
      if (!statement.refs.empty()) {
        w.text_list("refs", statement.refs);
      }
      out << YAML::EndMap;
    }
    out << YAML::EndSeq;
  }
  out << YAML::EndMap;
}

void write_level(Writer& w, const model::Level& level) {
  YAML::Emitter& out = w.out();
  out << YAML::BeginMap;
  w.field("id", level.id);
  w.number_field("number", level.number);
  w.field("title", level.title);
  w.optional_field("detail_title", level.detail_title);
  if (!level.grade.empty()) {
    out << YAML::Key << "grade" << YAML::Value;
    w.label(level.grade, Context::block);
  }
  if (level.experience) {
    out << YAML::Key << "experience" << YAML::Value << YAML::Flow << YAML::BeginMap;
    w.number_field("min_years", level.experience->min_years);
    if (level.experience->max_years) {
      w.number_field("max_years", *level.experience->max_years);
    }
    out << YAML::EndMap;
  }
  w.optional_field("shares", level.shares);
  if (!level.areas.empty()) {
    write_statements(w, level.areas);
  }
  out << YAML::EndMap;
}

void write_tracks(Writer& w, const std::vector<model::Track>& tracks) {
  YAML::Emitter& out = w.out();
  out << YAML::Key << "tracks" << YAML::Value << YAML::BeginSeq;
  for (const auto& track : tracks) {
    out << YAML::BeginMap;
    w.field("id", track.id);
    w.field("name", track.name);
    w.field("family", model::to_string(track.family));
    out << YAML::Key << "levels" << YAML::Value << YAML::BeginSeq;
    for (const auto& level : track.levels) {
      write_level(w, level);
    }
    out << YAML::EndSeq << YAML::EndMap;
  }
  out << YAML::EndSeq;
}

std::string comment_lines(std::string_view header) {
  std::string out;
  for (auto line : split_lines(header)) {
    out += line.empty() ? std::string("#\n") : fmt::format("# {}\n", line);
  }
  return out;
}

}  // namespace

std::string to_yaml(const LadderData& data, const WriteOptions& options) {
  Writer w;
  YAML::Emitter& out = w.out();
  out << YAML::BeginMap;
  write_metadata(w, data);
  write_general(w, data.general);
  write_areas_and_scale(w, data);
  write_tracks(w, data.tracks);
  if (!data.lint_disabled.empty()) {
    out << YAML::Key << "lint" << YAML::Value << YAML::Flow << YAML::BeginMap;
    w.text_list("disable", data.lint_disabled);
    out << YAML::EndMap;
  }
  out << YAML::EndMap;
  assert(out.good());
  return comment_lines(options.header) + out.c_str() + "\n";
}

std::string to_yaml(const LadderData& data) {
  return to_yaml(data, WriteOptions{});
}

}  // namespace rung::format
