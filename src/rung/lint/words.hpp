#pragma once

#include <string_view>

// Lint's stop words. Everything else about words (tokens, folding, stemming) comes from
// core/words.hpp. This list stays apart from core's for now: it is longer (it also drops "across",
// "before", "not", "up", "well", ...), and moving lint onto core's list changes the figures
// L009 prints (the median foreign share of the foreign-vocabulary golden goes from 31% to 29%),
// while adding lint's extra words to core's list changes compare's similarities. Which figures
// should move is a decision for the project, not for this refactoring.
namespace rung::lint {

// True for English function words ("the", "of", "you", "your", ...), which carry no topic.
// `folded` is a word as rung::fold (core/words.hpp) writes it ("dont", not "don't").
bool is_stop_word(std::string_view folded);

// A content word: not a stop word, not a number, longer than one character.
bool is_content_word(std::string_view folded);

}  // namespace rung::lint
