#include "rung/importer/xlsx_tables.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <optional>

#include <expat.h>
#include <fmt/format.h>
#include <unzip.h>

namespace rung::importer {

namespace {

constexpr std::size_t k_xlsx_max_unpacked = std::size_t{64} * 1024 * 1024;

// --- the zip archive, read from memory through minizip's I/O callbacks ---

struct ZipMemory {
  std::string_view data;
  ZPOS64_T pos = 0;
};

voidpf ZCALLBACK zip_open(voidpf opaque, const void* /*name*/, int /*mode*/) {
  return opaque;
}

uLong ZCALLBACK zip_read(voidpf /*opaque*/, voidpf stream, void* buf, uLong size) {
  auto* memory = static_cast<ZipMemory*>(stream);
  const ZPOS64_T left = memory->data.size() - std::min<ZPOS64_T>(memory->pos, memory->data.size());
  const uLong n = static_cast<uLong>(std::min<ZPOS64_T>(size, left));
  std::memcpy(buf, memory->data.data() + memory->pos, n);
  memory->pos += n;
  return n;
}

uLong ZCALLBACK zip_write(voidpf, voidpf, const void*, uLong) {
  return 0;
}

ZPOS64_T ZCALLBACK zip_tell(voidpf /*opaque*/, voidpf stream) {
  return static_cast<ZipMemory*>(stream)->pos;
}

long ZCALLBACK zip_seek(voidpf /*opaque*/, voidpf stream, ZPOS64_T offset, int origin) {
  auto* memory = static_cast<ZipMemory*>(stream);
  ZPOS64_T base = 0;
  if (origin == ZLIB_FILEFUNC_SEEK_CUR) {
    base = memory->pos;
  } else if (origin == ZLIB_FILEFUNC_SEEK_END) {
    base = memory->data.size();
  }
  if (base + offset > memory->data.size()) {
    return -1;
  }
  memory->pos = base + offset;
  return 0;
}

int ZCALLBACK zip_close(voidpf, voidpf) {
  return 0;
}

int ZCALLBACK zip_error(voidpf, voidpf) {
  return 0;
}

class ZipArchive {
 public:
  explicit ZipArchive(std::string_view data) : m_memory{data, 0} {
    zlib_filefunc64_def io{zip_open, zip_read,  zip_write, zip_tell,
                           zip_seek, zip_close, zip_error, &m_memory};
    m_zip = unzOpen2_64("", &io);
  }
  ~ZipArchive() {
    if (m_zip != nullptr) {
      unzClose(m_zip);
    }
  }
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  bool ok() const { return m_zip != nullptr; }

  // The part's bytes; nullopt when the archive has no such part or it does not unpack.
  std::optional<std::string> read(const std::string& name, std::size_t& budget) {
    if (unzLocateFile(m_zip, name.c_str(), 1) != UNZ_OK || unzOpenCurrentFile(m_zip) != UNZ_OK) {
      return std::nullopt;
    }
    std::string out;
    char buffer[16384];
    for (;;) {
      const int n = unzReadCurrentFile(m_zip, buffer, sizeof buffer);
      if (n < 0 || static_cast<std::size_t>(n) > budget) {
        unzCloseCurrentFile(m_zip);
        return std::nullopt;
      }
      if (n == 0) {
        break;
      }
      budget -= static_cast<std::size_t>(n);
      out.append(buffer, static_cast<std::size_t>(n));
    }
    return unzCloseCurrentFile(m_zip) == UNZ_OK ? std::optional<std::string>(std::move(out))
                                                : std::nullopt;
  }

 private:
  ZipMemory m_memory;
  unzFile m_zip = nullptr;
};

// --- a small element tree, built with expat ---

struct XmlNode {
  std::string name;  // local name, without the namespace prefix
  std::map<std::string, std::string, std::less<>> attributes;  // as written ("r:id")
  std::vector<std::unique_ptr<XmlNode>> children;
  std::string text;  // character data directly inside

