#pragma once

#include <string>

#include "rung/core/clock.hpp"

// Times as people say them on a page: "today", "yesterday", "3 days ago", "2 weeks ago",
// "5 months ago", "2 years ago".
namespace rung {

// How long before `now` the instant `then` was, in words, by whole days elapsed (a day is 24
// hours, not a calendar day): under one day "today", one day "yesterday", up to 13 days
// "N days ago", up to 59 "N weeks ago" (whole weeks), up to 364 "N months ago" (whole 30-day
// months), then "1 year ago", "N years ago" (whole 365-day years). An instant after `now` is
// "today".
std::string ago(Millis then, Millis now);

}  // namespace rung
