#include "rung/format/yaml_document.hpp"

#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

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

// Records where each document starts and whether it is nothing but one null. Used to look at
// no more than two documents: yaml-cpp's LoadAll loops forever, allocating, on a stray ','
// (jbeder/yaml-cpp#1040), and YAML::Load silently ignores what follows the first document.
class DocumentScan : public YAML::EventHandler {
 public:
  struct Document {
    YAML::Mark first;  // the first event's mark
    int events = 0;
    bool lone_null = false;
  };

  std::vector<Document> documents;

  void OnDocumentStart(const YAML::Mark&) override { documents.emplace_back(); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { event(mark, true); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { event(mark, false); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string&) override {
    event(mark, false);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    event(mark, false);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    event(mark, false);
  }
  void OnMapEnd() override {}

 private:
  void event(const YAML::Mark& mark, bool null) {
    Document& doc = documents.back();
    if (doc.events++ == 0) {
      doc.first = mark;
    }
    doc.lone_null = doc.events == 1 && null;
  }
};

// True when the text holds nothing but blank lines, comments and document markers.
bool is_blank(std::string_view text) {
  for (auto line : split_lines(text)) {
    line = trim(line);
    if (!line.empty() && !line.starts_with('#') && line != "---" && line != "...") {
      return false;
    }
  }
  return true;
}

// The mark of the first character that is not blank or part of a comment.
YAML::Mark first_content(std::string_view text) {
  YAML::Mark mark;
  mark.line = 0;
  for (auto line : split_lines(text)) {
    auto at = line.find_first_not_of(" \t\xEF\xBB\xBF");
    if (at != std::string_view::npos && line[at] != '#') {
      mark.column = static_cast<int>(at);
      return mark;
    }
    ++mark.line;
  }
  return YAML::Mark::null_mark();
}

Error stray_character(const std::string& file_name, const TextPositions& positions,
                      const YAML::Mark& mark, char c) {
  return Error{"yaml.syntax", fmt::format("malformed YAML: unexpected '{}'", c),
               place(file_name, positions, mark),
               "put the value in quotes, or remove the character"};
}

// Errors about what follows the first document, if anything does.
Errors check_single_document(std::string_view text, const std::string& file_name,
                             const TextPositions& positions) {
  std::istringstream stream{std::string(text)};
  YAML::Parser parser(stream);
  DocumentScan scan;
  for (int i = 0; i < 2 && parser.HandleNextDocument(scan); ++i) {
  }
  if (scan.documents.size() < 2) {
    return {};
  }
  const DocumentScan::Document& second = scan.documents[1];
  const char c = positions.char_at(second.first.line, second.first.column);
  if (second.lone_null && c != '\0' && c != '-' && c != '.') {
    return {stray_character(file_name, positions, second.first, c)};
  }
  return {Error{"yaml.syntax",
                "content after the end of the ladder: a second YAML document starts here",
                place(file_name, positions, second.first),
                "a ladder file holds one YAML document: remove any '---' line, and check the "
                "indentation here and above"}};
}

}  // namespace

Results<YAML::Node> parse_document(std::string_view text, const std::string& file_name,
                                   const TextPositions& positions) {
  YAML::Node root;
  try {
    if (Errors errors = check_single_document(text, file_name, positions); !errors.empty()) {
      return tl::unexpected(std::move(errors));
    }
    root = YAML::Load(std::string(text));
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp's message for this one is "bad file".
    return tl::unexpected(Errors{
        Error{"yaml.syntax",
              fmt::format("malformed YAML: nested more than {} levels deep", e.depth() - 1),
              place(file_name, positions, e.mark),
              "a ladder nests about 8 levels deep; look for '[' or '{' that are not closed"}});
  } catch (const YAML::Exception& e) {
    return tl::unexpected(Errors{syntax_error(text, file_name, positions, e)});
  }
  if (root.IsNull() && is_blank(text)) {
    return tl::unexpected(Errors{Error{
        "yaml.empty", "the file is empty; a ladder needs at least schema, name, areas and tracks",
        Location{file_name, 1, 1}, "see the example in docs/ladder-format.md"}});
  }
  if (root.IsNull()) {
    const YAML::Mark mark = first_content(text);
    const char c = positions.char_at(mark.line, mark.column);
    if (std::string_view(",[]{}:?-!&*|>%@`").find(c) != std::string_view::npos) {
      return tl::unexpected(Errors{stray_character(file_name, positions, mark, c)});
    }
    return tl::unexpected(Errors{
        Error{"yaml.wrong-type",
              "expected a ladder (a map with schema, name, areas and tracks), found nothing",
              place(file_name, positions, mark), "see the example in docs/ladder-format.md"}});
  }
  return root;
}

}  // namespace rung::format