  const XmlNode* child(std::string_view local) const {
    for (const auto& c : children) {
      if (c->name == local) {
        return c.get();
      }
    }
    return nullptr;
  }
  std::string attribute(std::string_view key) const {
    auto found = attributes.find(key);
    return found == attributes.end() ? std::string() : found->second;
  }
  // An attribute by local name whatever its prefix ("r:id" for "id").
  std::string prefixed_attribute(std::string_view local) const {
    for (const auto& [key, value] : attributes) {
      auto colon = key.find(':');
      if (colon != std::string::npos && std::string_view(key).substr(colon + 1) == local) {
        return value;
      }
    }
    return {};
  }
  // The text of every descendant named `local`, in document order, concatenated.
  void collect(std::string_view local, std::string& out) const {
    for (const auto& c : children) {
      if (c->name == local) {
        out += c->text;
      } else if (c->name != "rPh") {  // phonetic hints are not the cell's text
        c->collect(local, out);
      }
    }
  }
};

struct XmlBuilder {
  XmlNode root;
  std::vector<XmlNode*> open{&root};
};

std::string local_name(const char* name) {
  const char* colon = std::strrchr(name, ':');
  return colon == nullptr ? std::string(name) : std::string(colon + 1);
}

void XMLCALL on_start(void* data, const char* name, const char** attributes) {
  auto* builder = static_cast<XmlBuilder*>(data);
  auto node = std::make_unique<XmlNode>();
  node->name = local_name(name);
  for (const char** a = attributes; a[0] != nullptr; a += 2) {
    node->attributes.emplace(a[0], a[1]);
  }
  XmlNode* raw = node.get();
  builder->open.back()->children.push_back(std::move(node));
  builder->open.push_back(raw);
}

void XMLCALL on_end(void* data, const char* /*name*/) {
  static_cast<XmlBuilder*>(data)->open.pop_back();
}

void XMLCALL on_text(void* data, const char* text, int length) {
  static_cast<XmlBuilder*>(data)->open.back()->text.append(text, static_cast<std::size_t>(length));
}

std::optional<XmlNode> parse_xml(const std::string& text) {
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> parser(
      XML_ParserCreate("UTF-8"), &XML_ParserFree);
  XmlBuilder builder;
  XML_SetUserData(parser.get(), &builder);
  XML_SetElementHandler(parser.get(), on_start, on_end);
  XML_SetCharacterDataHandler(parser.get(), on_text);
  if (XML_Parse(parser.get(), text.data(), static_cast<int>(text.size()), 1) != XML_STATUS_OK) {
    return std::nullopt;
  }
  return std::move(builder.root);
}

// "B3" -> {3, 2}; nullopt for anything else.
std::optional<model::SourceLoc> cell_place(std::string_view ref) {
  int column = 0;
  std::size_t i = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
    column = column * 26 + (ref[i] - 'A' + 1);
    ++i;
  }
  int row = 0;
  std::size_t digits = i;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9') {
    row = row * 10 + (ref[i] - '0');
    ++i;
  }
  if (column == 0 || i == digits || i != ref.size() || row <= 0 || column > 16384 ||
      row > 1048576) {
    return std::nullopt;
  }
  return model::SourceLoc{row, column};
}

class WorkbookReader {
 public:
  WorkbookReader(std::string_view bytes, std::string_view file_name)
      : m_zip(bytes), m_file(file_name) {}

  Result<std::vector<Table>> run();

 private:
  Error problem(std::string message) const {
    return Error{"import.xlsx", std::move(message), Location{std::string(m_file)},
                 "save the workbook again from a spreadsheet, or export the sheet as CSV"};
  }
  Result<XmlNode> part(const std::string& name) {
    auto bytes = m_zip.read(name, m_budget);
    if (!bytes) {
      return tl::unexpected(problem(fmt::format(
          "the workbook has no readable part '{}' (or it unpacks to more than 64 MiB)", name)));
    }
    auto xml = parse_xml(*bytes);
    if (!xml) {
      return tl::unexpected(problem(fmt::format("the workbook's part '{}' is not XML", name)));
    }
    return std::move(*xml);
  }
  Result<Table> sheet(const std::string& name, const std::string& path);

  ZipArchive m_zip;
  std::string_view m_file;
  std::size_t m_budget = k_xlsx_max_unpacked;
  std::vector<std::string> m_strings;
};

