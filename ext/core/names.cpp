// names.cpp — see names.hpp.
//
// Name words are compared in fold_for_match form (case, curly apostrophes,
// width folded). NameIndex keeps, per folded word, the entries holding it,
// so `canonical` looks at a bounded number of candidates and a document
// with thousands of names stays linear.
#include "names.hpp"

#include "ner.hpp"

#include "resources.hpp"

#include "text.hpp"
#include "wordset.hpp"

#include <algorithm>
#include <map>

namespace lede {
namespace {

// The gazetteer's classes of a folded word (ner.hpp).
uint32_t word_classes(std::string_view folded) {
  const std::u32string w = decode_utf8(folded);
  const uint64_t h = ner::lower_hash(w);
  return ner::Gazetteer::builtin().lookup(&h, 1);
}

// A folded word the gazetteer knows only as a common word: not a name,
// not a place ('speech', 'hints'; not 'bush', a name too).
bool only_common_word(std::string_view folded) { return ner::Gazetteer::only_common_word(word_classes(folded)); }

// 'Jr.', 'III': after a family name, no family name.
bool generational_suffix(std::string_view folded) {
  static constexpr std::string_view kSuffixes[] = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"};
  return std::find(std::begin(kSuffixes), std::end(kSuffixes), folded) != std::end(kSuffixes);
}

// Words separated by any Unicode white space (names in news often hold a
// no-break space: 'Mr\u00A0Hale').
std::vector<std::string> split_ws(std::string_view s) {
  std::vector<std::string> out;
  bool ascii = true;
  for (char c : s) ascii &= static_cast<unsigned char>(c) < 0x80 && c != 0;
  if (ascii) { // the same split without decoding: white space is ASCII here
    size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && is_space(static_cast<unsigned char>(s[i]))) ++i;
      size_t j = i;
      while (j < s.size() && !is_space(static_cast<unsigned char>(s[j]))) ++j;
      if (j > i) out.emplace_back(s.substr(i, j - i));
      i = j;
    }
    return out;
  }
  std::u32string t = decode_utf8(s);
  size_t i = 0;
  while (i < t.size()) {
    while (i < t.size() && is_space(t[i])) ++i;
    size_t j = i;
    while (j < t.size() && !is_space(t[j])) ++j;
    if (j > i) out.push_back(encode_utf8(std::u32string_view(t).substr(i, j - i)));
    i = j;
  }
  return out;
}

std::string join(const std::vector<std::string> &w, size_t b, size_t e) {
  std::string s;
  for (size_t i = b; i < e; ++i) {
    if (i > b) s += ' ';
    s += w[i];
  }
  return s;
}

} // namespace

bool is_title_word(std::string_view folded) {
  // ext/data/name_titles.txt, one word a line.
  static const WordSet kTitles = [] {
    const std::vector<std::string_view> lines = resource_lines("name_titles.txt");
    WordSet set(lines.size());
    for (std::string_view w : lines) set.insert(w);
    return set;
  }();
  return kTitles.has(folded);
}

