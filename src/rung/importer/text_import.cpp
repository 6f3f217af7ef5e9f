#include "rung/importer/text_import.hpp"

#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/importer/builder.hpp"
#include "rung/importer/text_lines.hpp"
#include "rung/importer/text_parser.hpp"
#include "rung/model/validate.hpp"

namespace rung::importer {

namespace {

tl::unexpected<Errors> single(Error error) {
  return tl::unexpected(Errors{std::move(error)});
}

int statement_count(const model::LadderData& data) {
  int count = 0;
  for (const auto& track : data.tracks) {
    for (const auto& level : track.levels) {
      for (const auto& block : level.areas) {
        count += static_cast<int>(block.statements.size());
      }
    }
  }
  return count;
}

}  // namespace

Result<NamedId> parse_named_id(std::string_view text) {
  std::size_t equals = text.rfind('=');
  NamedId named;
  if (equals != std::string_view::npos) {
    named.name = std::string(trim(text.substr(0, equals)));
    named.id = std::string(trim(text.substr(equals + 1)));
  }
  if (named.name.empty() || named.id.empty()) {
    return fail("import.bad-option", fmt::format("'{}' is not NAME=ID", text), {},
                "e.g. --track-id 'Software Engineer=swe'");
  }
  return named;
}

Results<TextImport> import_text_ladder(std::string_view text, const TextImportOptions& options) {
  auto lines = read_lines(text, options.file_name, options.max_bytes);
  if (!lines) {
    return single(std::move(lines).error());
  }
  auto doc = parse_text_document(*lines, options.file_name);
  if (!doc) {
    return single(std::move(doc).error());
  }
  return import_document(*doc, options);
}

Results<TextImport> import_document(const TextDocument& doc, const TextImportOptions& options) {
  RUNG_TRY_ASSIGN(Built built, build_ladder(doc, options));
  TextImport result{std::move(built.ladder), std::move(built.notes), {}};
  if (options.previous != nullptr) {
    ReconcileOptions reconcile_options;
    for (const auto& named : options.track_ids) {
      reconcile_options.pinned_tracks.insert(named.name);
    }
    for (const auto& named : options.area_ids) {
      reconcile_options.pinned_areas.insert(named.name);
    }
    reconcile_options.reword_threshold = options.reword_threshold;
    Reconciled reconciled =
        reconcile(std::move(result.ladder), *options.previous, reconcile_options);
    result.ladder = std::move(reconciled.ladder);
    result.summary = reconciled.summary;
    result.notes.insert(result.notes.end(), reconciled.notes.begin(), reconciled.notes.end());
  } else {
    result.summary.added = statement_count(result.ladder);
  }
  Errors problems = model::validate(result.ladder);
  if (!problems.empty()) {
    return tl::unexpected(std::move(problems));
  }
  return result;
}

}  // namespace rung::importer