Result<Table> WorkbookReader::sheet(const std::string& name, const std::string& path) {
  RUNG_TRY_ASSIGN(XmlNode xml, part(path));
  const XmlNode* root = xml.child("worksheet");
  const XmlNode* data = root == nullptr ? nullptr : root->child("sheetData");
  std::map<int, std::map<int, std::string>> cells;  // row -> column -> text
  int width = 0;
  if (data != nullptr) {
    for (const auto& row : data->children) {
      if (row->name != "row") {
        continue;
      }
      for (const auto& c : row->children) {
        if (c->name != "c") {
          continue;
        }
        auto place = cell_place(c->attribute("r"));
        if (!place) {
          return tl::unexpected(problem(fmt::format("sheet '{}' has a cell without a place ('{}')",
                                                    name, c->attribute("r"))));
        }
        const std::string type = c->attribute("t");
        std::string text;
        if (type == "inlineStr") {
          if (const XmlNode* is = c->child("is")) {
            is->collect("t", text);
          }
        } else if (const XmlNode* v = c->child("v")) {
          text = v->text;
          if (type == "s") {
            std::size_t index = 0;
            try {
              index = std::stoul(text);
            } catch (...) {
              index = m_strings.size();
            }
            if (index >= m_strings.size()) {
              return tl::unexpected(problem(fmt::format(
                  "sheet '{}' cell {} names shared string {}, which the workbook does not have",
                  name, c->attribute("r"), text)));
            }
            text = m_strings[index];
          } else if (type == "b") {
            text = text == "1" ? "TRUE" : "FALSE";
          }
        }
        cells[place->line][place->column] = std::move(text);
        width = std::max(width, place->column);
      }
    }
  }
  // A merged range: every cell takes the top-left cell's text.
  if (const XmlNode* merges = root == nullptr ? nullptr : root->child("mergeCells")) {
    for (const auto& merge : merges->children) {
      std::string ref = merge->attribute("ref");
      auto colon = ref.find(':');
      auto from = cell_place(ref.substr(0, colon));
      auto to = colon == std::string::npos ? from : cell_place(ref.substr(colon + 1));
      if (!from || !to || to->line - from->line > 10000 || to->column - from->column > 1000) {
        continue;
      }
      std::string text = cells[from->line][from->column];
      for (int r = from->line; r <= to->line; ++r) {
        for (int c = from->column; c <= to->column; ++c) {
          cells[r][c] = text;
        }
      }
      width = std::max(width, to->column);
    }
  }
  Table table;
  table.name = name;
  for (auto& [row, columns] : cells) {
    TableRow out;
    bool blank = true;
    for (int c = 1; c <= width; ++c) {
      auto found = columns.find(c);
      std::string text = found == columns.end() ? std::string() : std::move(found->second);
      blank = blank && text.find_first_not_of(" \t\r\n") == std::string::npos;
      out.push_back(Cell{std::move(text), {row, c}});
    }
    if (!blank) {
      table.rows.push_back(std::move(out));
      table.row_ends.push_back({row, width + 1});
    }
  }
  return table;
}

Result<std::vector<Table>> WorkbookReader::run() {
  if (!m_zip.ok()) {
    return tl::unexpected(problem("the file is not a zip archive, so not an XLSX workbook"));
  }
  if (auto strings = m_zip.read("xl/sharedStrings.xml", m_budget)) {
    auto xml = parse_xml(*strings);
    if (!xml) {
      return tl::unexpected(problem("the workbook's part 'xl/sharedStrings.xml' is not XML"));
    }
    if (const XmlNode* sst = xml->child("sst")) {
      for (const auto& si : sst->children) {
        if (si->name == "si") {
          std::string text;
          si->collect("t", text);
          m_strings.push_back(std::move(text));
        }
      }
    }
  }
  RUNG_TRY_ASSIGN(XmlNode rels, part("xl/_rels/workbook.xml.rels"));
  std::map<std::string, std::string> targets;
  if (const XmlNode* list = rels.child("Relationships")) {
    for (const auto& r : list->children) {
      std::string target = r->attribute("Target");
      target = target.starts_with("/") ? target.substr(1) : "xl/" + target;
      targets[r->attribute("Id")] = target;
    }
  }
  RUNG_TRY_ASSIGN(XmlNode book, part("xl/workbook.xml"));
  const XmlNode* workbook = book.child("workbook");
  const XmlNode* sheets = workbook == nullptr ? nullptr : workbook->child("sheets");
  std::vector<Table> tables;
  if (sheets != nullptr) {
    for (const auto& s : sheets->children) {
      auto target = targets.find(s->prefixed_attribute("id"));
      if (s->name != "sheet" || target == targets.end()) {
        continue;
      }
      RUNG_TRY_ASSIGN(Table table, sheet(s->attribute("name"), target->second));
      tables.push_back(std::move(table));
    }
  }
  if (tables.empty()) {
    return tl::unexpected(problem("the workbook has no worksheets"));
  }
  return tables;
}

}  // namespace

Result<std::vector<Table>> read_xlsx_tables(std::string_view bytes, std::string_view file_name) {
  return WorkbookReader(bytes, file_name).run();
}

}  // namespace rung::importer