namespace {

bool is_org_suffix(std::string_view folded) {
  static const char *const kSuffixes[] = {
      "inc", "inc.", "incorporated", "corp", "corp.", "corporation", "co", "co.", "ltd", "ltd.",
      "limited", "llc", "l.l.c.", "plc", "p.l.c.", "gmbh", "ag", "sa", "s.a.", "nv", "n.v.",
      "bv", "b.v.", "spa", "s.p.a.", "ab", "oy", "asa", "kk", "k.k.", "pte", "pty", "lp", "l.p.",
      "llp", "sas", "se",
  };
  for (const char *s : kSuffixes)
    if (folded == s) return true;
  return false;
}

// Removes a final "'s" / "’s" / "'" (after s) from a word.
std::string strip_possessive(std::string w) {
  auto ends = [&](std::string_view s) {
    return w.size() > s.size() && w.compare(w.size() - s.size(), s.size(), s) == 0;
  };
  if (ends("'s") || ends("'S")) w.resize(w.size() - 2);
  else if (ends("\xE2\x80\x99s") || ends("\xE2\x80\x99S")) w.resize(w.size() - 4);
  else if (ends("s'")) w.resize(w.size() - 1);
  else if (ends("s\xE2\x80\x99")) w.resize(w.size() - 3);
  return w;
}

// The words [b, e) of a name that clean_name keeps, from its folded words;
// true when the last kept word should lose its trailing commas.
template <class S> bool name_bounds(const std::vector<S> &f, std::string_view type, size_t &b, size_t &e) {
  if (type == "PERSON") {
    // Drop everything up to the last title word, when a name remains:
    // 'OpenAI CEO Sam Altman' -> 'Sam Altman', 'Dr. Jane Roe' -> 'Jane Roe'.
    size_t last_title = SIZE_MAX;
    for (size_t i = 0; i + 1 < e; ++i)
      if (is_title_word(f[i])) last_title = i;
    if (last_title != SIZE_MAX) b = last_title + 1;
    // 'Jane Roe, founder of X' is cut by the caller; a trailing 'Jr.' stays.
    return false;
  }
  if (type == "PRODUCT" || type == "DATE" || type == "MONEY" || type == "PERCENT") return false;
  if (e - b > 1 && f[b] == "the") ++b;
  // 'OpenAI, Inc.' / 'OpenAI Inc' / 'Acme Co., Ltd.'
  while (e - b > 1 && is_org_suffix(f[e - 1])) --e;
  return e > b;
}

bool ascii_without_nul(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80 || c == 0) return false;
  return true;
}

// clean_name of an ASCII mention without NUL (nearly all): the same steps
// on views of `mention`, with no string per word (every change to a word
// cuts its end, and fold_for_match of ASCII is a byte map).
std::string clean_name_ascii(std::string_view mention, std::string_view type) {
  static thread_local std::vector<std::string_view> w, f;
  static thread_local std::string folded;
  w.clear();
  for (size_t i = 0; i < mention.size();) {
    while (i < mention.size() && is_space(static_cast<unsigned char>(mention[i]))) ++i;
    size_t j = i;
    while (j < mention.size() && !is_space(static_cast<unsigned char>(mention[j]))) ++j;
    if (j > i) w.push_back(mention.substr(i, j - i));
    i = j;
  }
  if (w.empty()) return {};
  {
    std::string_view &l = w.back(); // strip_possessive
    auto ends = [&](std::string_view x) { return l.size() > x.size() && l.substr(l.size() - x.size()) == x; };
    if (ends("'s") || ends("'S")) l.remove_suffix(2);
    else if (ends("s'")) l.remove_suffix(1);
  }
  while (!w.empty()) {
    std::string_view &b = w.back();
    while (!b.empty() && (b.back() == ',' || b.back() == ';' || b.back() == ':')) b.remove_suffix(1);
    if (b.empty()) w.pop_back();
    else break;
  }
  if (w.empty()) return {};
  folded.clear();
  for (std::string_view x : w)
    for (char c : x) folded.push_back(detail::kAsciiFold.v[static_cast<unsigned char>(c)]);
  f.clear();
  for (size_t k = 0, at = 0; k < w.size(); at += w[k].size(), ++k)
    f.push_back(std::string_view(folded).substr(at, w[k].size()));

  size_t b = 0, e = w.size();
  if (name_bounds(f, type, b, e)) {
    std::string_view &l = w[e - 1];
    while (!l.empty() && l.back() == ',') l.remove_suffix(1);
  }
  std::string out;
  for (size_t i = b; i < e; ++i) {
    if (i > b) out += ' ';
    out += w[i];
  }
  return out;
}

} // namespace

