// dates.cpp — see dates.hpp. A small scanner over ASCII words and numbers;
// anything else (including non-ASCII) separates them. Each pattern is tried
// at each word start, so finding a date is linear in the line.
#include "dates.hpp"

#include <algorithm>

#include <cctype>
#include <cstdio>
#include <cstring>
#include <vector>

namespace lede {

int month_of(std::string_view w) {
  static const std::string_view full[] = {"january", "february", "march",     "april",   "may",      "june",
                                          "july",    "august",   "september", "october", "november", "december"};
  if (w.size() < 3 || w.size() > 9) return 0;
  for (int m = 0; m < 12; ++m) {
    if (w[0] != full[m][0]) continue;
    if (w == full[m]) return m + 1;
    if (w.size() == 3 && w == full[m].substr(0, 3)) return m + 1;
  }
  if (w == "sept") return 9;
  return 0;
}

namespace {

struct Item {
  enum Kind { Word, Num, Punct } kind;
  size_t begin, end; // byte range in the input
  std::string text;  // lower-cased word, digits, or the punctuation char
  int value = 0;     // numbers
  bool ordinal = false; // 1st 2nd 3rd 4th
};

std::vector<Item> scan(std::string_view s) {
  std::vector<Item> out;
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isalpha(c)) {
      size_t j = i;
      std::string w;
      while (j < n && std::isalpha(static_cast<unsigned char>(s[j])))
        w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(s[j++]))));
      out.push_back({Item::Word, i, j, w});
      i = j;
    } else if (std::isdigit(c)) {
      size_t j = i;
      std::string d;
      while (j < n && std::isdigit(static_cast<unsigned char>(s[j]))) d.push_back(s[j++]);
      Item it{Item::Num, i, j, d};
      it.value = d.size() <= 6 ? std::atoi(d.c_str()) : -1;
      // ordinal suffix directly attached
      if (j + 2 <= n) {
        std::string suf;
        for (size_t k = j; k < j + 2; ++k)
          suf.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(s[k]))));
        if ((suf == "st" || suf == "nd" || suf == "rd" || suf == "th") &&
            (j + 2 == n || !std::isalpha(static_cast<unsigned char>(s[j + 2])))) {
          it.ordinal = true;
          it.end = j + 2;
          j += 2;
        }
      }
      out.push_back(it);
      i = j;
    } else if (c == ' ' || c == '\t' || c >= 0x80) {
      ++i;
    } else {
      out.push_back({Item::Punct, i, i + 1, std::string(1, static_cast<char>(c))});
      ++i;
    }
  }
  return out;
}


bool is_weekday(std::string_view w) {
  static const std::string_view days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                          "mon",    "tue",     "tues",      "wed",      "thu",    "thur",     "thurs",
                                          "fri",    "sat",     "sun"};
  if (w.size() < 3 || w.size() > 9) return false;
  for (auto d : days)
    if (w[0] == d[0] && w == d) return true;
  return false;
}

int days_in(int y, int m) {
  static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return d[m - 1];
}

bool valid(int y, int m, int d) {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= days_in(y, m);
}

std::string iso(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

struct Match {
  std::string iso;
  size_t next = 0; // index of the first item after the match
};

// Optional time after a date: [at|,|-] H:MM [am|pm] [zone]
void take_time(const std::vector<Item> &v, size_t &i, std::string &out) {
  size_t j = i;
  if (j < v.size() && ((v[j].kind == Item::Word && v[j].text == "at") ||
                       (v[j].kind == Item::Punct && (v[j].text == "," || v[j].text == "|" ||
                                                     v[j].text == "-"))))
    ++j;
  if (j + 3 > v.size()) return;
  if (v[j].kind != Item::Num || v[j + 1].text != ":" || v[j + 2].kind != Item::Num) return;
  int h = v[j].value, mi = v[j + 2].value;
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || v[j + 2].text.size() != 2) return;
  size_t k = j + 3;
  if (k < v.size() && v[k].kind == Item::Word && (v[k].text == "am" || v[k].text == "pm")) {
    if (h < 1 || h > 12) return;
    if (v[k].text == "pm" && h != 12) h += 12;
    if (v[k].text == "am" && h == 12) h = 0;
    ++k;
  } else if (k + 2 < v.size() && v[k].kind == Item::Word && v[k].text.size() == 1 &&
             (v[k].text == "a" || v[k].text == "p") && v[k + 1].text == "." &&
             v[k + 2].kind == Item::Word && v[k + 2].text == "m") {
    if (h < 1 || h > 12) return;
    if (v[k].text == "p" && h != 12) h += 12;
    if (v[k].text == "a" && h == 12) h = 0;
    k += 3;
    if (k < v.size() && v[k].text == ".") ++k;
  }
  static const char *zones[] = {"et", "est", "edt", "pt", "pst", "pdt", "ct", "cst", "cdt", "mt",
                                "mst", "mdt", "gmt", "utc", "bst", "cet", "cest", "ist", "jst"};
  if (k < v.size() && v[k].kind == Item::Word)
    for (auto z : zones)
      if (v[k].text == z) {
        ++k;
        break;
      }
  char buf[8];
  std::snprintf(buf, sizeof buf, "T%02d:%02d", h, mi);
  out += buf;
  i = k;
}

