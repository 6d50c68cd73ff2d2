// numbers.cpp — see numbers.hpp. A hand-written scanner: amounts have a
// small closed grammar (currency? number scale? unit?), which a few dozen
// lines state more plainly than a regular expression, and it runs in one
// pass without allocating per character.
#include "numbers.hpp"

#include "text.hpp"
#include "wordset.hpp"

#include <cmath>
#include <cstdio>
#include <iterator>

namespace lede {
namespace {

using View = std::u32string_view;

bool ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool digit(char32_t c) { return c >= '0' && c <= '9'; }
char32_t lower_ascii(char32_t c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

// End of `word` matched case-insensitively at `p` (and not followed by a
// letter or digit), or 0.
size_t match_ci(View t, size_t p, std::string_view word) {
  if (p + word.size() > t.size()) return 0;
  for (size_t i = 0; i < word.size(); ++i)
    if (lower_ascii(t[p + i]) != char32_t(static_cast<unsigned char>(word[i]))) return 0;
  size_t e = p + word.size();
  if (e < t.size() && (is_alnum(t[e]))) return 0;
  return e;
}
// Same, case-sensitive, and the match may be followed by anything.
size_t match_exact(View t, size_t p, std::string_view word) {
  if (p + word.size() > t.size()) return 0;
  for (size_t i = 0; i < word.size(); ++i)
    if (t[p + i] != char32_t(static_cast<unsigned char>(word[i]))) return 0;
  return p + word.size();
}

// Spaces inside a quantity: ordinary and no-break spaces, never a line break.
size_t skip_spaces(View t, size_t p) {
  while (p < t.size() && (t[p] == ' ' || t[p] == 0xA0 || t[p] == 0x202F || t[p] == 0x2009)) ++p;
  return p;
}

// The first characters of a table's words, as 128 bits: a quantity's scale
// or unit is looked for only when the next character starts one of them.
struct FirstChars {
  uint64_t bits[2] = {0, 0};
  bool has(char32_t c) const { return c < 128 && (bits[c >> 6] >> (c & 63) & 1); }
};
template <class T, size_t N> constexpr FirstChars first_chars(const T (&table)[N]) {
  FirstChars f;
  for (const T &x : table) {
    const unsigned char c = static_cast<unsigned char>(x.word[0]);
    f.bits[c >> 6] |= uint64_t(1) << (c & 63);
  }
  return f;
}
struct Prefix { std::string_view word; const char *code; bool is_word; };
// Longest first where one is a prefix of another.
constexpr Prefix kPrefixes[] = {
    {"US$", "USD", false}, {"NZ$", "NZD", false}, {"HK$", "HKD", false},
    {"C$", "CAD", false},  {"A$", "AUD", false},  {"S$", "SGD", false},
    {"$", "USD", false},   {"USD", "USD", true},  {"EUR", "EUR", true},
    {"GBP", "GBP", true},  {"JPY", "JPY", true},  {"CNY", "CNY", true},
    {"INR", "INR", true},  {"CHF", "CHF", true},  {"CAD", "CAD", true},
    {"AUD", "AUD", true},  {"Rs.", "INR", false}, {"Rs", "INR", true},
};

// Currency written before the number: returns the end of the prefix and sets
// `code`, or 0.
size_t match_prefix(View t, size_t p, std::string *code) {
  char32_t c = t[p];
  const char *sym = nullptr;
  switch (c) {
  case U'€': sym = "EUR"; break;
  case U'£': sym = "GBP"; break;
  case U'¥': sym = "JPY"; break;
  case U'₹': sym = "INR"; break;
  case U'₩': sym = "KRW"; break;
  default: break;
  }
  if (sym) { *code = sym; return p + 1; }
  static constexpr FirstChars kFirst = first_chars(kPrefixes);
  if (!kFirst.has(c)) return 0; // digits (the common case), most letters
  for (const Prefix &pr : kPrefixes) {
    size_t e = match_exact(t, p, pr.word);
    if (!e) continue;
    // Codes written as words need a boundary: 'USD 7', 'Rs 20', not 'USDA'.
    if (pr.is_word && e < t.size() && ascii_letter(t[e])) continue;
    *code = pr.code;
    return e;
  }
  return 0;
}

struct Unit { std::string_view word; const char *code; };
// Currency written after the number ('40 million euros'); longest first.
constexpr Unit kUnits[] = {
    {"us dollars", "USD"}, {"u.s. dollars", "USD"}, {"dollars", "USD"}, {"dollar", "USD"},
    {"euros", "EUR"}, {"euro", "EUR"}, {"pounds sterling", "GBP"}, {"pounds", "GBP"},
    {"sterling", "GBP"}, {"yen", "JPY"}, {"yuan", "CNY"}, {"renminbi", "CNY"},
    {"rupees", "INR"}, {"swiss francs", "CHF"}, {"francs", "CHF"},
    {"usd", "USD"}, {"eur", "EUR"}, {"gbp", "GBP"}, {"jpy", "JPY"}, {"cny", "CNY"},
};

struct Scale { std::string_view word; double mult; bool attached_only_with_currency; };
// Scale words and abbreviations; longest first.
constexpr Scale kScales[] = {
    {"thousand", 1e3, false}, {"million", 1e6, false}, {"billion", 1e9, false},
    {"trillion", 1e12, false}, {"crore", 1e7, false}, {"lakh", 1e5, false},
    {"hundred", 1e2, false},  {"bln", 1e9, false},    {"mln", 1e6, false},
    {"trn", 1e12, false},     {"bn", 1e9, false},     {"mn", 1e6, false},
    {"tn", 1e12, false},      {"k", 1e3, true},       {"m", 1e6, true},
    {"b", 1e9, true},         {"t", 1e12, true},
};

constexpr FirstChars kScaleFirst = first_chars(kScales), kUnitFirst = first_chars(kUnits);

struct NumberWord { std::string_view word; int value; };
constexpr NumberWord kNumberWords[] = {
    {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6},
    {"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11},
    {"twelve", 12}, {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16},
    {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20}, {"thirty", 30}, {"forty", 40},
    {"fifty", 50}, {"sixty", 60}, {"seventy", 70}, {"eighty", 80}, {"ninety", 90},
    {"hundred", 100}, {"a", 1},
};

// What a quantity can start with at each ASCII code point: 0 nothing (no
// letter, digit or '$'), 1 a letter that starts neither a currency prefix
// nor a number word (the whole word is then skipped), 2 maybe (the full
// tests below). find_quantities' fast path: most characters are 0 or 1.
struct StartTable {
  uint8_t v[128] = {};
};
constexpr StartTable make_start_table() {
  StartTable s;
  for (int c = 0; c < 128; ++c) {
    if ((c >= '0' && c <= '9') || c == '$') s.v[c] = 2;
    else if ((c | 32) >= 'a' && (c | 32) <= 'z') s.v[c] = 1;
  }
  for (const Prefix &pr : kPrefixes) s.v[static_cast<unsigned char>(pr.word[0])] = 2;
  for (const NumberWord &nw : kNumberWords) {
    const int c = static_cast<unsigned char>(nw.word[0]); // lower case
    s.v[c] = 2;
    s.v[c - 32] = 2;
  }
  return s;
}
constexpr StartTable kStart = make_start_table();

// Digits at `p`: '7', '7,000,000', '7.5', '.5' is not accepted. Sets `v`,
// returns the end or 0. `plain` is set when the number is bare digits.
size_t scan_digits(View t, size_t p, long double *v, bool *plain) {
  size_t i = p;
  long double x = 0;
  while (i < t.size() && digit(t[i])) x = x * 10 + (t[i++] - '0');
  if (i == p) return 0;
  *plain = true;
  // Thousands groups: ',' followed by exactly three digits.
  while (i + 3 < t.size() + 0 && i < t.size() && t[i] == ',' && i + 3 <= t.size() &&
         digit(t[i + 1]) && digit(t[i + 2]) && digit(t[i + 3]) &&
         (i + 4 >= t.size() || !digit(t[i + 4]))) {
    x = x * 1000 + (t[i + 1] - '0') * 100 + (t[i + 2] - '0') * 10 + (t[i + 3] - '0');
    i += 4;
    *plain = false;
  }
  if (i + 1 < t.size() && t[i] == '.' && digit(t[i + 1])) {
    size_t j = i + 1;
    long double f = 0, scale = 1;
    while (j < t.size() && digit(t[j])) { f = f * 10 + (t[j] - '0'); scale *= 10; ++j; }
    // '1.2.3' is a version, not a number.
    if (j + 1 < t.size() && t[j] == '.' && digit(t[j + 1])) return 0;
    x += f / scale;
    i = j;
    *plain = false;
  }
  *v = x;
  return i;
}

double tidy(long double v) {
  long double r = std::round(v);
  if (std::fabs(static_cast<double>(v - r)) <= 1e-9 * std::max<long double>(1, std::fabs(v)))
    return static_cast<double>(r);
  return static_cast<double>(v);
}

// The longest quantity starting exactly at `p`, or nothing.
std::optional<Quantity> scan_at(View t, size_t p, bool bare_words = false) {
  Quantity q;
  q.start = static_cast<uint32_t>(p);
  std::string currency;
  size_t i = p;
  if (size_t e = match_prefix(t, p, &currency)) i = skip_spaces(t, e);

  long double v = 0;
  bool plain = false, from_word = false;
  size_t e = scan_digits(t, i, &v, &plain);
  if (e) {
    // Part of a date, time, range code or identifier: '2025-02-01', '10:30'.
    if (e + 1 < t.size() && (t[e] == ':' || t[e] == '/') && digit(t[e + 1])) return std::nullopt;
    if (e + 1 < t.size() && is_dash(t[e]) && digit(t[e + 1]) && currency.empty()) return std::nullopt;
  } else {
    const char32_t c = i < t.size() ? lower_ascii(t[i]) : 0;
    for (const NumberWord &w : kNumberWords) {
      if (c != char32_t(static_cast<unsigned char>(w.word[0]))) continue;
      if (size_t we = match_ci(t, i, w.word)) { e = we; v = w.value; from_word = true; break; }
    }
    if (!e) return std::nullopt;
  }
  i = e;

  // Scale: '7 billion', '7bn', '$7B'.
  bool scaled = false;
  if (size_t s = skip_spaces(t, i); s < t.size() && kScaleFirst.has(lower_ascii(t[s]))) {
    for (const Scale &sc : kScales) {
      if (sc.attached_only_with_currency && (currency.empty() || s != i)) continue;
      size_t se = match_ci(t, s, sc.word);
      if (!se) continue;
      // A single letter after a bare space is a word ('7 m' is ambiguous).
      if (s != i && sc.word.size() <= 2) continue;
      v *= sc.mult;
      // 'two hundred million': one more scale may follow 'hundred'.
      i = se;
      scaled = true;
      if (sc.mult == 1e2) {
        size_t s2 = skip_spaces(t, i);
        for (const Scale &sc2 : kScales) {
          if (sc2.mult <= 1e2 || sc2.word.size() <= 2) continue;
          if (size_t se2 = match_ci(t, s2, sc2.word)) { v *= sc2.mult; i = se2; break; }
        }
      }
      break;
    }
  }

  // Unit after: currency word or percent.
  bool percent = false;
  {
    size_t s = skip_spaces(t, i);
    if (s < t.size() && (t[s] == '%' || t[s] == U'％')) {
      percent = true;
      i = s + 1;
    } else if (s >= t.size() || (lower_ascii(t[s]) != 'p' && !kUnitFirst.has(lower_ascii(t[s])))) {
      // no percent word ('percent', 'pct' ...) nor currency unit starts here
    } else if (size_t pe = match_ci(t, s, "percentage points")) {
      percent = true; i = pe;
    } else if (size_t pe = match_ci(t, s, "percentage point")) {
      percent = true; i = pe;
    } else if (size_t pe = match_ci(t, s, "percent")) {
      percent = true; i = pe;
    } else if (size_t pe = match_ci(t, s, "per cent")) {
      percent = true; i = pe;
    } else if (size_t pe = match_ci(t, s, "pct")) {
      percent = true; i = pe;
    } else if (s > i || true) {
      for (const Unit &u : kUnits) {
        if (size_t ue = match_ci(t, s, u.word)) {
          if (currency.empty()) currency = u.code;
          i = ue;
          break;
        }
      }
    }
  }
  if (percent && !currency.empty()) return std::nullopt;

  // A number word alone ('one of them', 'a man') is not a quantity.
  // (Unless the caller counts bare number words of two or more.)
  if (from_word && !scaled && !percent && currency.empty() && !(bare_words && v >= 2)) return std::nullopt;
  // Digits glued to letters are identifiers or ordinals: '3D', '4o', '1st'.
  if (i < t.size() && is_letter(t[i])) return std::nullopt;

  q.end = static_cast<uint32_t>(i);
  if (percent) {
    q.kind = QuantityKind::Percent;
    q.value = tidy(v / 100);
  } else if (!currency.empty()) {
    q.kind = QuantityKind::Money;
    q.value = tidy(v);
    q.currency = currency;
  } else {
    q.kind = QuantityKind::Number;
    q.value = tidy(v);
  }
  (void)plain;
  return q;
}

bool can_start(View t, size_t i) {
  char32_t c = t[i];
  if (!(digit(c) || ascii_letter(c) || c == '$' || c == U'€' || c == U'£' || c == U'¥' || c == U'₹' ||
        c == U'₩'))
    return false;
  if (i > 0) {
    char32_t b = t[i - 1];
    // Inside a word or number ('GPT4', 'o1', '12' in '312').
    if (is_alnum(b)) return false;
    // 'GPT-4', 'COVID-19', 'v1.2' and the '5' of '.5'.
    if ((is_dash(b) || b == '.' || b == '_' || b == '/' || b == ':') && i > 1 && is_alnum(t[i - 2]))
      return false;
  }
  return true;
}

// Whether scan_at can succeed at a letter: a currency prefix starts there
// or the word is a number word. A
// cheap exact filter: most words start no quantity.
bool letter_may_start(View t, size_t i) {
  switch (t[i]) { // first letters of the kPrefixes
  case 'U': case 'N': case 'H': case 'C': case 'A': case 'S': case 'E': case 'G': case 'J':
  case 'I': case 'R': {
    // Their second characters: '$', a capital, or the 's' of 'Rs'.
    const char32_t c2 = i + 1 < t.size() ? t[i + 1] : 0;
    std::string code;
    if ((c2 == '$' || (c2 >= 'A' && c2 <= 'Z') || c2 == 's') && match_prefix(t, i, &code)) return true;
    break;
  }
  default: break;
  }
  // First letters of the number words ('one' ... 'hundred', 'a').
  switch (lower_ascii(t[i])) {
  case 'o': case 't': case 'f': case 's': case 'e': case 'n': case 'h': case 'a': break;
  default: return false;
  }
  // Their first two letters (second 0: a one-letter word), as the look-up
  // below lower-cases them: most words fail here ('the' does not).
  static const std::vector<bool> kFirstTwo = [] {
    std::vector<bool> b(128 * 128, false);
    for (const NumberWord &nw : kNumberWords)
      b[static_cast<size_t>(nw.word[0]) * 128 + (nw.word.size() > 1 ? static_cast<size_t>(nw.word[1]) : 0)] = true;
    return b;
  }();
  {
    const char32_t c1 = i + 1 < t.size() && is_alnum(t[i + 1]) ? lower_ascii(t[i + 1]) : 0;
    if (c1 < 0x80 && !kFirstTwo[lower_ascii(t[i]) * 128 + c1]) return false;
  }
  char buf[12];
  size_t n = 0;
  for (size_t j = i; j < t.size() && is_alnum(t[j]); ++j) {
    if (n == sizeof buf) return false;
    buf[n++] = static_cast<char>(lower_ascii(t[j]) < 0x80 ? lower_ascii(t[j]) : 0);
  }
  static const WordSet kWords = [] {
    WordSet set(std::size(kNumberWords));
    for (const NumberWord &nw : kNumberWords) set.insert(nw.word);
    return set;
  }();
  return kWords.has(std::string_view(buf, n));
}

} // namespace

// '1st', '2nd', '3rd', '11th', '22nd', '118th' at i (digits, then the
// suffix that fits them, then no letter or digit): its end, or 0.
size_t ordinal_end(View t, size_t i, double &value) {
  size_t j = i;
  double v = 0;
  while (j < t.size() && digit(t[j]) && j - i < 9) v = v * 10 + static_cast<double>(t[j++] - '0');
  if (j == i || j + 2 > t.size() || (j < t.size() && digit(t[j]))) return 0;
  auto lower = [](char32_t c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; };
  char32_t a = lower(t[j]), b = lower(t[j + 1]);
  int last = t[j - 1] - '0', tens = j - i >= 2 ? t[j - 2] - '0' : 0;
  const char *want = tens == 1 ? "th" : last == 1 ? "st" : last == 2 ? "nd" : last == 3 ? "rd" : "th";
  if (a != static_cast<char32_t>(want[0]) || b != static_cast<char32_t>(want[1])) return 0;
  if (j + 2 < t.size() && is_alnum(t[j + 2])) return 0;
  value = v;
  return j + 2;
}

std::vector<Quantity> find_quantities(std::u32string_view t, bool bare_number_words, bool ordinals) {
  std::vector<Quantity> out;
  size_t i = 0;
  while (i < t.size()) {
    if (const char32_t c = t[i]; c < 0x80 && kStart.v[c] != 2) {
      if (kStart.v[c] == 0) {
        ++i;
        continue;
      }
      while (i < t.size() && is_alnum(t[i])) ++i; // a word no quantity starts in
      continue;
    }
    // Inside a word or number nothing can start: skip to its end.
    if (!can_start(t, i)) {
      if (!is_alnum(t[i])) {
        ++i;
        continue;
      }
      while (i < t.size() && is_alnum(t[i])) ++i;
      continue;
    }
    double v = 0;
    if (size_t e = ordinals && digit(t[i]) ? ordinal_end(t, i, v) : 0) {
      Quantity q;
      q.kind = QuantityKind::Number;
      q.value = v;
      q.start = static_cast<uint32_t>(i);
      q.end = static_cast<uint32_t>(e);
      q.ordinal = true;
      out.push_back(std::move(q));
      i = e;
      continue;
    }
    if (ascii_letter(t[i]) && !letter_may_start(t, i)) {
      while (i < t.size() && is_alnum(t[i])) ++i;
      continue;
    }
    if (auto q = scan_at(t, i, bare_number_words)) {
      out.push_back(std::move(*q));
      i = out.back().end;
      continue;
    }
    // Skip the rest of this word so a failed 'GPT4' is not retried at '4'.
    if (is_alnum(t[i])) {
      while (i < t.size() && is_alnum(t[i])) ++i;
      continue;
    }
    ++i;
  }
  return out;
}

std::optional<Quantity> parse_quantity(std::u32string_view t) {
  size_t b = 0, e = t.size();
  while (b < e && is_space(t[b])) ++b;
  while (e > b && is_space(t[e - 1])) --e;
  if (b == e) return std::nullopt;
  auto q = scan_at(t, b);
  if (!q || q->end != e) return std::nullopt;
  return q;
}

std::optional<Quantity> parse_quantity(std::string_view utf8) {
  std::u32string t = decode_utf8(utf8);
  return parse_quantity(std::u32string_view(t));
}

std::string format_quantity(const Quantity &q) {
  char buf[64];
  double v = q.value;
  if (std::fabs(v) < 1e18 && v == std::floor(v))
    std::snprintf(buf, sizeof buf, "%.0f", v);
  else
    std::snprintf(buf, sizeof buf, "%.12g", v);
  std::string s = buf;
  if (q.kind == QuantityKind::Money) {
    s += ' ';
    s += q.currency;
  }
  return s;
}

bool same_quantity(const Quantity &a, const Quantity &b, double rel_tol) {
  if (a.kind != b.kind || a.currency != b.currency) return false;
  double scale = std::max(std::fabs(a.value), std::fabs(b.value));
  return std::fabs(a.value - b.value) <= rel_tol * std::max(scale, 1e-12);
}

bool is_year_like(const Quantity &q, std::u32string_view text) {
  if (q.kind != QuantityKind::Number || q.end - q.start != 4) return false;
  for (uint32_t i = q.start; i < q.end; ++i)
    if (!digit(text[i])) return false;
  return q.value >= 1900 && q.value <= 2100;
}

} // namespace lede
