#include "rung/export/xlsx.hpp"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "rung/core/fs.hpp"
#include "rung/export/xlsx_sheet.hpp"

namespace rung::exports {

namespace {

// Adds every sheet; stops at the first error.
Result<void> fill_workbook(lxw_workbook* workbook, const model::Ladder& ladder) {
  const XlsxFormats formats = add_formats(workbook);
  std::vector<std::string> taken;
  const std::string overview = sheet_name("Overview", taken);
  const std::string matrix = sheet_name("Matrix", taken);
  std::vector<std::string> track_sheets;
  for (const model::Track& track : ladder.tracks()) {
    track_sheets.push_back(sheet_name(track.name, taken));
  }
  RUNG_TRY(add_overview_sheet(workbook, formats, ladder, overview));
  for (std::size_t t = 0; t < ladder.tracks().size(); ++t) {
    RUNG_TRY(add_track_sheet(workbook, formats, ladder, ladder.tracks()[t], track_sheets[t]));
  }
  return add_matrix_sheet(workbook, formats, ladder, matrix);
}

void set_properties(lxw_workbook* workbook, const model::LadderData& data) {
  std::string title = data.meta.name;
  std::string company = data.meta.organization;
  std::string author = data.meta.authors.empty() ? std::string() : data.meta.authors[0].name;
  std::string comments = "Exported by Rung from the ladder file format rung/ladder/v1";
  lxw_doc_properties properties{};
  properties.title = title.data();
  properties.company = company.empty() ? nullptr : company.data();
  properties.author = author.empty() ? nullptr : author.data();
  properties.comments = comments.data();
  workbook_set_properties(workbook, &properties);
}

Result<void> write_workbook(const model::Ladder& ladder, const std::filesystem::path& target,
                            const std::filesystem::path& temporary) {
  lxw_workbook* workbook = workbook_new(temporary.c_str());
  if (workbook == nullptr) {
    return fail(ErrorKind::internal, "file.unwritable",
                fmt::format("cannot write '{}': cannot create the workbook", target.string()),
                Location{target.string()});
  }
  set_properties(workbook, ladder.data());
  Result<void> filled = fill_workbook(workbook, ladder);
  // Close in every case: it frees the workbook (and writes a file the caller then deletes).
  const lxw_error closed = workbook_close(workbook);
  if (!filled) {
    Error error = filled.error();
    error.message = fmt::format("cannot export to '{}': {}", target.string(), error.message);
    error.where = Location{target.string()};
    return tl::unexpected(std::move(error));
  }
  if (closed != LXW_NO_ERROR) {
    return fail(ErrorKind::internal, "file.unwritable",
                fmt::format("cannot write '{}': {}", target.string(), lxw_strerror(closed)),
                Location{target.string()});
  }
  return {};
}

}  // namespace

Result<void> write_xlsx(const model::Ladder& ladder, const Options& /*options*/,
                        const std::filesystem::path& path) {
  return write_via_temporary(path, [&](const std::filesystem::path& temporary) {
    return write_workbook(ladder, path, temporary);
  });
}

}  // namespace rung::exports
