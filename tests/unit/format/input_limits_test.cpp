// Inputs refused before YAML parsing: too large, binary, not UTF-8.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>

#include <gtest/gtest.h>

#include "rung/format/ladder_yaml.hpp"

namespace rung::format {
namespace {

namespace fs = std::filesystem;

// A directory of its own under the system temp dir, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::random_device device;
    m_path = fs::temp_directory_path() / ("rung-format-test-" + std::to_string(device()));
    fs::create_directories(m_path);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(m_path, ignored);
  }
  const fs::path& path() const { return m_path; }

 private:
  fs::path m_path;
};

TEST(InputLimits, RefusesA50MegabyteFileWithoutReadingIt) {
  TempDir dir;
  const fs::path big = dir.path() / "big.yaml";
  {
    std::ofstream out(big, std::ios::binary);
    out << "schema: rung/ladder/v1\nname: Big\n";
    const std::string line = "# padding padding padding padding padding padding padding\n";
    for (std::size_t written = 0; written < 50u * 1000 * 1000; written += line.size()) {
      out << line;
    }
  }
  ASSERT_GE(fs::file_size(big), 50u * 1000 * 1000);
  auto loaded = load_ladder_file(big);
  ASSERT_FALSE(loaded);
  ASSERT_EQ(loaded.error().size(), 1u);
  const Error& error = loaded.error()[0];
  EXPECT_EQ(error.code, "file.too-large");
  EXPECT_NE(error.message.find("the limit is 16777216 bytes"), std::string::npos) << error.message;
  EXPECT_EQ(error.where.file, big.string());
}

TEST(InputLimits, RefusesTooLargeTextGivenInMemory) {
  auto loaded = parse_ladder_yaml(std::string(2000, '#'), "mem.yaml", {.max_bytes = 1000});
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error()[0].code, "file.too-large");
  EXPECT_EQ(loaded.error()[0].message, "the ladder is 2000 bytes; the limit is 1000 bytes");
}

TEST(InputLimits, ReportsTheFirstNulByteOfABinaryFile) {
  const std::string text("schema: x\nab\0cd", 15);
  auto loaded = parse_ladder_yaml(text, "bin.yaml");
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error()[0].code, "yaml.binary");
  EXPECT_EQ(loaded.error()[0].where, (Location{"bin.yaml", 2, 3}));
}

TEST(InputLimits, ReportsTheFirstByteThatIsNotUtf8) {
  auto loaded = parse_ladder_yaml("name: caf\xC3\xA9\nname2: \xE9t\xE9\n", "latin1.yaml");
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error()[0].code, "yaml.encoding");
  EXPECT_EQ(loaded.error()[0].where, (Location{"latin1.yaml", 2, 8}));
  EXPECT_NE(loaded.error()[0].message.find("0xE9"), std::string::npos);
}

TEST(InputLimits, RecognisesUtf16) {
  auto loaded = parse_ladder_yaml(std::string("\xFF\xFEn\0a\0", 6), "wide.yaml");
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error()[0].code, "yaml.encoding");
  EXPECT_NE(loaded.error()[0].message.find("UTF-16"), std::string::npos);
}

}  // namespace
}  // namespace rung::format
