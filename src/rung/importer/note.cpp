#include "rung/importer/note.hpp"

namespace rung::importer {

std::string Note::to_string() const {
  std::string out = format_location(where);
  if (!out.empty()) {
    out += ": ";
  }
  return out + "note: " + message;
}

}  // namespace rung::importer
