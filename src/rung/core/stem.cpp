#include <string>
#include <string_view>

#include "rung/core/words.hpp"

// Porter's steps 1 and 5 (see words.hpp for the rules). Written from the paper's definitions:
// a consonant is a letter other than a, e, i, o, u, and other than a 'y' that follows a
// consonant; the measure m of a stem is the number of vowel-run/consonant-run pairs in it.

namespace rung {

namespace {

bool is_consonant(std::string_view w, std::size_t i) {
  switch (w[i]) {
    case 'a':
    case 'e':
    case 'i':
    case 'o':
    case 'u':
      return false;
    case 'y':
      return i == 0 || !is_consonant(w, i - 1);
    default:
      return true;
  }
}

// Number of VC sequences in w: [C](VC)^m[V].
int measure(std::string_view w) {
  int m = 0;
  bool in_vowels = false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (!is_consonant(w, i)) {
      in_vowels = true;
    } else if (in_vowels) {
      ++m;
      in_vowels = false;
    }
  }
  return m;
}

bool has_vowel(std::string_view w) {
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (!is_consonant(w, i)) {
      return true;
    }
  }
  return false;
}

bool ends_with_double_consonant(std::string_view w) {
  const std::size_t n = w.size();
  return n >= 2 && w[n - 1] == w[n - 2] && is_consonant(w, n - 1);
}

// Consonant-vowel-consonant at the end, the last consonant not w, x or y ("hop", not "show").
bool ends_cvc(std::string_view w) {
  const std::size_t n = w.size();
  if (n < 3 || !is_consonant(w, n - 1) || is_consonant(w, n - 2) || !is_consonant(w, n - 3)) {
    return false;
  }
  const char last = w[n - 1];
  return last != 'w' && last != 'x' && last != 'y';
}

void step_1a(std::string& w) {
  if (w.ends_with("sses") || w.ends_with("ies")) {
    w.resize(w.size() - 2);
  } else if (w.ends_with("s") && !w.ends_with("ss")) {
    w.pop_back();
  }
}

// After -ed or -ing is removed, tidy the stem so that "hoping" and "hope" meet.
void repair_after_1b(std::string& w) {
  if (w.ends_with("at") || w.ends_with("bl") || w.ends_with("iz")) {
    w.push_back('e');
  } else if (ends_with_double_consonant(w) && !w.ends_with("l") && !w.ends_with("s") &&
             !w.ends_with("z")) {
    w.pop_back();
  } else if (measure(w) == 1 && ends_cvc(w)) {
    w.push_back('e');
  }
}

void step_1b(std::string& w) {
  if (w.ends_with("eed")) {
    if (measure(std::string_view(w).substr(0, w.size() - 3)) > 0) {
      w.pop_back();
    }
    return;
  }
  for (std::string_view suffix : {std::string_view("ed"), std::string_view("ing")}) {
    if (w.ends_with(suffix)) {
      std::string_view rest = std::string_view(w).substr(0, w.size() - suffix.size());
      if (has_vowel(rest)) {
        w.resize(rest.size());
        repair_after_1b(w);
      }
      return;
    }
  }
}

void step_1c(std::string& w) {
  if (w.ends_with("y") && has_vowel(std::string_view(w).substr(0, w.size() - 1))) {
    w.back() = 'i';
  }
}

// Step 5: a final -e goes when the rest has measure > 1, or measure 1 and does not end
// consonant-vowel-consonant ("manage" -> "manag", "hire" stays); a final -ll becomes -l when
// the measure is > 1. This lets "teaches"/"teach" and "managing"/"manage" meet.
void step_5(std::string& w) {
  if (w.ends_with("e")) {
    std::string_view rest = std::string_view(w).substr(0, w.size() - 1);
    const int m = measure(rest);
    if (m > 1 || (m == 1 && !ends_cvc(rest))) {
      w.pop_back();
    }
  }
  if (w.ends_with("ll") && measure(w) > 1) {
    w.pop_back();
  }
}

bool is_plain_ascii_word(std::string_view w) {
  for (char c : w) {
    if (c < 'a' || c > 'z') {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string stem(std::string_view word) {
  std::string w(word);
  if (w.ends_with("'s")) {
    w.resize(w.size() - 2);
  } else if (w.ends_with("'")) {
    w.pop_back();
  }
  if (w.size() <= 2 || !is_plain_ascii_word(w)) {
    return w;
  }
  step_1a(w);
  step_1b(w);
  step_1c(w);
  step_5(w);
  return w;
}

}  // namespace rung
