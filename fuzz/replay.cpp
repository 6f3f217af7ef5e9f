// `make test`'s fuzzing, without a fuzzing compiler: runs a target over every file of its
// committed corpus, then over random mutations of them (bytes flipped, inserted, deleted,
// duplicated, spliced with another input, dictionary tokens inserted) for --runs inputs, with the
// sanitizers of the test build watching. Not coverage-guided (that is `make fuzz`, with
// clang's libFuzzer); it catches a parser that breaks again on inputs near known ones.
//
// Usage: rung_fuzz_replay TARGET CORPUS_DIR [--dict FILE] [--runs N] [--seed S]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "targets.hpp"

namespace {

using Bytes = std::string;

Bytes read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// libFuzzer's dictionary format: one "token" per line (with \\, \" and \xNN escapes), comments.
std::vector<Bytes> read_dictionary(const std::filesystem::path& path) {
  std::vector<Bytes> tokens;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    const std::size_t open = line.find('"');
    const std::size_t close = line.rfind('"');
    if (line.starts_with('#') || open == std::string::npos || close <= open) {
      continue;
    }
    Bytes token;
    for (std::size_t i = open + 1; i < close; ++i) {
      if (line[i] == '\\' && i + 1 < close) {
        if (line[i + 1] == 'x' && i + 3 < close) {
          token += static_cast<char>(std::stoi(line.substr(i + 2, 2), nullptr, 16));
          i += 3;
        } else {
          token += line[++i];
        }
      } else {
        token += line[i];
      }
    }
    tokens.push_back(token);
  }
  return tokens;
}

class Mutator {
 public:
  Mutator(const std::vector<Bytes>& corpus, const std::vector<Bytes>& dictionary, unsigned seed)
      : m_corpus(corpus), m_dictionary(dictionary), m_random(seed) {}

  Bytes next() {
    Bytes out = m_corpus[pick(m_corpus.size())];
    const std::size_t steps = 1 + pick(4);
    for (std::size_t i = 0; i < steps; ++i) {
      mutate(out);
    }
    return out.size() > 64 * 1024 ? out.substr(0, 64 * 1024) : out;
  }

 private:
  std::size_t pick(std::size_t below) {
    return below == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, below - 1)(m_random);
  }

  void mutate(Bytes& out) {
    const std::size_t at = pick(out.size() + 1);
    switch (pick(6)) {
      case 0:
        if (!out.empty()) {
          out[pick(out.size())] ^= static_cast<char>(1u << pick(8));
        }
        break;
      case 1:
        out.insert(at, 1, static_cast<char>(pick(256)));
        break;
      case 2:
        out.erase(at, 1 + pick(8));
        break;
      case 3:
        out.insert(at, out.substr(pick(out.size() + 1), 1 + pick(16)));
        break;
      case 4: {
        const Bytes& other = m_corpus[pick(m_corpus.size())];
        out = out.substr(0, at) + other.substr(pick(other.size() + 1));
        break;
      }
      default:
        if (!m_dictionary.empty()) {
          out.insert(at, m_dictionary[pick(m_dictionary.size())]);
        }
        break;
    }
  }

  const std::vector<Bytes>& m_corpus;
  const std::vector<Bytes>& m_dictionary;
  std::mt19937 m_random;
};

int usage() {
  std::fputs("usage: rung_fuzz_replay TARGET CORPUS_DIR [--dict FILE] [--runs N] [--seed S]\n",
             stderr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    return usage();
  }
  const std::string_view name = argv[1];
  const std::filesystem::path corpus_dir = argv[2];
  std::filesystem::path dictionary_file;
  long runs = 10000;
  unsigned seed = std::random_device{}();
  for (int i = 3; i + 1 < argc; i += 2) {
    const std::string_view flag = argv[i];
    if (flag == "--dict") {
      dictionary_file = argv[i + 1];
    } else if (flag == "--runs") {
      runs = std::atol(argv[i + 1]);
    } else if (flag == "--seed") {
      seed = static_cast<unsigned>(std::atol(argv[i + 1]));
    } else {
      return usage();
    }
  }
  const rung::fuzz::Target* target = nullptr;
  for (const auto& candidate : rung::fuzz::targets()) {
    if (candidate.name == name) {
      target = &candidate;
    }
  }
  if (target == nullptr || !std::filesystem::is_directory(corpus_dir)) {
    std::fprintf(stderr, "no target %s, or no corpus directory %s\n", argv[1], argv[2]);
    return 2;
  }
  std::vector<Bytes> corpus;
  for (const auto& entry : std::filesystem::directory_iterator(corpus_dir)) {
    if (entry.is_regular_file()) {
      corpus.push_back(read_all(entry.path()));
      target->run(reinterpret_cast<const std::uint8_t*>(corpus.back().data()),
                  corpus.back().size());
    }
  }
  if (corpus.empty()) {
    std::fprintf(stderr, "the corpus %s is empty\n", argv[2]);
    return 2;
  }
  const std::vector<Bytes> dictionary =
      dictionary_file.empty() ? std::vector<Bytes>{} : read_dictionary(dictionary_file);
  // The seed is printed so that a failure can be replayed with --seed.
  std::printf("%s: %zu corpus inputs, then %ld mutations with seed %u\n", argv[1], corpus.size(),
              runs, seed);
  std::fflush(stdout);
  Mutator mutator(corpus, dictionary, seed);
  const auto start = std::chrono::steady_clock::now();
  for (long i = 0; i < runs; ++i) {
    const Bytes input = mutator.next();
    target->run(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
  }
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  std::printf("%s: %ld inputs in %.1f s, no failure\n", argv[1], runs, elapsed.count());
  return 0;
}