std::string title_case_caps(std::string_view utf8) {
  std::u32string c = decode_utf8(utf8);
  size_t upper = 0;
  for (char32_t ch : c) {
    if (is_lower(ch)) return std::string(utf8);
    upper += is_upper(ch);
  }
  if (upper < 2) return std::string(utf8);
  bool first = true;
  for (char32_t &ch : c) {
    if (is_letter(ch)) {
      ch = first ? ch : to_lower(ch);
      first = false;
    } else {
      first = ch == '-' || ch == '\'' || ch == U'\u2019' || is_space(ch);
    }
  }
  return encode_utf8(c);
}

std::string clean_name(std::string_view mention, std::string_view type) {
  if (ascii_without_nul(mention)) return clean_name_ascii(mention, type);
  std::vector<std::string> w = split_ws(mention);
  if (w.empty()) return {};
  w.back() = strip_possessive(w.back());
  // Trailing and leading punctuation that never belongs to a name.
  while (!w.empty()) {
    std::string &b = w.back();
    while (!b.empty() && (b.back() == ',' || b.back() == ';' || b.back() == ':')) b.pop_back();
    if (b.empty()) w.pop_back();
    else break;
  }
  if (w.empty()) return {};
  std::vector<std::string> f;
  for (const std::string &x : w) f.push_back(fold_for_match(x));

  size_t b = 0, e = w.size();
  if (name_bounds(f, type, b, e)) {
    std::string &l = w[e - 1];
    while (!l.empty() && l.back() == ',') l.pop_back();
  }
  return join(w, b, e);
}

namespace {
std::vector<std::string> folded_words(const std::string &name) {
  std::vector<std::string> out = split_ws(name);
  for (std::string &x : out) x = fold_for_match(x);
  return out;
}
// fold_for_match of an ASCII string without NUL (a byte map), into `out`.
void fold_ascii(std::string_view s, std::string &out) {
  out.resize(s.size());
  for (size_t i = 0; i < s.size(); ++i) out[i] = detail::kAsciiFold.v[static_cast<unsigned char>(s[i])];
}
// folded_words of an ASCII name without NUL: views of its folded form
// (folding ASCII maps byte to byte and keeps white space).
void folded_words_ascii(const std::string &folded, std::vector<std::string_view> &out) {
  out.clear();
  for (size_t i = 0; i < folded.size();) {
    while (i < folded.size() && is_space(static_cast<unsigned char>(folded[i]))) ++i;
    size_t j = i;
    while (j < folded.size() && !is_space(static_cast<unsigned char>(folded[j]))) ++j;
    if (j > i) out.push_back(std::string_view(folded).substr(i, j - i));
    i = j;
  }
}
// True when every word of `s` occurs in `full`, in order.
template <class S> bool subsequence(const std::vector<S> &s, const std::vector<std::string> &full) {
  size_t j = 0;
  for (const std::string &x : full)
    if (j < s.size() && x == s[j]) ++j;
  return j == s.size();
}
constexpr size_t kMaxCandidates = 64;
} // namespace

