// article.cpp — plain-text news page -> Article (see article.hpp).
//
// The page is read as lines. Each line is classified once:
//   furniture   prompts and buttons (ext/data/furniture.txt), dropped;
//   tail        a 'Recent News' / 'Related' heading: it and all after it go;
//   date line   a short line that is mostly a date ('Today : Feb 01, 2025',
//               'Published on …', 'Updated: …'), dropped, feeds `published`;
//   byline      'By …', 'Written by …' (possibly empty), dropped, feeds
//               `byline`;
//   section     a label line ('Technology', 'Section: Politics',
//               'Home > Tech'), dropped in the page header, feeds `section`;
//   title       the first headline-like line of the header;
//   text        everything else: the story, kept in order.
// The header is the run of lines before the first real paragraph (a line
// of 15+ words with sentence punctuation); date, byline and section lines
// are only taken there, except lines with an explicit label ('Published
// on', 'Written by', 'Section:'), which are taken anywhere. A trailing run
// of short dated lines (a related-headlines list without a heading) is
// dropped too.
#include "article.hpp"

#include "dates.hpp"
#include "document.hpp"
#include "names.hpp"
#include "resources.hpp"
#include "text.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace lede {
namespace {

// ---- small string helpers (UTF-8 in, UTF-8 out) ----------------------------

bool is_closing_mark(char32_t c) {
  return c == '"' || c == '\'' || is_close_quote_mark(c) || c == ')' || c == ']';
}

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return std::string(s.substr(b, e - b));
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// ASCII letters lower-cased, other bytes kept (same length as `s`).
std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char &c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Lower case, punctuation folded, with surrounding bullets and trailing
// ':' '.' '!' '>' '|' '»' trimmed: the key furniture is matched on.
std::string match_key(const std::string &line) {
  std::u32string cps = decode_utf8(line);
  std::u32string out;
  for (char32_t c : cps) out.push_back(to_lower(fold_punct(c)));
  size_t b = 0, e = out.size();
  auto junk_front = [](char32_t c) {
    return c == ' ' || c == '-' || c == '*' || c == 0x2022 || c == 0x00B7 || c == '>' ||
           c == 0x25AA || c == 0x25BA || c == '#' || c == '|';
  };
  auto junk_back = [](char32_t c) {
    return c == ' ' || c == ':' || c == '.' || c == '!' || c == '>' || c == '|' || c == 0x00BB ||
           c == 0x203A || c == 0x2192 || c == '-';
  };
  while (b < e && junk_front(out[b])) ++b;
  while (e > b && junk_back(out[e - 1])) --e;
  // collapse inner runs of spaces
  std::u32string col;
  for (size_t i = b; i < e; ++i) {
    if (out[i] == ' ' && !col.empty() && col.back() == ' ') continue;
    col.push_back(out[i]);
  }
  return encode_utf8(col);
}

size_t word_count(const std::string &s) {
  size_t n = 0;
  bool in = false;
  for (unsigned char c : s) {
    bool w = c != ' ' && c != '\t';
    if (w && !in) ++n;
    in = w;
  }
  return n;
}

// ---- furniture ---------------------------------------------------------------

struct FurniturePatterns {
  std::vector<std::string> exact, prefix, contains, tail, soft_tail, credit;
};

const FurniturePatterns &furniture() {
  static const FurniturePatterns p = [] {
    FurniturePatterns f;
    for (auto line : resource_lines("furniture.txt")) {
      if (line.size() < 3 || line[1] != ' ') continue;
      std::string text(line.substr(2));
      switch (line[0]) {
      case '=': f.exact.push_back(text); break;
      case '^': f.prefix.push_back(text); break;
      case '~': f.contains.push_back(text); break;
      case '$': f.tail.push_back(text); break;
      case '?': f.soft_tail.push_back(text); break;
      case '@': f.credit.push_back(text); break;
      default: break;
      }
    }
    return f;
  }();
  return p;
}

bool is_furniture(const std::string &key, size_t words) {
  if (words > 25) return false;
  const auto &f = furniture();
  for (auto &e : f.exact)
    if (key == e) return true;
  for (auto &e : f.prefix)
    if (starts_with(key, e)) return true;
  if (words <= 14)
    for (auto &e : f.contains)
      if (key.find(e) != std::string::npos) return true;
  if (words <= 8)
    for (auto &e : f.credit) {
      if (!ends_with(key, e)) continue;
      std::string_view before(key.data(), key.size() - e.size());
      while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
      if (before.empty() || before.back() == '/' || ends_with(before, " via") || before == "via") return true;
    }
  return false;
}

// 'Updated 3 hours ago', '45 mins ago', 'Published 2 days ago': a page's
// relative time stamp, which gives no date.
bool relative_time_line(const std::string &key, size_t words) {
  if (words < 3 || words > 6 || key.size() < 7 || key.compare(key.size() - 4, 4, " ago") != 0) return false;
  static const std::unordered_set<std::string_view> kUnits = {
      "sec",  "secs", "second", "seconds", "min",  "mins",  "minute", "minutes", "hr",
      "hrs",  "hour", "hours",  "day",     "days", "week",  "weeks",  "month",   "months"};
  static const std::unordered_set<std::string_view> kLabels = {"updated", "published", "posted", "last",
                                                                "modified", "edited"};
  std::vector<std::string_view> w;
  std::string_view k(key);
  for (size_t i = 0; i < k.size();) {
    size_t j = k.find(' ', i);
    if (j == std::string_view::npos) j = k.size();
    if (j > i) w.push_back(k.substr(i, j - i));
    i = j + 1;
  }
  if (w.size() < 3) return false;
  const std::string_view num = w[w.size() - 3], unit = w[w.size() - 2];
  const bool count = num == "a" || num == "an" ||
                     std::all_of(num.begin(), num.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!count || !kUnits.count(unit)) return false;
  for (size_t i = 0; i + 3 < w.size(); ++i) {
    std::string_view x = w[i];
    if (!x.empty() && x.back() == ':') x.remove_suffix(1);
    if (!kLabels.count(x)) return false;
  }
  return true;
}

bool is_tail_heading(std::string key, size_t words) {
  if (words > 6) return false;
  // 'Comments (12)': the count says nothing.
  if (key.size() > 3 && key.back() == ')') {
    size_t open = key.rfind('(');
    if (open != std::string::npos && open > 0 &&
        std::all_of(key.begin() + static_cast<std::ptrdiff_t>(open) + 1, key.end() - 1,
                    [](char c) { return c >= '0' && c <= '9'; }))
      key = trim(key.substr(0, open));
  }
  for (auto &e : furniture().tail) {
    if (key == e) return true;
    // 'More from Tech', 'More in Business', 'Related: AI'
    if (starts_with(key, e) && key.size() > e.size() && key[e.size()] == ' ' &&
        (e == "more from" || e == "more in" || e == "more on" || e == "latest" || e == "related"))
      return true;
  }
  return false;
}

// ---- metadata lines ----------------------------------------------------------

enum class DateRole { None, Published, Updated, Banner, Plain };

// A line that is mostly a date. `iso` receives the date.
DateRole date_line(const std::string &line, const std::string &key, size_t words, std::string &iso) {
  if (words > 14) return DateRole::None;
  size_t b = 0, e = 0;
  auto d = find_date(line, &b, &e);
  if (!d) return DateRole::None;
  // What is left besides the date must be a few label words.
  std::string rest = trim(line.substr(0, b)) + " " + trim(line.substr(e));
  size_t rest_words = word_count(trim(rest));
  iso = *d;
  if (starts_with(key, "updated") || starts_with(key, "last updated") ||
      starts_with(key, "modified") || key.find("updated on") != std::string::npos)
    return rest_words <= 6 ? DateRole::Updated : DateRole::None;
  if (starts_with(key, "published") || starts_with(key, "posted") || starts_with(key, "date") ||
      starts_with(key, "first published"))
    return rest_words <= 8 ? DateRole::Published : DateRole::None;
  if (starts_with(key, "today"))
    return rest_words <= 3 ? DateRole::Banner : DateRole::None;
  return rest_words <= 2 ? DateRole::Plain : DateRole::None;
}

const std::unordered_set<std::string_view> &role_words() { return resource_set("byline_roles.txt"); }

// Title-cases an ALL-CAPS word; leaves other words alone.
// One byline segment -> a person name, or empty when it is a role/outlet.
std::string person_from_segment(const std::string &seg) {
  std::string s = trim(seg);
  std::vector<std::string> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) words.push_back(s.substr(i, j - i));
    i = j;
  }
  if (words.empty() || words.size() > 5) return {};
  std::string out;
  for (auto &w : words) {
    std::string lw = ascii_lower(w);
    while (!lw.empty() && (lw.back() == '.' || lw.back() == ',')) lw.pop_back();
    if (role_words().count(lw)) return {};
    if (lw == "the") return {};
    for (unsigned char c : w)
      if (std::isdigit(c) || c == '@' || c == '/' || c == ':') return {};
    unsigned char c0 = static_cast<unsigned char>(w[0]);
    bool particle = lw == "de" || lw == "van" || lw == "von" || lw == "da" || lw == "del" ||
                    lw == "der" || lw == "la" || lw == "le" || lw == "bin" || lw == "al" ||
                    lw == "di" || lw == "dos" || lw == "du";
    if (!(std::isupper(c0) || c0 >= 0x80 || particle)) return {};
    if (!out.empty()) out += ' ';
    out += title_case_caps(w);
  }
  return out;
}

