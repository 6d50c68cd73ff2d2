// test_dates.cpp — dates.cpp: the date forms news pages print.
#include "lede_catch.hpp"

#include "dates.hpp"
#include "text.hpp"

using lede::find_date;
using lede::parse_date;

TEST_CASE("parse_date: forms from the genre") {
  CHECK(parse_date("Feb 01, 2025") == "2025-02-01");
  CHECK(parse_date("01 February 2025") == "2025-02-01");
  CHECK(parse_date("January 8, 2025") == "2025-01-08");
  CHECK(parse_date("Jan. 8, 2025") == "2025-01-08");
  CHECK(parse_date("2025-02-01") == "2025-02-01");
  CHECK(parse_date("Saturday, February 1, 2025 10:05 AM ET") == "2025-02-01T10:05");
  CHECK(parse_date("Sept. 30, 2024") == "2024-09-30");
  CHECK(parse_date("1st March 2024") == "2024-03-01");
  CHECK(parse_date("October 2024") == "2024-10");
  CHECK(parse_date("2025-02-01T18:30") == "2025-02-01T18:30");
  CHECK(parse_date("March 3, 2025, 4:15 p.m.") == "2025-03-03T16:15");
}

TEST_CASE("parse_date: numeric dates only when unambiguous") {
  CHECK(parse_date("13/01/2025") == "2025-01-13");
  CHECK(parse_date("1/25/2025") == "2025-01-25");
  CHECK(parse_date("8/8/2025") == "2025-08-08");
  CHECK_FALSE(parse_date("8/1/2025"));
}

TEST_CASE("parse_date: rejects non-dates and impossible dates") {
  CHECK_FALSE(parse_date(""));
  CHECK_FALSE(parse_date("Published on"));
  CHECK_FALSE(parse_date("February 30, 2025"));
  CHECK_FALSE(parse_date("May the force be with you"));
  CHECK_FALSE(parse_date("2025"));
  CHECK_FALSE(parse_date("$7.5 billion"));
}

TEST_CASE("find_date: a date inside a line") {
  size_t b = 0, e = 0;
  std::string line = "Published on January 8, 2025 by Jane Roe";
  auto d = find_date(line, &b, &e);
  REQUIRE(d);
  CHECK(*d == "2025-01-08");
  CHECK(line.substr(b, e - b) == "January 8, 2025");
  CHECK(find_date("Today : Feb 01, 2025") == "2025-02-01");
  CHECK_FALSE(find_date("He said it may happen in 2025."));
}

TEST_CASE("may_hold_date: a year as a whole four-digit run, bytes and code points alike") {
  using lede::may_hold_date;
  const char *with[] = {"in 2024", "1900", "Feb 01, 2025", "(2100)", "2024-10-01"};
  const char *without[] = {"", "no digits", "$1,999", "2101", "1899", "20245", "12 of 99", "Q3"};
  for (const char *s : with) {
    CHECK(may_hold_date(std::string_view(s)));
    CHECK(may_hold_date(std::u32string_view(lede::decode_utf8(s))));
  }
  for (const char *s : without) {
    CHECK_FALSE(may_hold_date(std::string_view(s)));
    CHECK_FALSE(may_hold_date(std::u32string_view(lede::decode_utf8(s))));
    CHECK_FALSE(find_date(s));
  }
  CHECK(may_hold_date(std::u32string_view(U"caf\u00e9 2024")));
}

TEST_CASE("resolve_relative_date: months and weekdays anchored to the publication date") {
  using lede::Anchor;
  using lede::resolve_relative_date;
  const std::string pub = "2025-03-03"; // a Monday
  CHECK(resolve_relative_date("monday", pub, Anchor::Past) == "2025-03-03");
  CHECK(resolve_relative_date("friday", pub, Anchor::Past) == "2025-02-28");
  CHECK(resolve_relative_date("monday", pub, Anchor::Last) == "2025-02-24");
  CHECK(resolve_relative_date("tuesday", pub, Anchor::Next) == "2025-03-04");
  CHECK(resolve_relative_date("monday", pub, Anchor::Next) == "2025-03-10");
  CHECK(resolve_relative_date("january", pub, Anchor::Nearest) == "2025-01");
  CHECK(resolve_relative_date("may", pub, Anchor::Nearest) == "2025-05");
  CHECK(resolve_relative_date("sept.", pub, Anchor::Nearest) == "2024-09"); // six months: the earlier
  CHECK(resolve_relative_date("december", pub, Anchor::Nearest) == "2024-12");
  CHECK(resolve_relative_date("january", pub, Anchor::Next) == "2026-01");
  CHECK(resolve_relative_date("march", pub, Anchor::Last) == "2024-03");
  // Across a year end and a leap day.
  CHECK(resolve_relative_date("thursday", "2025-01-01", Anchor::Past) == "2024-12-26");
  CHECK(resolve_relative_date("saturday", "2024-02-28T10:05", Anchor::Next) == "2024-03-02");
  CHECK(resolve_relative_date("thursday", "2024-02-28", Anchor::Next) == "2024-02-29");
  // Not a date, or no anchor.
  CHECK_FALSE(resolve_relative_date("monday", "", Anchor::Past));
  CHECK_FALSE(resolve_relative_date("monday", "2025-13-01", Anchor::Past));
  CHECK_FALSE(resolve_relative_date("today", pub, Anchor::Past));
}
