// dates.hpp — dates written the ways news pages write them, to ISO 8601.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lede {

// Parses a whole date expression, e.g. 'Feb 01, 2025', '01 February 2025',
// 'January 8, 2025', 'Jan. 8, 2025', '2025-02-01',
// 'Saturday, February 1, 2025 10:05 AM ET', '8/1/2025' (only when the day
// and month cannot be swapped, i.e. one of them is > 12, or both equal),
// 'October 2024' -> '2024-10'. Returns nothing when `s` is not a date.
// With a time, returns 'YYYY-MM-DDTHH:MM' (the zone is not converted).
std::optional<std::string> parse_date(std::string_view s);

// False when `s` holds no year (a run of exactly four ASCII digits,
// 1900-2100): then find_date finds nothing in it. The code-point form
// lets callers skip converting text to UTF-8 for find_date.
// The month (1-12) a lower-case word names ('september', 'sep', 'sept'),
// or 0.
int month_of(std::string_view w);

bool may_hold_date(std::string_view s);
bool may_hold_date(std::u32string_view s);

// Finds the first date expression inside a longer line ('Published on
// Feb 01, 2025 by ...'); returns the ISO form and sets `[begin,end)` to its
// byte range in `s` when found.
std::optional<std::string> find_date(std::string_view s, size_t *begin = nullptr,
                                     size_t *end = nullptr);

// A month or weekday named without a year ('in January', 'on Monday'),
// anchored to the publication date `published` ('YYYY-MM-DD…'): `word` is
// the lower-case name ('january', 'jan', 'monday'); `when` says which one
// the text means — Past: the latest one on or before the publication (news
// reports what happened: 'said on Monday'), Next: the first one after it
// ('will vote on Tuesday', 'next March'), Last: the latest one strictly
// before it ('last Friday'), Nearest: the one closest to it, earlier on a
// tie ('in May' in a March article is this May, 'in December' last
// December). Returns 'YYYY-MM' for a month, 'YYYY-MM-DD' for a weekday,
// or nothing when `word` is neither or `published` is no date.
enum class Anchor { Past, Next, Last, Nearest };
std::optional<std::string> resolve_relative_date(std::string_view word, std::string_view published,
                                                 Anchor when);

} // namespace lede