void NameIndex::add(const std::string &name, const std::string &type, bool headline) {
  // Only PERSON names are ever resolved (canonical returns other names as
  // given) and every key holds the type: other names would never be read.
  if (name.empty() || type != "PERSON") return;
  static thread_local std::string key, folded;
  key.assign(type);
  key += '\x1f';
  const bool ascii = ascii_without_nul(name);
  if (ascii) {
    fold_ascii(name, folded);
    key += folded;
  } else {
    key += fold_for_match(name);
  }
  auto it = by_key_.find(key);
  if (it != by_key_.end()) {
    ++entries_[it->second].count;
    entries_[it->second].headline_only &= headline;
    return;
  }
  Entry e;
  e.name = name;
  e.type = type;
  if (ascii) {
    static thread_local std::vector<std::string_view> words;
    folded_words_ascii(folded, words);
    e.words.assign(words.begin(), words.end());
  } else {
    e.words = folded_words(name);
  }
  e.count = 1;
  // Three words or more, a middle one known only as a common word (not a
  // name, not a place; particles and initials aside), or a last one that
  // is also a verb's -ed or -ing form: a headline's words, not a person's
  // name. (A family name may be a common word: 'Laurence H. Tribe'.)
  size_t end = e.words.size();
  while (end > 2 && generational_suffix(e.words[end - 1])) --end; // 'Harry Hurt III': 'Hurt' is the family name
  if (end >= 3)
    for (size_t k = 1; k < end && !e.phrase; ++k) {
      const std::string &x = e.words[k];
      if (x.size() <= 3 || x.find('.') != std::string::npos) continue;
      const bool last = k + 1 == end;
      if (last && !(x.compare(x.size() - 2, 2, "ed") == 0 || x.compare(x.size() - 3, 3, "ing") == 0)) continue;
      e.phrase = only_common_word(x);
    }
  e.headline_only = headline;
  e.common_last = e.words.size() == 2 && only_common_word(e.words[1]);
  const size_t idx = entries_.size();
  by_key_.emplace(key, idx);
  for (const std::string &w : e.words) {
    key.assign(type);
    key += '\x1f';
    key += w;
    auto &v = by_word_[key];
    if (v.size() < kMaxCandidates) v.push_back(idx);
  }
  entries_.push_back(std::move(e));
}

std::string NameIndex::canonical(const std::string &name, const std::string &type) const {
  if (type != "PERSON") return name;
  if (ascii_without_nul(name)) {
    static thread_local std::string folded, key;
    static thread_local std::vector<std::string_view> words;
    fold_ascii(name, folded);
    folded_words_ascii(folded, words);
    if (words.empty()) return name;
    key.assign(type);
    key += '\x1f';
    key += words.back();
    auto it = by_word_.find(key);
    if (it == by_word_.end()) return name;
    const Entry *best = best_longer(it->second, words);
    return best ? best->name : name;
  }
  std::vector<std::string> words = folded_words(name);
  if (words.empty()) return name;
  auto it = by_word_.find(type + '\x1f' + words.back());
  if (it == by_word_.end()) return name;
  const Entry *best = best_longer(it->second, words);
  return best ? best->name : name;
}

template <class S>
const NameIndex::Entry *NameIndex::best_longer(const std::vector<size_t> &candidates,
                                               const std::vector<S> &words) const {
  // A one-word short form of a person is the family name (last word) or,
  // failing that, any word: 'Altman' -> 'Sam Altman'. Long forms whose
  // first words share an initial are one person's ('Donald Trump',
  // 'Donald J. Trump': the longest stands for them); of several people
  // ('Jeb Bush', 'George W. Bush', 'Laura Bush') the one the article
  // names most.
  const Entry *best = nullptr;
  size_t best_people = 0;
  for (size_t idx : candidates) {
    const Entry &e = entries_[idx];
    if (!long_form(e) || e.words.size() <= words.size() || !subsequence(words, e.words)) continue;
    size_t people = 0; // mentions of this person, variants included
    for (size_t other : candidates) {
      const Entry &o = entries_[other];
      if (long_form(o) && o.words.size() > words.size() && o.words[0][0] == e.words[0][0] &&
          subsequence(words, o.words))
        people += o.count;
    }
    if (!best || people > best_people ||
        (people == best_people && (e.words.size() > best->words.size() ||
                                   (e.words.size() == best->words.size() && e.count > best->count))))
      best = &e, best_people = people;
  }
  return best;
}

