#pragma once

#include "rung/cli/command.hpp"

// The setup function of every subcommand; commands.cpp puts them in the table.
namespace rung::cli {

Handler setup_show(CLI::App& sub, Io io);
Handler setup_import(CLI::App& sub, Io io);
Handler setup_validate(CLI::App& sub, Io io);  // validate.hpp documents it

// `rung lint [FILE] [--format text|json] [--strict] [--disable CODE]... [--list-rules]`:
// lints FILE (default: the built-in ladder) and prints the findings on io.out. Exit codes:
// 0 no errors (and, with --strict, no warnings); 1 otherwise; 2 when the file does not load or
// an argument is bad (an unknown rule code), with the problems on io.err.
Handler setup_lint(CLI::App& sub, Io io);
Handler setup_compare(CLI::App& sub, Io io);
// `rung diff OLD NEW [--format text|json|markdown] [--threshold X] [--exit-code]`: what changed
// between two versions of a ladder (compare/ladder_diff.hpp, src/rung/cli/diff.cpp).
Handler setup_diff(CLI::App& sub, Io io);
// `rung migrate plan|check|apply`: moving work to a new ladder version (migrate.hpp).
Handler setup_migrate(CLI::App& sub, Io io);
Handler setup_search(CLI::App& sub, Io io);
Handler setup_export(CLI::App& sub, Io io);
Handler setup_serve(CLI::App& sub, Io io);
Handler setup_user(CLI::App& sub, Io io);   // user.hpp documents it
Handler setup_token(CLI::App& sub, Io io);  // token.hpp documents it

// `rung backup FILE [--data DIR]`: an online copy of DIR/rung.db into the new file FILE.
// `rung audit [--data DIR] [filters] [--format text|json]`: the audit log, newest first.
// Both open the store read-only and exit 2 (problems on io.err) when it cannot be used;
// backup accepts an older schema, audit points at upgrade.
// `rung upgrade [--data DIR]`: copies DIR/rung.db aside, then migrates it to this schema.
Handler setup_backup(CLI::App& sub, Io io);
Handler setup_audit(CLI::App& sub, Io io);
Handler setup_upgrade(CLI::App& sub, Io io);
// `rung store copy --from STORE --to STORE` (sqlite:PATH or postgresql://...): everything,
// with ids, into an empty store in one transaction, verified by counts and digests
// (store/copy/copy.hpp, src/rung/cli/store.cpp).
Handler setup_store(CLI::App& sub, Io io);

// `rung people import FILE [--apply] [--data DIR] [--ladder FILE] [--format text|json]` and
// `rung people list [--data DIR] [--format text|json]` (src/rung/cli/people.cpp).
Handler setup_people(CLI::App& sub, Io io);

// `rung assess export PERSON_EMAIL [--level ID] [--format md|json] [-o FILE] [--data DIR]
// [--ladder FILE]`: the promotion packet of review/packet.hpp (src/rung/cli/assess.cpp).
Handler setup_assess(CLI::App& sub, Io io);

// `rung raters --cycle ID [--min-people N] [--format text|json] [--data DIR] [--ladder FILE]`:
// the rater statistics of review/raters.hpp for one cycle (src/rung/cli/raters.cpp).
Handler setup_raters(CLI::App& sub, Io io);
// `rung promotions export --cycle ID [--format csv|json] [--data DIR]`: a cycle's published
// promotion decisions for HR systems (src/rung/cli/promotions.cpp, docs/promotions.md).
Handler setup_promotions(CLI::App& sub, Io io);
// `rung calibration list --cycle ID [--format text|json] [--data DIR]` and `rung calibration
// export SESSION [--format csv|json] [--data DIR]`: a cycle's calibration sessions, and one
// session's people, pre-vote counts and decisions (src/rung/cli/calibration.cpp).
Handler setup_calibration(CLI::App& sub, Io io);

}  // namespace rung::cli