bool year_at(const std::vector<Item> &v, size_t i, int &y) {
  if (i >= v.size() || v[i].kind != Item::Num || v[i].text.size() != 4 || v[i].ordinal) return false;
  y = v[i].value;
  return y >= 1900 && y <= 2100;
}

bool day_at(const std::vector<Item> &v, size_t i, int &d) {
  if (i >= v.size() || v[i].kind != Item::Num || v[i].text.size() > 2) return false;
  d = v[i].value;
  return d >= 1 && d <= 31;
}

// Tries every pattern at item i.
bool match_at(const std::vector<Item> &v, size_t i, Match &m, bool allow_month_only) {
  size_t j = i;
  if (j < v.size() && v[j].kind == Item::Word && is_weekday(v[j].text)) {
    ++j;
    if (j < v.size() && v[j].text == ".") ++j;
    if (j < v.size() && v[j].text == ",") ++j;
  }
  if (j >= v.size()) return false;
  int y = 0, mo = 0, d = 0;
  auto skip = [&](size_t &k, const char *p) {
    if (k < v.size() && v[k].kind == Item::Punct && v[k].text == p) ++k;
  };
  // Month D, YYYY
  if (v[j].kind == Item::Word && (mo = month_of(v[j].text)) != 0) {
    size_t k = j + 1;
    skip(k, ".");
    if (day_at(v, k, d)) {
      size_t k2 = k + 1;
      skip(k2, ",");
      if (year_at(v, k2, y) && valid(y, mo, d)) {
        m.iso = iso(y, mo, d);
        m.next = k2 + 1;
        take_time(v, m.next, m.iso);
        return true;
      }
    }
    if (allow_month_only) {
      size_t k2 = k;
      skip(k2, ",");
      if (year_at(v, k2, y)) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d", y, mo);
        m.iso = buf;
        m.next = k2 + 1;
        return true;
      }
    }
    return false;
  }
  if (v[j].kind != Item::Num) return false;
  // D Month YYYY
  if (day_at(v, j, d)) {
    size_t k = j + 1;
    skip(k, "-");
    if (k < v.size() && v[k].kind == Item::Word && (mo = month_of(v[k].text)) != 0) {
      size_t k2 = k + 1;
      skip(k2, ".");
      skip(k2, ",");
      skip(k2, "-");
      if (year_at(v, k2, y) && valid(y, mo, d)) {
        m.iso = iso(y, mo, d);
        m.next = k2 + 1;
        take_time(v, m.next, m.iso);
        return true;
      }
    }
  }
  // YYYY-MM-DD or YYYY/MM/DD, optional THH:MM
  if (year_at(v, j, y) && j + 4 < v.size() &&
      v[j + 1].kind == Item::Punct && (v[j + 1].text == "-" || v[j + 1].text == "/") &&
      v[j + 2].kind == Item::Num && v[j + 3].text == v[j + 1].text && v[j + 4].kind == Item::Num &&
      v[j + 2].text.size() <= 2 && v[j + 4].text.size() <= 2) {
    mo = v[j + 2].value;
    d = v[j + 4].value;
    if (valid(y, mo, d)) {
      m.iso = iso(y, mo, d);
      m.next = j + 5;
      // 2025-02-01T10:05 arrives as Num 01, Word t10? scan splits 'T10' as word t + num
      size_t k = m.next;
      if (k < v.size() && v[k].kind == Item::Word && v[k].text == "t") ++k;
      size_t before = k;
      std::string t;
      take_time(v, k, t);
      if (k != before) {
        m.iso += t;
        m.next = k;
      }
      return true;
    }
  }
  // M/D/YYYY or D/M/YYYY, only when unambiguous
  if (j + 4 < v.size() && v[j + 1].text == "/" && v[j + 2].kind == Item::Num &&
      v[j + 3].text == "/" && year_at(v, j + 4, y) && v[j].text.size() <= 2 &&
      v[j + 2].text.size() <= 2) {
    int a = v[j].value, b = v[j + 2].value;
    if (a == b) {
      mo = d = a;
    } else if (a > 12 && b <= 12) {
      d = a;
      mo = b;
    } else if (b > 12 && a <= 12) {
      mo = a;
      d = b;
    } else {
      return false;
    }
    if (valid(y, mo, d)) {
      m.iso = iso(y, mo, d);
      m.next = j + 5;
      take_time(v, m.next, m.iso);
      return true;
    }
  }
  return false;
}

} // namespace

