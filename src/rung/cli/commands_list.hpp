#pragma once

#include "rung/cli/command.hpp"

// The setup function of every subcommand; commands.cpp puts them in the table.
namespace rung::cli {

Handler setup_show(CLI::App& sub, Io io);
Handler setup_import(CLI::App& sub, Io io);
Handler setup_serve(CLI::App& sub, Io io);

}  // namespace rung::cli
