#include <array>

#include "rung/cli/command.hpp"
#include "rung/cli/commands_list.hpp"

namespace rung::cli {

std::span<const Command> commands() {
  static const std::array table{
      Command{"show", "Print the ladder: the overview, a track or a level", setup_show},
      Command{"validate", "Check a ladder YAML file and report every problem", setup_validate},
      Command{"import", "Import a plain-text ladder document as ladder YAML", setup_import},
      Command{"lint", "Check a ladder for defects (compiler-style findings, exit 1 on errors)",
              setup_lint},
      Command{"compare", "What changes between two levels (or to the next level)", setup_compare},
      Command{"diff", "What changed between two versions of a ladder (text, JSON, Markdown)",
              setup_diff},
      Command{"migrate",
              "Move drafts and growth plans to a new ladder version: plan, check, apply",
              setup_migrate},
      Command{"search", "Find statements by words, ranked, with matches highlighted", setup_search},
      Command{"export",
              "Write the ladder as Markdown, JSON, YAML, CSV, an Excel workbook or a static site",
              setup_export},
      Command{"serve", "Serve the ladder as web pages and a JSON API", setup_serve},
      Command{"people", "Import people from an HRIS export (CSV) and list them", setup_people},
      Command{"assess", "Export a person's promotion packet (ratings, evidence, readiness)",
              setup_assess},
      Command{"raters",
              "How each manager rated in a review cycle: leniency, spread, halo, agreement",
              setup_raters},
      Command{"promotions", "Export a review cycle's published promotion decisions (CSV, JSON)",
              setup_promotions},
      Command{"calibration", "List a cycle's calibration sessions; export one (CSV, JSON)",
              setup_calibration},
      Command{"user", "Add accounts, reset their passwords, list them", setup_user},
      Command{"token", "Make, list and revoke API tokens (for scripts using the API)", setup_token},
      Command{"audit", "Print the audit log: who changed what, when (filters, paging, JSON)",
              setup_audit},
      Command{"backup", "Copy the database to a new file, safely while rung serve runs",
              setup_backup},
      Command{"upgrade", "Bring the database to this rung's schema, keeping a copy first",
              setup_upgrade},
      Command{"store", "Copy everything between SQLite and PostgreSQL (store copy)", setup_store},
  };
  return table;
}

}  // namespace rung::cli