std::optional<std::string> parse_date(std::string_view s) {
  auto v = scan(s);
  if (v.empty()) return std::nullopt;
  Match m;
  if (!match_at(v, 0, m, true)) return std::nullopt;
  // Allow trailing punctuation only.
  for (size_t k = m.next; k < v.size(); ++k)
    if (v[k].kind != Item::Punct) return std::nullopt;
  return m.iso;
}

namespace {
// A year: four ASCII digits, 1900-2100, as a whole digit run.
template <class Char> bool has_year_run(std::basic_string_view<Char> s) {
  auto digit = [](Char c) { return c >= '0' && c <= '9'; };
  for (size_t i = 0; i < s.size();) {
    i = static_cast<size_t>(std::find_if(s.begin() + i, s.end(), digit) - s.begin());
    if (i == s.size()) break;
    size_t j = i;
    int v = 0;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') v = v * 10 + (j - i < 6 ? s[j] - '0' : 0), ++j;
    if (j - i == 4 && v >= 1900 && v <= 2100) return true;
    i = j;
  }
  return false;
}
} // namespace

bool may_hold_date(std::string_view s) { return has_year_run(s); }
bool may_hold_date(std::u32string_view s) { return has_year_run(s); }

namespace {
// Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil).
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
void civil_from_days(long z, int &y, int &m, int &d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe + era * 400 + (m <= 2));
}
// 0 Monday .. 6 Sunday, or -1.
int weekday_of(std::string_view w) {
  static const std::string_view days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (int k = 0; k < 7; ++k)
    if (w == days[k] || (w.size() >= 3 && w.size() < days[k].size() && days[k].substr(0, w.size()) == w))
      return k;
  return -1;
}
} // namespace

std::optional<std::string> resolve_relative_date(std::string_view word, std::string_view published, Anchor when) {
  if (published.size() < 10) return std::nullopt;
  auto num = [&](size_t at, size_t len) {
    int v = 0;
    for (size_t k = at; k < at + len; ++k) {
      if (published[k] < '0' || published[k] > '9') return -1;
      v = v * 10 + (published[k] - '0');
    }
    return v;
  };
  const int y = num(0, 4), m = num(5, 2), d = num(8, 2);
  if (published[4] != '-' || published[7] != '-' || !valid(y, m, d)) return std::nullopt;
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (int month = month_of(word)) {
    int year = y;
    if (when == Anchor::Next) year += month <= m ? 1 : 0;
    else if (when == Anchor::Last) year -= month >= m ? 1 : 0;
    else if (when == Anchor::Past) year -= month > m ? 1 : 0;
    else if (month - m >= 6) year -= 1; // Nearest: at most six months away, earlier on a tie
    else if (m - month > 6) year += 1;
    if (year < 1900 || year > 2100) return std::nullopt;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    return std::string(buf);
  }
  const int wd = weekday_of(word);
  if (wd < 0) return std::nullopt;
  const long today = days_from_civil(y, m, d);
  const int today_wd = static_cast<int>(((today % 7) + 7 + 3) % 7); // 1970-01-01 was a Thursday (3)
  long day = today;
  if (when == Anchor::Nearest) {
    const int back = (today_wd - wd + 7) % 7, ahead = (wd - today_wd + 7) % 7;
    when = ahead < back ? Anchor::Next : Anchor::Past;
  }
  if (when == Anchor::Next) day += (wd - today_wd + 7) % 7 == 0 ? 7 : (wd - today_wd + 7) % 7;
  else if (when == Anchor::Last) day -= (today_wd - wd + 7) % 7 == 0 ? 7 : (today_wd - wd + 7) % 7;
  else day -= (today_wd - wd + 7) % 7;
  int yy = 0, mm = 0, dd = 0;
  civil_from_days(day, yy, mm, dd);
  if (!valid(yy, mm, dd)) return std::nullopt;
  return iso(yy, mm, dd);
}

std::optional<std::string> find_date(std::string_view s, size_t *begin, size_t *end) {
  // Every pattern match_at accepts holds a year (year_at).
  if (!may_hold_date(s)) return std::nullopt;
  auto v = scan(s);
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i].kind == Item::Punct) continue;
    Match m;
    if (match_at(v, i, m, false)) {
      if (begin) *begin = v[i].begin;
      if (end) *end = v[m.next - 1].end;
      return m.iso;
    }
  }
  return std::nullopt;
}

} // namespace lede
