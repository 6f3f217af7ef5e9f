# Turns every file of a folder into one C++ source: a sorted table of {name, bytes} that
# rung::web::asset() looks up. Called at build time:
#   cmake -DINPUT_DIR=... -DOUTPUT=... -DNAMESPACE=... -DFUNCTION=... -P embed_dir.cmake
# Names are paths relative to INPUT_DIR with '/' separators ("templates/layout.html").
file(GLOB_RECURSE files RELATIVE "${INPUT_DIR}" "${INPUT_DIR}/*")
list(SORT files)
set(arrays "")
set(entries "")
set(index 0)
foreach(name ${files})
  file(READ "${INPUT_DIR}/${name}" hex HEX)
  string(LENGTH "${hex}" hex_length)
  math(EXPR size "${hex_length} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  string(REGEX REPLACE "(('\\\\x[0-9a-f][0-9a-f]',){16})" "\\1\n" bytes "${bytes}")
  string(APPEND arrays "constexpr char k_file_${index}[] = {\n${bytes}'\\0'};\n")
  string(APPEND entries "    {\"${name}\", {k_file_${index}, ${size}}},\n")
  math(EXPR index "${index} + 1")
endforeach()
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT_DIR} by cmake/embed_dir.cmake. Do not edit.
#include <span>
#include <string_view>
#include <utility>

namespace ${NAMESPACE} {
namespace {
${arrays}
constexpr std::pair<std::string_view, std::string_view> k_files[] = {
${entries}};
}  // namespace
std::span<const std::pair<std::string_view, std::string_view>> ${FUNCTION}() {
  return k_files;
}
}  // namespace ${NAMESPACE}
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
