#include "rung/format/yaml_document.hpp"

#include <fmt/format.h>

#include "rung/core/text.hpp"

namespace rung::format {

namespace {

Location place(const std::string& file_name, const TextPositions& positions,
               const YAML::Mark& mark) {
  const model::SourceLoc loc = positions.of_mark(mark.line, mark.column);
  return Location{file_name, loc.line, loc.column};
}

bool indented_with_tab(std::string_view text, int line) {
  auto lines = split_lines(text);
  if (line < 0 || static_cast<std::size_t>(line) >= lines.size()) {
    return false;
  }
  std::string_view content = lines[static_cast<std::size_t>(line)];
  auto first = content.find_first_not_of(" \t");
  return content.substr(0, first).find('\t') != std::string_view::npos;
}

// What to do about yaml-cpp's most frequent complaints, in a ladder owner's words.
std::string syntax_hint(std::string_view message, bool tab) {
  if (tab) {
    return "YAML does not allow tabs for indentation; indent with spaces";
  }
  if (message == YAML::ErrorMsg::MAP_VALUE) {
    return "a value that contains ': ' must be put in quotes, e.g. text: 'Note: ...'";
  }
  if (message == YAML::ErrorMsg::END_OF_MAP_FLOW || message == YAML::ErrorMsg::END_OF_SEQ_FLOW) {
    return "a '{' or '[' is not closed, or a value inside it needs quotes";
  }
  if (message == YAML::ErrorMsg::END_OF_MAP || message == YAML::ErrorMsg::END_OF_SEQ ||
      message == YAML::ErrorMsg::BLOCK_ENTRY || message == YAML::ErrorMsg::MAP_KEY) {
    return "check the indentation: the keys of one map, and the '-' items of one list, start "
           "in the same column";
  }
  if (message.starts_with(YAML::ErrorMsg::INVALID_ESCAPE)) {
    return "inside double quotes a backslash starts an escape; use single quotes instead";
  }
  return {};
}

Error syntax_error(std::string_view text, const std::string& file_name,
                   const TextPositions& positions, const YAML::Exception& e) {
  return Error{"yaml.syntax", fmt::format("malformed YAML: {}", e.msg),
               place(file_name, positions, e.mark),
               syntax_hint(e.msg, indented_with_tab(text, e.mark.line))};
}

}  // namespace

Results<YAML::Node> parse_document(std::string_view text, const std::string& file_name,
                                   const TextPositions& positions) {
  std::vector<YAML::Node> documents;
  try {
    documents = YAML::LoadAll(std::string(text));
  } catch (const YAML::Exception& e) {
    return tl::unexpected(Errors{syntax_error(text, file_name, positions, e)});
  }
  if (documents.empty() || (documents.size() == 1 && documents.front().IsNull())) {
    return tl::unexpected(Errors{Error{
        "yaml.empty", "the file is empty; a ladder needs at least schema, name, areas and tracks",
        Location{file_name, 1, 1}, "see the example in docs/ladder-format.md"}});
  }
  if (documents.size() > 1) {
    return tl::unexpected(Errors{Error{
        "yaml.syntax", "content after the end of the ladder: a second YAML document starts here",
        place(file_name, positions, documents[1].Mark()),
        "a ladder file holds one YAML document: remove any '---' line, and check the indentation "
        "here and above"}});
  }
  return documents.front();
}

}  // namespace rung::format
