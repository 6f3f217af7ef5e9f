#include <iostream>

#include "rung/cli/command.hpp"

int main(int argc, char** argv) {
  return rung::cli::run(argc, argv, rung::cli::Io{std::cout, std::cerr});
}