// Names from the text after 'By' / 'Written by'. Separators: ',', ' and ',
// '&', '|', ';', ' - ', '·', '•'. Dates, roles and '5 min read' are dropped.
std::string names_from_byline(std::string rest) {
  size_t db = 0, de = 0;
  if (find_date(rest, &db, &de)) rest = rest.substr(0, db) + " | " + rest.substr(de);
  std::vector<std::string> segs;
  std::string cur;
  auto flush = [&] {
    std::string t = trim(cur);
    if (!t.empty()) segs.push_back(t);
    cur.clear();
  };
  for (size_t i = 0; i < rest.size(); ++i) {
    char c = rest[i];
    if (c == ',' || c == '&' || c == '|' || c == ';' || c == '(' || c == ')') {
      flush();
      continue;
    }
    if (rest.compare(i, 5, " and ") == 0 || rest.compare(i, 5, " AND ") == 0) {
      flush();
      i += 4;
      continue;
    }
    if (rest.compare(i, 3, " - ") == 0 || rest.compare(i, 5, " \xE2\x80\x94 ") == 0 ||
        rest.compare(i, 5, " \xE2\x80\x93 ") == 0) {
      flush();
      i += rest[i + 1] == '-' ? 2 : 4;
      continue;
    }
    if (rest.compare(i, 2, "\xC2\xB7") == 0 || rest.compare(i, 3, "\xE2\x80\xA2") == 0) { // '·', '•'
      flush();
      i += rest[i] == '\xC2' ? 1 : 2;
      continue;
    }
    cur.push_back(c);
  }
  flush();
  std::vector<std::string> names;
  for (auto &s : segs) {
    std::string p = person_from_segment(s);
    if (!p.empty() && std::find(names.begin(), names.end(), p) == names.end()) names.push_back(p);
  }
  std::string out;
  for (auto &n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

// 'REUTERS STAFF', 'Staff Reporter': at most four capitalised words, one
// of them a role word of byline_roles.txt.
bool staff_byline(const std::string &rest) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : rest + " ") {
    if (c == ' ' || c == ',') {
      if (!cur.empty()) words.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (words.empty() || words.size() > 4) return false;
  bool role = false;
  for (const std::string &w : words) {
    if (!std::isupper(static_cast<unsigned char>(w[0]))) return false;
    role |= role_words().count(ascii_lower(w)) != 0;
  }
  return role;
}

// 'Senior Reporter', 'Technology Correspondent': a short capitalised line
// with a role word of byline_roles.txt and no digit.
bool role_line(const std::string &line) {
  std::string t = trim(line);
  if (t.empty() || !std::isupper(static_cast<unsigned char>(t[0]))) return false;
  bool role = false;
  std::string cur;
  for (char c : t + " ") {
    if (std::isdigit(static_cast<unsigned char>(c))) return false;
    if (c == ' ' || c == ',') {
      role |= role_words().count(cur) != 0;
      cur.clear();
    } else {
      cur.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  return role;
}

// 'By …', 'Written by …', 'Words by', 'Author: …', 'Reporting by …'.
// Returns true when the line is a byline; `names` may come back empty.
bool byline_line(const std::string &line, const std::string &key, size_t words, std::string &names,
                 bool &empty_label) {
  static const char *labels[] = {"written by", "words by", "story by", "reporting by",
                                 "reported by", "author:", "authors:", "by:", "posted by",
                                 "by"};
  if (words > 20) return false;
  for (auto l : labels) {
    std::string lab = l;
    if (!starts_with(key, lab)) continue;
    if (key.size() > lab.size() && std::isalpha(static_cast<unsigned char>(key[lab.size()])))
      continue; // 'Byron …'
    if (lab == "by" && words < 2) continue; // a lone 'By' is handled as an empty label below
    // cut the label off the original line (same byte length after trim of bullets?)
    std::string t = trim(line);
    size_t pos = 0;
    // find label case-insensitively in the original
    const std::string low = ascii_lower(t);
    pos = low.find(lab.substr(0, lab.size()));
    std::string rest = pos == std::string::npos ? t : t.substr(pos + lab.size());
    if (!rest.empty() && rest[0] == ':') rest = rest.substr(1);
    names = names_from_byline(rest);
    // A byline whose names are all role words is still a byline line.
    empty_label = trim(rest).empty();
    if (lab == "by" && names.empty()) {
      // 'By the numbers' or a sentence: not a byline; 'By REUTERS STAFF',
      // 'By Staff Reporter' (capitalised words with a role word) is one,
      // naming no person.
      return staff_byline(rest);
    }
    return true;
  }
  if (key == "written by" || key == "by" || key == "author" || key == "words by") {
    names.clear();
    empty_label = true;
    return true;
  }
  return false;
}

const std::unordered_set<std::string_view> &section_words() { return resource_set("sections.txt"); }

// 'Technology', 'Section: Politics', 'Business | Markets', 'Home > Tech > AI'.
// Returns the section label (as written) or empty.
std::string section_line(const std::string &line, const std::string &key, size_t words, bool header) {
  static const char *labels[] = {"section:", "category:", "categories:", "filed under:",
                                 "published in:", "posted in:", "in:"};
  for (auto l : labels) {
    if (starts_with(key, l) && words <= 6) {
      std::string t = trim(line);
      size_t colon = t.find(':');
      std::string v = trim(t.substr(colon + 1));
      size_t cut = v.find_first_of("|,>/");
      if (cut != std::string::npos) v = trim(v.substr(0, cut));
      return v;
    }
  }
  if (!header || words > 6) return {};
  // split into parts on | > / » and check each is a known section word
  std::vector<std::string> parts;
  std::string cur;
  std::u32string cps = decode_utf8(line);
  for (char32_t c : cps) {
    if (c == '|' || c == '>' || c == '/' || c == 0x00BB || c == 0x203A || c == 0x2192 || c == 0x2022) {
      parts.push_back(trim(cur));
      cur.clear();
    } else {
      append_utf8(cur, c);
    }
  }
  parts.push_back(trim(cur));
  bool any = false;
  for (auto &p : parts) {
    if (p.empty()) continue;
    std::string k = match_key(p);
    if (k == "home") continue;
    if (!section_words().count(k)) return {};
    any = true;
  }
  if (!any) return {};
  // The label as written ('Business | Markets'), without a 'Home >' crumb.
  std::string t = trim(line);
  if (match_key(parts.front()) == "home") {
    size_t cut = t.find_first_of("|>/");
    if (cut == std::string::npos) cut = t.find("\xC2\xBB");
    t = cut == std::string::npos ? t : trim(t.substr(cut + 1));
  }
  return t;
}

// ---- headline -----------------------------------------------------------------

bool ends_sentence_punct(const std::string &line) {
  // Only the end matters: decode at most the last 32 bytes (from a lead byte).
  size_t from = line.size() > 32 ? line.size() - 32 : 0;
  while (from > 0 && (static_cast<unsigned char>(line[from]) & 0xC0) == 0x80) --from;
  std::u32string c = decode_utf8(std::string_view(line).substr(from));
  while (!c.empty() && (is_closing_mark(c.back()))) c.pop_back();
  if (c.empty()) return false;
  char32_t l = c.back();
  return l == '.' || l == '!' || l == '?' || l == 0x2026;
}


// A headline: one sentence at most, at most 30 words, and not a plain
// body sentence (sentence case ending in a period).
bool headline_like(const std::string &line) {
  size_t words = word_count(line);
  if (words == 0 || words > 30 || line.size() > 300) return false;
  std::u32string c = decode_utf8(line);
  // More than one sentence -> body text (the splitter knows 'St.', 'U.S.').
  if (make_document(c).sentences.size() > 1) return false;
  if (!ends_sentence_punct(line)) return true;
  // Ends like a sentence: a headline only when title-cased.
  size_t caps = 0, lower = 0;
  bool first = true;
  size_t i = 0;
  while (i < c.size()) {
    while (i < c.size() && !is_letter(c[i])) ++i;
    if (i >= c.size()) break;
    size_t j = i;
    while (j < c.size() && !is_space(c[j])) ++j;
    size_t len = j - i;
    if (!first && len > 3) {
      if (is_upper(c[i])) ++caps;
      else ++lower;
    }
    first = false;
    i = j;
  }
  return caps + lower > 0 && caps * 10 >= (caps + lower) * 6;
}

// A short sentence-case line ending in a period is still a headline when
// it stands alone and the story that follows is longer: body text that
// opens a page without a headline is a lede paragraph, long by craft.
bool short_headline(const std::string &line, size_t words, size_t next_words) {
  return words >= 3 && words <= 16 && next_words > words && ends_sentence_punct(line);
}

bool real_paragraph(const std::string &line, size_t words) {
  return words >= 15 && (ends_sentence_punct(line) || line.find(". ") != std::string::npos);
}

bool bullet_line(const std::string &t) {
  if (t.empty()) return false;
  std::u32string c = decode_utf8(t.substr(0, 8));
  if (c.empty()) return false;
  char32_t f = c[0];
  if ((f == '-' || f == '*' || f == 0x2022 || f == 0x00B7 || f == 0x25AA || f == 0x2013 ||
       f == 0x25CF || f == 0x25E6) &&
      c.size() > 1 && c[1] == ' ')
    return true;
  size_t k = 0;
  while (k < c.size() && is_digit(c[k])) ++k;
  return k > 0 && k + 1 < c.size() && (c[k] == '.' || c[k] == ')') && c[k + 1] == ' ';
}

} // namespace

int64_t count_words_utf8(std::string_view s) {
  int64_t n = 0;
  bool in = false;
  size_t i = 0;
  char32_t prev_joiner = 0;
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    char32_t c = b < 0x80 ? (++i, b) : next_code_point(s, i);
    bool alnum = is_alnum(c); // inline ASCII test first
    if (alnum) {
      if (!in) ++n;
      in = true;
      prev_joiner = 0;
    } else if (in && !prev_joiner && (c == '\'' || c == 0x2019 || c == '-' || c == '.' || c == ',')) {
      prev_joiner = c; // stays inside the word only if a letter or digit follows
    } else {
      in = false;
      prev_joiner = 0;
    }
  }
  return n;
}

int64_t count_words(std::u32string_view t) {
  int64_t n = 0;
  bool in = false;
  for (size_t i = 0; i < t.size(); ++i) {
    char32_t c = t[i];
    bool w = is_alnum(c) || (in && (c == '\'' || c == 0x2019 || c == '-' || c == '.' || c == ',') &&
                             i + 1 < t.size() && is_alnum(t[i + 1]));
    if (w && !in) ++n;
    in = w;
  }
  return n;
}

Article parse_article(std::string_view text) {
  Article a;
  // Lines, with CR/LF and Unicode separators folded to '\n', tabs and odd
  // spaces to ' ', and NFC applied once to the whole page.
  // `text` is valid UTF-8 (the contract above), so the quick check can
  // run directly; normalize() would validate it a second time.
  std::string nfc = nfc_quick_check(text) ? std::string(text) : normalize(text, NormForm::NFC);
  std::vector<std::string> lines;
  {
    std::string cur;
    std::string_view t = nfc;
    size_t i = 0, n = t.size();
    while (i < n) {
      unsigned char b = static_cast<unsigned char>(t[i]);
      if (b >= 0x20 && b < 0x7F) { // ASCII fast path
        cur.push_back(static_cast<char>(b));
        ++i;
        continue;
      }
      size_t at = i;
      char32_t c = next_code_point(t, i);
      if (c == '\r' && i < n && t[i] == '\n') continue;
      if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x85 || c == 0x0C || c == 0x0B) {
        lines.push_back(trim(cur));
        cur.clear();
        continue;
      }
      if (c == '\t' || c == 0xA0 || c == 0x2007 || c == 0x202F || c == 0x3000 || (c >= 0x2000 && c <= 0x200A)) {
        cur.push_back(' ');
        continue;
      }
      if (c == 0xFEFF || c == 0x200B) continue;          // BOM, zero-width space
      if (c < 0x20 || (c >= 0x7F && c < 0xA0)) continue; // other control characters
      cur.append(t.substr(at, i - at));
    }
    lines.push_back(trim(cur));
  }

  enum Kind { Blank, Furniture, Tail, Date, Byline, Section, Title, Text };
  const size_t n = lines.size();
  std::vector<Kind> kind(n, Text);
  std::vector<std::string> keys(n);
  std::vector<size_t> nwords(n);
  size_t first_para = n;
  for (size_t i = 0; i < n; ++i) {
    nwords[i] = word_count(lines[i]);
    // Only short lines can be furniture, labels or dates.
    if (nwords[i] <= 25 && lines[i].size() <= 400) keys[i] = match_key(lines[i]);
    if (lines[i].empty()) kind[i] = Blank;
  }
  // The story begins at the first real paragraph; the first line of the
  // page is never it when it reads as a headline (long headlines exist).
  size_t first_line = n;
  for (size_t i = 0; i < n; ++i)
    if (kind[i] != Blank) {
      first_line = i;
      break;
    }
  for (size_t i = 0; i < n; ++i) {
    if (kind[i] == Blank || !real_paragraph(lines[i], nwords[i])) continue;
    if (i == first_line && headline_like(lines[i])) continue;
    first_para = i;
    break;
  }

  std::string published, updated, banner, plain;
  std::string byline;
  bool story_started = false;
  size_t role_at = n; // the role line under a bare byline name
  for (size_t i = 0; i < n; ++i) {
    if (kind[i] == Blank || i == role_at) continue;
    const std::string &line = lines[i];
    const std::string &key = keys[i];
    size_t w = nwords[i];
    bool header = i < first_para;
    // 'Read more:' over a list of headlines ends the story too; over a
    // paragraph it is only a link label (furniture below).
    bool soft_tail = false;
    if (story_started && w <= 4)
      for (auto &e : furniture().soft_tail) soft_tail |= key == e;
    if (soft_tail) {
      bool any = false;
      for (size_t j = i + 1; j < n && soft_tail; ++j) {
        if (kind[j] == Blank) continue;
        any = true;
        soft_tail = headline_like(lines[j]);
      }
      soft_tail &= any;
    }
    if (story_started && (soft_tail || is_tail_heading(key, w))) {
      for (size_t j = i; j < n; ++j)
        if (kind[j] != Blank) kind[j] = Tail;
      break;
    }
    std::string names;
    bool empty_label = false;
    // A byline that names the people and the date: 'By Jane Roe, Feb 1, 2025'.
    auto take_byline = [&] {
      if (byline.empty()) byline = names;
      size_t db = 0, de = 0;
      if (auto d = find_date(line, &db, &de); d && published.empty()) published = *d;
    };
    if (is_furniture(key, w) || relative_time_line(key, w)) {
      kind[i] = Furniture;
      // 'By A and B | March 3, 2025 | 5 min read' is furniture by its
      // reading time, but its names and date are the article's.
      if (header && byline_line(line, key, w, names, empty_label)) take_byline();
      continue;
    }
    std::string iso;
    DateRole dr = date_line(line, key, w, iso);
    bool labelled_date = dr == DateRole::Published || dr == DateRole::Updated;
    if (dr != DateRole::None && (header || labelled_date)) {
      kind[i] = Date;
      std::string *slot = dr == DateRole::Published ? &published
                          : dr == DateRole::Updated ? &updated
                          : dr == DateRole::Banner  ? &banner
                                                    : &plain;
      if (slot->empty()) *slot = iso;
      // 'By Jane Roe | Feb 1, 2025': the byline part
      if (byline.empty() && byline_line(line, key, w, names, empty_label)) byline = names;
      // 'Published on Feb 20, 2025 by Owen Pryce': the names after 'by'
      if (byline.empty() && w <= 14) {
        const std::string t = trim(line);
        const size_t by = ascii_lower(t).rfind(" by ");
        if (by != std::string::npos) byline = names_from_byline(t.substr(by + 4));
      }
      continue;
    }
    if ((header || starts_with(key, "written by") || starts_with(key, "by ")) && w <= 12 &&
        byline_line(line, key, w, names, empty_label)) {
      kind[i] = Byline;
      take_byline();
      continue;
    }
    // 'Jane Roe' over 'Senior Reporter' under the headline: a byline
    // without 'By' (the name alone, then a role of byline_roles.txt).
    if (header && a.title && byline.empty() && w >= 2 && w <= 4) {
      size_t nx = i + 1;
      while (nx < n && kind[nx] == Blank) ++nx;
      std::string who = nx < first_para ? person_from_segment(line) : std::string();
      if (!who.empty() && nwords[nx] <= 5 && role_line(lines[nx])) {
        byline = who;
        kind[i] = Byline;
        kind[nx] = Furniture;
        role_at = nx;
        continue;
      }
    }
    std::string sec = section_line(line, key, w, header);
    if (!sec.empty() && (header || starts_with(key, "section") || starts_with(key, "category"))) {
      kind[i] = Section;
      if (!a.section) a.section = sec;
      continue;
    }
    size_t next_words = first_para < n && first_para > i ? nwords[first_para] : 0;
    for (size_t j = i + 1; j < n && next_words == 0; ++j)
      if (kind[j] != Blank) next_words = nwords[j];
    bool alone = i + 1 >= n || kind[i + 1] == Blank || first_para == i + 1 || next_words == 0 ||
                 !real_paragraph(line, w);
    if (header && !a.title && i < first_para + 1 && alone && !bullet_line(line) &&
        (headline_like(line) || short_headline(line, w, next_words))) {
      kind[i] = Title;
      a.title = line;
      // A headline broken over two lines ('Lawmaker urges retaliation on
      // Russia;' / 'Member of House panel says ...') continues when its
      // first line ends with ';' ',' ':' or a dash.
      std::u32string t = decode_utf8(line);
      char32_t last = t.empty() ? 0 : t.back();
      if ((last == ';' || last == ',' || last == ':' || is_dash(last)) && i + 1 < n &&
          kind[i + 1] == Text && nwords[i + 1] <= 30) {
        a.title = line + " " + lines[i + 1];
        kind[++i] = Title;
      }
      continue;
    }
    story_started = true;
  }
  // A trailing list of short dated lines (related headlines with dates)
  // without a heading.
  {
    size_t j = n;
    size_t dated = 0;
    while (j > 0) {
      size_t k = j - 1;
      if (kind[k] == Blank || kind[k] == Tail || kind[k] == Furniture) {
        j = k;
        continue;
      }
      if (kind[k] != Text || nwords[k] > 20 || ends_sentence_punct(lines[k])) break;
      if (!find_date(lines[k])) break;
      ++dated;
      j = k;
    }
    if (dated >= 2)
      for (size_t k = j; k < n; ++k)
        if (kind[k] == Text) kind[k] = Tail;
  }

  if (!published.empty()) a.published = published;
  else if (!plain.empty()) a.published = plain;
  else if (!banner.empty()) a.published = banner;
  else if (!updated.empty()) a.published = updated;
  if (!byline.empty()) a.byline = byline;

  // Body: kept lines; consecutive lines form a paragraph when the later
  // continues the earlier (wrapped text) or they are list items together.
  std::string body;
  bool prev_text = false;     // previous non-blank line was kept text
  bool blank_between = false; // a blank or dropped line came since
  std::string prev_line;
  for (size_t i = 0; i < n; ++i) {
    if (kind[i] != Text) {
      if (kind[i] == Blank || prev_text) blank_between = true;
      continue;
    }
    const std::string &line = lines[i];
    if (!body.empty()) {
      bool wrapped = !blank_between && prev_text && !ends_sentence_punct(prev_line) &&
                     !bullet_line(line) && !line.empty() &&
                     std::islower(static_cast<unsigned char>(line[0]));
      bool list = !blank_between && prev_text && bullet_line(line) &&
                  (bullet_line(prev_line) || prev_line.back() == ':');
      body += wrapped ? " " : list ? "\n" : "\n\n";
    }
    body += line;
    prev_text = true;
    blank_between = false;
    prev_line = line;
  }
  a.body = std::move(body);
  a.words = count_words_utf8(a.body);
  return a;
}

} // namespace lede
