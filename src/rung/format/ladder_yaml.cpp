#include "rung/format/ladder_yaml.hpp"

#include <algorithm>
#include <climits>

#include <fmt/format.h>

#include "rung/core/fs.hpp"
#include "rung/format/input_checks.hpp"
#include "rung/format/json_escapes.hpp"
#include "rung/format/ladder_reader.hpp"
#include "rung/format/rule_errors.hpp"
#include "rung/format/yaml_document.hpp"

namespace rung::format {

namespace {

// Document order; problems without a line (file-wide) last.
void sort_by_place(Errors& errors) {
  auto key = [](const Error& e) {
    return std::pair(e.where.line == 0 ? INT_MAX : e.where.line, e.where.column);
  };
  std::stable_sort(errors.begin(), errors.end(),
                   [&](const Error& a, const Error& b) { return key(a) < key(b); });
}

void cap(Errors& errors, const std::string& file_name, std::size_t max_errors) {
  if (errors.size() <= max_errors) {
    return;
  }
  errors.resize(max_errors);
  errors.push_back(Error{"yaml.too-many-errors",
                         fmt::format("stopped after {} problems", max_errors), Location{file_name},
                         "fix these and load the file again"});
}

Results<model::LadderData> read_checked(std::string_view text, const std::string& file_name,
                                        const TextPositions& positions,
                                        const LoadOptions& options) {
  RUNG_TRY_ASSIGN(YAML::Node root, parse_document(text, file_name, positions));
  YamlReader reader(file_name, positions, {options.max_errors, options.max_elements});
  LadderRead read = read_ladder(reader, root);
  read.data.source_file = file_name;
  Errors errors = reader.take_errors();
  if (options.validate && read.complete) {
    Errors rules = rule_errors(read, reader.take_broken());
    errors.insert(errors.end(), std::make_move_iterator(rules.begin()),
                  std::make_move_iterator(rules.end()));
  }
  if (!errors.empty()) {
    sort_by_place(errors);
    cap(errors, file_name, options.max_errors);
    return tl::unexpected(std::move(errors));
  }
  return std::move(read.data);
}

}  // namespace

Results<model::LadderData> parse_ladder_yaml(std::string_view text, std::string_view file_name,
                                             const LoadOptions& options) {
  const std::string file(file_name);
  const TextPositions positions(text);
  if (Errors errors = check_input(text, file, positions, options.max_bytes); !errors.empty()) {
    return tl::unexpected(std::move(errors));
  }
  // JSON's surrogate-pair escapes, rewritten for YAML (rarely needed: positions are remade then).
  const std::optional<std::string> rewritten = rewrite_surrogate_escapes(text);
  const std::optional<TextPositions> rewritten_positions =
      rewritten ? std::optional<TextPositions>(std::in_place, *rewritten) : std::nullopt;
  try {
    return rewritten ? read_checked(*rewritten, file, *rewritten_positions, options)
                     : read_checked(text, file, positions, options);
  } catch (const YAML::Exception& e) {
    // The reader only walks nodes yaml-cpp has built; this is a last line of defence so that no
    // yaml-cpp exception leaves the library.
    return tl::unexpected(Errors{Error{"yaml.syntax", fmt::format("malformed YAML: {}", e.msg),
                                       Location{file, e.mark.line + 1, e.mark.column + 1}, ""}});
  }
}

Results<model::LadderData> load_ladder_file(const std::filesystem::path& path,
                                            const LoadOptions& options) {
  auto text = read_file(path, ReadOptions{options.max_bytes});
  if (!text) {
    return tl::unexpected(Errors{std::move(text).error()});
  }
  return parse_ladder_yaml(*text, path.string(), options);
}

}  // namespace rung::format