namespace {
// The folded words of a person's full name without generational suffixes,
// or none when it is no person's name (family_name_key).
std::vector<std::string> full_name_words(std::string_view full_name) {
  std::vector<std::string> words = folded_words(std::string(full_name));
  while (words.size() > 2 && generational_suffix(words.back())) words.pop_back();
  if (words.size() < 2) return {};
  static constexpr std::string_view kNotInNames[] = {"of", "and", "the", "in", "at", "on", "for", "to", "from", "with", "by"};
  for (const std::string &w : words)
    if (std::find(std::begin(kNotInNames), std::end(kNotInNames), w) != std::end(kNotInNames)) return {};
  return words;
}

// True when a full name opens with a word known only as a common word:
// a name the tagger made of a phrase ('Thank God', 'Morning Joe') as
// often as a person's ('Mitt Romney', 'Newt Gingrich').
bool opens_with_common_word(const std::string &full_name) {
  const uint32_t cls = word_classes(std::string_view(full_name).substr(0, full_name.find(' ')));
  return (cls & ner::Gazetteer::CommonWord) && !(cls & ner::Gazetteer::ProperNoun);
}
} // namespace

FullNameKeys full_name_keys(std::string_view full_name) {
  std::vector<std::string> words = full_name_words(full_name);
  if (words.empty()) return {};
  return {std::move(words.back()), std::move(words.front())};
}

std::string family_name_key(std::string_view full_name) { return full_name_keys(full_name).family; }

std::string given_name_key(std::string_view full_name) { return full_name_keys(full_name).given; }

bool name_variant_of(std::string_view variant, std::string_view usual) {
  const std::vector<std::string> u = full_name_words(usual);
  if (u.size() != 2) return false;
  const std::vector<std::string> v = full_name_words(variant);
  return v.size() > 2 && v.front() == u.front() && v.back() == u.back();
}

std::string lone_name_key(std::string_view name) {
  if (name.find(' ') != std::string_view::npos) return std::string(); // (the common case: no folding)
  std::vector<std::string> words = folded_words(std::string(name));
  return words.size() == 1 ? words[0] : std::string();
}

std::optional<std::string> dominant_full_name(const std::vector<std::pair<std::string, int64_t>> &named,
                                              int64_t as_given_name) {
  // One person's variants share the given name's first letter ('Joe
  // Biden', 'Joseph R. Biden Jr.'): names are weighed by that letter, and
  // the most named of the heaviest group is the usual one.
  struct Group {
    int64_t articles = 0;
    const std::pair<std::string, int64_t> *best = nullptr;
  };
  std::map<std::string, Group> groups;
  int64_t total = 0;
  for (const auto &x : named) {
    if (x.second <= 0) continue;
    // A name opening with a common word counts once several articles give it.
    if (x.second < kFamilyDominance && opens_with_common_word(x.first)) continue;
    total += x.second;
    // (The first letter, folded: ASCII by hand, else fold_for_match.)
    const std::string &name = x.first;
    const unsigned char c0 = name.empty() ? 0 : static_cast<unsigned char>(name[0]);
    const size_t len = c0 < 0x80 ? 1 : c0 < 0xE0 ? 2 : c0 < 0xF0 ? 3 : 4;
    const std::string letter = c0 < 0x80 ? std::string(1, static_cast<char>(c0 >= 'A' && c0 <= 'Z' ? c0 + 32 : c0))
                                         : fold_for_match(name.substr(0, std::min(len, name.size())));
    Group &g = groups[letter];
    g.articles += x.second;
    // Ties go to the name of fewer words ('Ingrid Whitcombe' over 'Ingrid
    // M. Whitcombe'), then to the first in byte order: the same whatever
    // the order given.
    auto words = [](const std::string &n) { return std::count(n.begin(), n.end(), ' '); };
    if (!g.best || x.second > g.best->second ||
        (x.second == g.best->second &&
         (words(x.first) < words(g.best->first) || (words(x.first) == words(g.best->first) && x.first < g.best->first))))
      g.best = &x;
  }
  const Group *best = nullptr;
  int64_t second = 0;
  for (const auto &[letter, g] : groups) {
    if (!best || g.articles > best->articles) {
      if (best) second = std::max(second, best->articles);
      best = &g;
    } else {
      second = std::max(second, g.articles);
    }
  }
  if (!best || best->articles < kFamilyDominance * second || as_given_name >= total) return std::nullopt;
  return best->best->first;
}

} // namespace lede
