// entities.cpp — see entities.hpp.
//
// Order of work for one document:
//   1. tagger words per sentence (ner::split_words), two-pass tagging,
//      then the document pass (`document_name_pass`: shapes, cues,
//      consistency of names within the document);
//   2. value mentions: dates (dates.hpp), money and percentages
//      (numbers.hpp), bare years after 'in', 'since' ...;
//   3. products: lexicon families with their versions ('Llama 3.1') and
//      model codes ('R1', 'o1') next to an organisation or a product word;
//   4. tagger names, typed (LOC split into GPE / LOC), filtered (common
//      words opening a sentence, titles, months, weekdays);
//   5. overlaps resolved: values > products > names;
//   6. canonical names: user aliases, built-in aliases (countries.tsv,
//      entity-aliases.tsv), then the article's NameIndex.
// Every step is linear in the text; no step reads anything at run time
// but the embedded resources.
#include "entities.hpp"

#include "dates.hpp"
#include "names.hpp"
#include "ner.hpp"
#include "numbers.hpp"
#include "resources.hpp"
#include "text.hpp"
#include "wordset.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace lede {
// The word lists of ext/data/entity_words.txt by section ('[org_head]');
// a section the file lacks is an empty set (a unit test checks that every
// section the rules name is there).
const WordSet &entity_words(std::string_view section) {
  static const std::unordered_map<std::string_view, WordSet> kSets = [] {
    std::unordered_map<std::string_view, std::vector<std::string_view>> words;
    std::vector<std::string_view> *current = nullptr;
    for (std::string_view line : resource_lines("entity_words.txt")) {
      if (line.size() > 2 && line.front() == '[' && line.back() == ']') {
        current = &words[line.substr(1, line.size() - 2)];
        continue;
      }
      for (size_t i = 0; current && i < line.size();) {
        while (i < line.size() && line[i] == ' ') ++i;
        size_t j = i;
        while (j < line.size() && line[j] != ' ') ++j;
        if (j > i) current->push_back(line.substr(i, j - i));
        i = j;
      }
    }
    std::unordered_map<std::string_view, WordSet> sets;
    for (const auto &[name, list] : words) {
      WordSet set(list.size());
      for (std::string_view w : list) set.insert(w);
      sets.emplace(name, std::move(set));
    }
    return sets;
  }();
  static const WordSet kEmpty(0);
  auto it = kSets.find(section);
  return it == kSets.end() ? kEmpty : it->second;
}

namespace {

using ner::Tagger;

struct Lexicons {
  std::unordered_map<std::string, Alias> aliases; // folded mention -> canonical
  std::unordered_set<std::string> products;      // folded product names
  std::unordered_set<std::string> glued_only;    // families named only with a glued version ('phi')
  size_t product_words = 1;                      // longest product name, in words
  // First words of products, as a 4096-bit filter (false positives only),
  // after a cheaper one by their first two bytes (65536 bits).
  uint64_t product_first[64] = {};
  std::vector<uint64_t> product_prefix = std::vector<uint64_t>(1024, 0);
  static uint32_t prefix_bit(std::string_view w) {
    return static_cast<uint32_t>(static_cast<unsigned char>(w[0])) << 8 |
           (w.size() > 1 ? static_cast<unsigned char>(w[1]) : 0u);
  }
  static uint32_t filter_bit(std::string_view w) {
    uint64_t h = 1469598103934665603ULL;
    for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    return static_cast<uint32_t>((h ^ (h >> 29)) & 4095);
  }
  bool may_start_product(std::string_view w) const {
    if (w.empty()) return product_first[filter_bit(w) >> 6] >> (filter_bit(w) & 63) & 1;
    const uint32_t p = prefix_bit(w);
    if (!(product_prefix[p >> 6] >> (p & 63) & 1)) return false;
    const uint32_t b = filter_bit(w);
    return product_first[b >> 6] >> (b & 63) & 1;
  }

  Lexicons() {
    auto load_aliases = [&](std::string_view name, const char *fixed_type) {
      for (std::string_view line : resource_lines(name)) {
        size_t t1 = line.find('\t');
        if (t1 == std::string_view::npos) continue;
        size_t t2 = line.find('\t', t1 + 1);
        size_t t3 = t2 == std::string_view::npos ? t2 : line.find('\t', t2 + 1);
        std::string alias(line.substr(0, t1));
        std::string entity(line.substr(t1 + 1, t2 == std::string_view::npos ? std::string_view::npos : t2 - t1 - 1));
        std::string type = fixed_type                        ? fixed_type
                           : t2 == std::string_view::npos ? ""
                                                           : std::string(line.substr(t2 + 1, t3 - (t2 + 1)));
        std::string since = t3 == std::string_view::npos ? "" : std::string(line.substr(t3 + 1));
        aliases[fold_for_match(alias)] = Alias{entity, type, since};
      }
    };
    load_aliases("countries.tsv", "GPE");
    load_aliases("entity-aliases.tsv", nullptr);
    for (std::string_view line : resource_lines("products.tsv")) {
      // 'Phi-': a family named only with its version glued on ('Phi-4').
      if (line.size() > 1 && line.back() == '-') {
        glued_only.insert(fold_for_match(line.substr(0, line.size() - 1)));
        continue;
      }
      std::string f = fold_for_match(line);
      const std::string_view first = std::string_view(f).substr(0, f.find(' '));
      const uint32_t b = filter_bit(first);
      product_first[b >> 6] |= uint64_t(1) << (b & 63);
      if (!first.empty()) {
        const uint32_t p = prefix_bit(first);
        product_prefix[p >> 6] |= uint64_t(1) << (p & 63);
      }
      products.insert(std::move(f));
      product_words = std::max<size_t>(product_words, 1 + std::count(line.begin(), line.end(), ' '));
    }
  }
  static const Lexicons &get() {
    static const Lexicons l;
    return l;
  }
};

struct Raw {
  uint32_t start = 0, end = 0;
  std::string_view type; // a literal, or a user alias's type (lives through extract_entities)
  std::optional<std::string> value;
  int priority = 0; // 3 value, 2 product, 1 name
  bool headline = false; // a name in a headline in Title Case
};

bool ascii_in(std::string_view folded, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set)
    if (folded == s) return true;
  return false;
}

// fold_for_match of a word that is not plain ASCII (curly quotes and
// apostrophes, dashes, accented names): a function of its code points alone,
// so kept per thread across documents (emptied when it holds 4096 words).
const std::string &folded_non_ascii(std::u32string_view w) {
  static thread_local std::unordered_map<std::u32string, std::string> cache;
  static thread_local std::u32string key;
  key.assign(w);
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  if (cache.size() >= 4096) cache.clear();
  return cache.emplace(key, fold_for_match(encode_utf8(w))).first->second;
}

// Writes fold_for_match of one word into `out` at `at` and returns where it
// ends; `out` grows when the fold needs more room. ASCII (most words) is
// folded here, by the same byte map as fold_for_match's.
size_t put_folded(std::u32string_view w, std::string &out, size_t at) {
  auto room = [&](size_t n) {
    if (out.size() < at + n) out.resize(std::max(out.size() * 2, at + n));
  };
  room(w.size());
  char *o = &out[at];
  for (size_t k = 0; k < w.size(); ++k) {
    const char32_t c = w[k];
    if (c - 1 >= 127u) { // NUL or not ASCII
      const std::string &f = folded_non_ascii(w);
      room(f.size());
      std::copy(f.begin(), f.end(), out.begin() + static_cast<std::ptrdiff_t>(at));
      return at + f.size();
    }
    o[k] = detail::kAsciiFold.v[c];
  }
  return at + w.size();
}

// Two folded words that make an event of event_names.txt ('super tuesday').
bool is_event_pair(std::string_view a, std::string_view b) {
  static const std::unordered_set<std::string_view> &kEvents = resource_set("event_names.txt");
  std::string both;
  both.reserve(a.size() + 1 + b.size());
  both.append(a).append(1, ' ').append(b);
  return kEvents.count(both) != 0;
}

bool is_month_or_weekday(std::string_view f) {
  if (f.size() < 3 || f.size() > 9) return false;
  switch (f[0]) { // first letters of the names below
  case 'j': case 'f': case 'm': case 'a': case 's': case 'o': case 'n': case 'd': case 't': case 'w': break;
  default: return false;
  }
  static const WordSet &kWords = entity_words("month_or_weekday");
  return kWords.has(f);
}

// Words of a product version: 'mini', 'Pro', '3.5', '4o', 'Sonnet'.
bool is_version_word(std::u32string_view w, std::string_view f) {
  for (char32_t c : w)
    if (is_digit(c)) return w.size() <= 8;
  static const WordSet &kWords = entity_words("version_word");
  return kWords.has(f);
}

// A model or chip code: 1-4 letters then digits, optional letter suffix or
// -mini/-pro ('R1', 'V3', 'o1', 'H100', 'M4', 'o3-mini'); not quarters,
// halves, groups or diseases.
// The cheap part of is_model_code, for every word (inline: most words end
// here). The digits start at index 1-5 (after 1-4 letters and a '-'): most
// words have none there.
inline bool may_be_model_code(std::u32string_view w) {
  bool digit_early = false;
  for (size_t k = 1; k < w.size() && k <= 5; ++k) digit_early |= w[k] >= '0' && w[k] <= '9';
  return digit_early;
}
bool is_model_code(std::u32string_view w, std::string_view f) {
  if (!may_be_model_code(w)) return false;
  size_t i = 0, letters = 0, digits = 0;
  while (i < w.size() && letters <= 4 && is_letter(w[i]) && w[i] < 128) ++i, ++letters;
  if (letters == 0 || letters > 4) return false;
  if (i < w.size() && w[i] == '-') ++i;
  while (i < w.size() && w[i] >= '0' && w[i] <= '9') ++i, ++digits;
  if (digits == 0 || digits > 4) return false;
  std::u32string_view rest = w.substr(i);
  if (!(rest.empty() || rest == U"o" || rest == U"-mini" || rest == U"-pro" || rest == U"x"))
    return false;
  static const WordSet &kWords = entity_words("model_code");
  if (kWords.has(f))
    return false;
  if (f.rfind("fy", 0) == 0 || f.rfind("covid", 0) == 0) return false;
  // One lower-case letter is OpenAI's style ('o1'); otherwise the letters
  // are capitals ('R1', 'GB200').
  bool all_caps = true;
  for (size_t k = 0; k < letters; ++k) all_caps &= is_upper(w[k]);
  return all_caps || letters == 1;
}

bool is_product_cue(std::string_view f) {
  static const WordSet &kWords = entity_words("product_cue");
  return kWords.has(f);
}

bool has_upper_cp(std::u32string_view w) {
  for (char32_t c : w)
    if (is_upper(c)) return true;
  return false;
}
bool has_lower_cp(std::u32string_view w) {
  for (char32_t c : w)
    if (is_lower(c)) return true;
  return false;
}

bool is_name_particle(std::string_view f) {
  static const WordSet &kWords = entity_words("name_particle");
  return kWords.has(f);
}

// Titles and newsroom labels that make no name on their own ('Chief
// Product Officer', 'Staff Writer', 'Business Correspondent').
bool is_role_word(std::string_view f) {
  static const WordSet &kWords = entity_words("role_word");
  return is_title_word(f) || kWords.has(f);
}

// All-caps words that are ordinary nouns in news, not names.
bool is_generic_acronym(std::string_view f) {
  static const WordSet &kWords = entity_words("generic_acronym");
  return kWords.has(f);
}

// Last words that make a name an organisation.
bool is_org_head(std::string_view f) {
  static const WordSet &kWords = entity_words("org_head");
  return kWords.has(f);
}

struct TaggedDoc {
  std::vector<Span> words;
  std::string folded_text;             // fold_for_match of every word, end to end
  std::vector<std::string_view> folded; // each word's, in folded_text
  std::vector<uint8_t> tags;
  std::vector<uint8_t> starts;
};

} // namespace

// ---------------------------------------------------------------------------
// Document-level name pass (docs/entities.md, "Document pass").
//
// The tagger learned from 1996 Reuters: it misses names of a shape it never
// saw ('OpenAI', 'DeepMind') and types unseen single words by guess
// ('Nvidia' as a place). This pass corrects its labels in place, before
// products and names are read from them, from evidence in the document:
//   a. shape: an untagged mid-sentence CamelCase word ('OpenAI', 'GitHub')
//      is an organisation (lower-case start, 'iPhone': a product); a PERSON
//      span with a CamelCase word ('Google DeepMind') is an organisation;
//   b. cues next to an untagged or mistyped capitalised word: organisation
//      nouns before it ('startup Cohere', 'shares of X'), role and business
//      nouns after it ('X CEO', 'X spokesperson', 'X shares', 'X, a
//      startup', 'X and other chipmakers'), 'X-based' (a place), titles
//      before it (a person);
//   c. 'OpenAI CEO Sam Altman': a span with a role word inside is split into
//      the organisation (when name-like) and the person;
//   d. coordination: 'Microsoft and Nvidia' — an unknown word tagged a place
//      next to an organisation, or an untagged capitalised word, takes the
//      organisation type;
//   e. consistency: each single-word name gets one type per document (cue
//      evidence first, then the first word of a longer organisation name,
//      then the majority) and its other capitalised mentions, sentence-
//      initial ones included, get it too when the word is not a common word
//      or the evidence is strong;
//   f. 'OpenAI, Inc.': an organisation takes a following corporate suffix.
// Everything is one or two passes over the words plus hash look-ups of the
// few names found: linear, and cheap next to the tagger.
namespace {

bool is_cap_word(std::u32string_view w) { return !w.empty() && is_upper(w[0]); }

// 'OpenAI', 'DeepSeek', 'LinkedIn', 'iPhone': a lower-case letter directly
// followed by a capital; not 'McCarthy', 'MacArthur', 'DeSantis', 'LaGuardia'.
bool is_camel(std::u32string_view w) {
  for (size_t k = 1; k < w.size(); ++k) {
    if (w[k] - U'a' < 26u) continue; // ASCII lower case (the common case): not upper
    if (!(is_upper(w[k]) && is_letter(w[k - 1]) && !is_upper(w[k - 1]))) continue;
    if (k == 2 && (w[0] == 'M' || w[0] == 'D' || w[0] == 'L') ) continue; // Mc De Di La Le
    if (k == 3 && w[0] == 'M' && w[1] == 'a' && w[2] == 'c') continue;
    if (k == 3 && w[0] == 'V' && w[1] == 'o' && w[2] == 'n') continue;
    if (k == 3 && w[0] == 'V' && w[1] == 'a' && w[2] == 'n') continue;
    return true;
  }
  return false;
}

// Nouns that name a kind of organisation ('the startup Cohere', 'X, a firm').
bool is_org_noun(std::string_view f) {
  static const WordSet &kWords = entity_words("org_noun");
  return kWords.has(f);
}
bool is_org_noun_plural(std::string_view f) {
  static const WordSet &kWords = entity_words("org_noun_plural");
  return kWords.has(f);
}
// Words after an organisation's name: 'X CEO', 'X spokesperson', 'X shares'.
bool is_org_follower(std::string_view f) {
  static const WordSet &kWords = entity_words("org_follower");
  return kWords.has(f);
}
// Role words that may sit inside a span between an organisation and a person.
bool is_inner_role(std::string_view f) {
  static const WordSet &kWords = entity_words("inner_role");
  return kWords.has(f);
}
// Titles with a period that open a person's name ('Sen.', 'Mr.').
bool is_honorific(std::string_view f) {
  static const WordSet &kWords = entity_words("honorific");
  return kWords.has(f);
}
// Chambers, common words that name an institution ('Senate', 'House').
bool is_chamber(std::string_view f) {
  static const WordSet &kWords = entity_words("chamber");
  return kWords.has(f);
}
// Last words of a group's name, no person's ('Senate Republicans').
bool is_group_word(std::string_view f) {
  static const WordSet &kWords = entity_words("group_plural");
  return kWords.has(f);
}
bool is_corp_suffix(std::string_view f) {
  static const WordSet &kWords = entity_words("corp_suffix");
  return kWords.has(f);
}
bool is_possessive(std::string_view f) { return f == "'s" || f == "'"; }
// Last words that make a run of capitalised words a company's name
// ('Harbor Robotics', 'Tidewater Ventures'), whatever the tagger said.
bool is_company_head(std::string_view f) {
  static const WordSet &kWords = entity_words("company_head");
  return kWords.has(f);
}
// Function words a Title Case headline capitalises and a name does not.
bool is_title_case_function_word(std::string_view f) {
  static const WordSet &kWords = entity_words("title_case_function_word");
  return kWords.has(f);
}
// Words that open a phrase but not a company's name ('The Robotics Group').
bool is_phrase_opener(std::string_view f) {
  static const WordSet &kWords = entity_words("phrase_opener");
  return kWords.has(f);
}

// One-word reporting verbs of ext/data/speech_verbs.txt ('said', 'announced').
bool is_reporting_verb(std::string_view f) {
  static const std::unordered_set<std::string_view> kForms = [] {
    std::unordered_set<std::string_view> forms;
    for (std::string_view line : resource_lines("speech_verbs.txt")) {
      const std::string_view form = line.substr(0, line.find(' '));
      if (form.find('_') == std::string_view::npos) forms.insert(form);
    }
    return forms;
  }();
  return kForms.count(f) != 0;
}

// True when every space-separated word of `s` has more than `n` letters.
bool all_words_longer_than(std::string_view s, size_t n) {
  size_t letters = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == ' ') {
      if (letters <= n) return false;
      letters = 0;
    } else if (std::isalpha(static_cast<unsigned char>(s[i])) || static_cast<unsigned char>(s[i]) >= 0x80) {
      ++letters;
    }
  }
  return true;
}

bool is_affiliation_noun(std::string_view f) {
  static const std::unordered_set<std::string_view> &kNouns = resource_set("affiliation_nouns.txt");
  return kNouns.count(f) != 0;
}

uint8_t begin_tag(int type) { return static_cast<uint8_t>(2 * type - 1); }

// The gazetteer's classes of a place.
constexpr uint32_t kPlaceClasses = ner::Gazetteer::Country | ner::Gazetteer::City | ner::Gazetteer::Region;

// Words [b, e) (one to four) name a place the gazetteer knows ('New York').
bool known_place(const ner::Gazetteer &gaz, const std::vector<std::u32string_view> &w, size_t b, size_t e) {
  if (e <= b || e - b > 4) return false;
  uint64_t h[4];
  for (size_t k = b; k < e; ++k) h[k - b] = ner::lower_hash(w[k]);
  return (gaz.lookup(h, e - b) & kPlaceClasses) != 0;
}

// 'north', 'south', 'east', 'west' (after a street's head: 'Queen Street West').
bool is_compass(std::string_view folded) { return ascii_in(folded, {"north", "south", "east", "west"}); }

// Sets words [b, e) to one span of `type` (1 PER .. 4 MISC), or to O.
void set_span(std::vector<uint8_t> &tags, size_t b, size_t e, int type) {
  for (size_t k = b; k < e; ++k)
    tags[k] = type == 0 ? uint8_t(ner::O) : static_cast<uint8_t>(k == b ? begin_tag(type) : begin_tag(type) + 1);
  // A following I- of another span now lacks its B-.
  if (e < tags.size() && tags[e] != ner::O && !ner::tag_begins(tags[e]))
    tags[e] = begin_tag(ner::tag_type(tags[e]));
}

} // namespace

// Corrects `tags` in place (see the comment above).
void document_name_pass(const std::vector<std::u32string_view> &w,
                        const std::vector<std::string_view> &f, const std::vector<uint8_t> &starts,
                        std::vector<uint8_t> &tags, const ner::Gazetteer &gaz) {
  const size_t n = w.size();
  if (n == 0) return;
  // Shape of each word's letters, tested often below: computed once.
  enum : uint8_t { kCap = 1, kLetter = 2, kCamel = 4 };
  std::vector<uint8_t> shape(n, 0);
  for (size_t i = 0; i < n; ++i) {
    if (w[i].empty()) continue;
    shape[i] = static_cast<uint8_t>((is_upper(w[i][0]) ? kCap : 0) | (is_letter(w[i][0]) ? kLetter : 0) |
                                    (is_camel(w[i]) ? kCamel : 0));
  }
  auto cap = [&](size_t i) { return (shape[i] & kCap) != 0; };        // is_cap_word
  auto letter = [&](size_t i) { return (shape[i] & kLetter) != 0; };  // a letter first
  auto camel = [&](size_t i) { return (shape[i] & kCamel) != 0; };    // is_camel
  // First word of the tagged span holding k; end of the span beginning at k.
  auto span_begin = [&](size_t k) {
    while (k > 0 && tags[k] != ner::O && !ner::tag_begins(tags[k])) --k;
    return k;
  };
  auto span_end = [&](size_t k) {
    size_t e = k + 1;
    while (e < n && tags[e] != ner::O && !ner::tag_begins(tags[e])) ++e;
    return e;
  };
  // Where 'and', 'or' and ',' stand, in order: the rules on coordinated
  // names and on 'Town, State' look only there.
  std::vector<uint32_t> joiners;
  for (size_t i = 0; i < n; ++i) {
    const std::string_view x = f[i];
    if ((x.size() == 1 && x[0] == ',') || (x.size() == 3 && x[0] == 'a' && x[1] == 'n' && x[2] == 'd') ||
        (x.size() == 2 && x[0] == 'o' && x[1] == 'r'))
      joiners.push_back(static_cast<uint32_t>(i));
  }
  auto gaz_class = [&](size_t i) {
    uint64_t h = ner::lower_hash(w[i]);
    return gaz.lookup(&h, 1);
  };
  auto is_common = [&](size_t i) {
    uint32_t c = gaz_class(i);
    return (c & ner::Gazetteer::CommonWord) && !(c & ner::Gazetteer::ProperNoun);
  };
  auto is_place_word = [&](size_t i) {
    return (gaz_class(i) & kPlaceClasses) != 0;
  };
  // The word after i, skipping a possessive.
  auto next_word = [&](size_t i) -> size_t {
    size_t j = i + 1;
    if (j < n && is_possessive(f[j])) ++j;
    return j;
  };
  // Cue type of the single word i from its neighbours: 2 ORG, 3 LOC, 1 PER, 0 none.
  auto cue = [&](size_t i) -> int {
    if (i + 1 < n && f[i + 1] == "-based") return 3;
    if (i > 0 && !starts[i] && !f[i - 1].empty() && f[i - 1].back() == '.' && is_title_word(f[i - 1])) return 1;
    bool caps = w[i].size() > 1;
    for (size_t k = 0; caps && k < w[i].size(); ++k) caps = !is_lower(w[i][k]);
    if (caps) return 0; // acronyms and all-caps lines: the tagger's call
    if (i > 0 && !starts[i] && !cap(i - 1)) {
      if (is_org_noun(f[i - 1])) return 2;
      if (i > 1 && f[i - 1] == "of" && ascii_in(f[i - 2], {"shares", "stake", "owner", "parent"}))
        return 2;
    }
    const size_t j = next_word(i);
    // 'Waymo, owned by Alphabet', 'Anthropic, backed by Amazon'
    if (j + 2 < n && !starts[j] && f[j] == "," && f[j + 2] == "by" && entity_words("org_passive").has(f[j + 1]))
      return 2;
    // 'Perplexity, a search startup'
    if (j < n && !starts[j] && f[j] == "," && j + 2 < n && (f[j + 1] == "a" || f[j + 1] == "an")) {
      for (size_t k = j + 2; k < std::min(n, j + 5); ++k) {
        if (is_org_noun(f[k])) return 2;
        if (f[k] == "," || f[k] == "who" || f[k] == "which" || starts[k]) break;
      }
    }
    // Words after a name: not for places ('Tokyo shares'), nationalities
    // ('Japanese investors') or common words ('The shares'). (The words
    // after are tested first: the gazetteer test costs more.)
    if (j < n && !starts[j] && w[i].size() > 1 && ner::tag_type(tags[i]) != 4) {
      bool after = is_org_follower(f[j]) ||
                   (j + 1 < n && f[j] == "chief" && (f[j + 1] == "executive" || f[j + 1] == "financial")) ||
                   (f[j] == "and" && j + 2 < n && f[j + 1] == "other" && is_org_noun_plural(f[j + 2]));
      if (!after && f[j] == "," && j + 2 < n && (f[j + 1] == "a" || f[j + 1] == "an" || f[j + 1] == "the")) {
        for (size_t k = j + 2; k < std::min(n, j + 5); ++k) {
          if (is_org_noun(f[k])) {
            after = true;
            break;
          }
          if (f[k] == "," || f[k] == "who" || f[k] == "which" || starts[k]) break;
        }
      }
      if (after) {
        const uint32_t c = gaz_class(i);
        const bool place = (c & kPlaceClasses) != 0;
        const bool common = (c & ner::Gazetteer::CommonWord) && !(c & ner::Gazetteer::ProperNoun);
        if (!place && (camel(i) || !common)) return 2;
      }
    }
    return 0;
  };

  // Coordinated names tagged as one organisation ('Microsoft and Nvidia'):
  // a span of exactly 'X and Y' is two names. Longer spans keep their
  // 'and' ('Department of Health and Human Services').
  for (size_t i = 0; i + 2 < n; ++i) {
    if (!ner::tag_begins(tags[i]) || ner::tag_type(tags[i]) != 2) continue;
    const uint8_t in = static_cast<uint8_t>(tags[i] + 1);
    if (tags[i + 1] != in || tags[i + 2] != in || (i + 3 < n && tags[i + 3] == in)) continue;
    if ((f[i + 1] != "and" && f[i + 1] != "or") || !cap(i) || !cap(i + 2)) continue;
    tags[i + 1] = ner::O;
    tags[i + 2] = tags[i];
  }

  // 'Sen. Josh Hawley' tagged as one name of any type: a title with a
  // period opens a person's name and is no part of it. '(R-Mo.)', '(D-Minn.)':
  // a party label, no name.
  for (size_t i = 0; i + 1 < n;) {
    size_t j = i + 1;
    while (j < n && tags[j] != ner::O && !ner::tag_begins(tags[j])) ++j;
    // ('Mr. Trump', two words, too: an honorific, not 'St. Louis'.)
    if (tags[i] != ner::O && (j - i >= 3 || (j - i == 2 && is_honorific(f[i]))) &&
        f[i].size() > 1 && f[i].back() == '.' && is_title_word(f[i]) && is_cap_word(w[i + 1])) {
      tags[i] = ner::O;
      set_span(tags, i + 1, j, 1);
    } else if (tags[i] == ner::O && ner::tag_begins(tags[i + 1]) && ner::tag_type(tags[i + 1]) != 1 &&
               f[i].size() > 1 && f[i].back() == '.' && is_honorific(f[i])) {
      // 'Sen. Elizabeth Warren' with the name alone tagged an organisation.
      size_t e = i + 2;
      while (e < n && tags[e] != ner::O && !ner::tag_begins(tags[e])) ++e;
      bool names = e - (i + 1) <= 3;
      for (size_t k = i + 1; k < e && names; ++k) names = is_cap_word(w[k]);
      if (names) set_span(tags, i + 1, e, 1);
      j = e;
    } else if (tags[i] != ner::O && j - i == 1 && i > 0 && f[i - 1] == "(" && f[i].size() >= 3 && f[i][1] == '-' &&
               (f[i][0] == 'd' || f[i][0] == 'r' || f[i][0] == 'i')) {
      tags[i] = ner::O;
    }
    i = j;
  }

  // Untagged runs of two to four capitalised words ending in a company's
  // head word: 'Harbor Robotics raised', 'led by Tidewater Ventures'.
  for (size_t i = 0; i < n; ++i) {
    if (tags[i] != ner::O || !cap(i) || !letter(i) || is_phrase_opener(f[i]) ||
        is_role_word(f[i]) || is_month_or_weekday(f[i]) || (i > 0 && !starts[i] && cap(i - 1)))
      continue;
    size_t j = i + 1;
    while (j < n && j - i < 4 && !starts[j] && tags[j] == ner::O && cap(j) && letter(j)) ++j;
    if (j - i >= 2 && is_company_head(f[j - 1]) && (j >= n || !cap(j) || starts[j]))
      set_span(tags, i, j, 2);
    i = j - 1;
  }
  // A one-word name the tagger took for an organisation, a place or a MISC
  // name, followed by untagged company words: 'Thames Water', 'China Mobile'.
  for (size_t i = 0; i + 1 < n; ++i) {
    const int ty = ner::tag_type(tags[i]);
    if (ty < 2 || !ner::tag_begins(tags[i]) || tags[i + 1] != ner::O || starts[i + 1] ||
        !cap(i + 1) || !is_company_head(f[i + 1]))
      continue;
    size_t j = i + 2;
    while (j < n && j - i < 4 && !starts[j] && tags[j] == ner::O && cap(j) && is_company_head(f[j])) ++j;
    if (j < n && !starts[j] && cap(j) && letter(j)) continue; // the name runs on
    set_span(tags, i, j, 2);
    i = j - 1;
  }

  // a-c: spans and untagged capitalised words, one pass.
  for (size_t i = 0; i < n;) {
    if (tags[i] == ner::O) {
      if (!cap(i) && !(camel(i) && letter(i))) {
        ++i;
        continue;
      }
      if (!letter(i) || is_generic_acronym(f[i]) || is_month_or_weekday(f[i]) ||
          is_role_word(f[i])) {
        ++i;
        continue;
      }
      int t = cue(i);
      if (t == 0 && !starts[i] && camel(i)) t = cap(i) ? 2 : 4; // 4: product shape
      if (t == 4) { ++i; continue; } // products come from the lexicon; leave 'iPhone' to it
      if (t != 0) set_span(tags, i, i + 1, t);
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < n && tags[j] != ner::O && !ner::tag_begins(tags[j])) ++j;
    int ty = ner::tag_type(tags[i]);
    // 'Senate Republicans', 'Reagan Democrats', 'Muslim Americans': a group
    // (CoNLL's MISC), no person; as a person it would lend its first word
    // to the lone 'Senate' of the article.
    if (ty == 1 && j - i >= 2 && is_group_word(f[j - 1])) {
      set_span(tags, i, j, 0);
      i = j;
      continue;
    }
    // c. 'OpenAI CEO Sam Altman', 'County Clerk Bernadette Shaw', and an
    // organisation's span opening with the role ('Majority Leader Kevin
    // McCarthy').
    if (ty == 1 || ty == 2) {
      for (size_t k = i + 1; k + 1 < j; ++k) {
        if (!is_inner_role(f[k]) && !is_honorific(f[k])) continue; // 'Idaho Republican Sens. Mike Crapo'
        size_t p = k; // the role words
        while (p > i && is_title_word(f[p - 1])) --p;
        size_t q = k + 1;
        while (q < j && is_title_word(f[q])) ++q;
        if (q >= j || !cap(q)) break;
        if (p == i) {
          if (ty == 2) {
            set_span(tags, i, q, 0);
            set_span(tags, q, j, 1);
          }
          break;
        }
        // (A chamber is a name here: 'Senate Majority Leader Mitch McConnell'.)
        bool namelike = ty == 2 && p - i == 1 && is_chamber(f[i]), place = false;
        for (size_t m = i; m < p; ++m) {
          namelike |= camel(m) || !is_common(m);
          place |= is_place_word(m);
        }
        if (p - i >= 2 && (f[p - 1] == "and" || f[p - 1] == "or" || f[p - 1] == ",")) {
          // 'Ms. Epstein and Mr. Amar': two people.
          set_span(tags, i, p - 1, 1);
          set_span(tags, p - 1, p, 0);
        } else {
          set_span(tags, i, p, namelike ? (place && p - i == 1 ? 3 : 2) : 0);
        }
        set_span(tags, p, q, 0);
        set_span(tags, q, j, 1);
        break;
      }
      if (tags[i] == ner::O || ner::tag_type(tags[i]) != ty) {
        i = j;
        continue;
      }
    }
    if (ty == 1 || ty == 4) {
      // A person's name has no CamelCase word ('Google DeepMind'); nor
      // has a nationality or an event ('OpenAI' tagged MISC).
      bool has_camel = false;
      for (size_t k = i; k < j; ++k) has_camel |= camel(k) && cap(k);
      if (has_camel) set_span(tags, i, j, 2);
    } else if (ty == 3 && j - i >= 3) {
      // 'Stockholm School of Technology', 'Union of Concerned Scientists':
      // an institution, not a place.
      for (size_t k = i; k + 1 < j; ++k)
        if (f[k + 1] == "of" && is_org_head(f[k])) set_span(tags, i, j, 2);
    }
    if (j - i == 1 && ty != 4) {
      int t = cue(i);
      if (t == 2 || (t == 3 && ty == 2)) set_span(tags, i, j, t);
    }
    i = j;
  }

  // Towns before a US state: 'The Menlo Park, Calif., company', 'Austin,
  // Texas' (the tagger took 'Menlo Park' for a person). The name before
  // the comma, tagged or a run of up to three capitalised words, is a place
  // when the state ends the phrase; so is the state.
  {
    static const WordSet &kStates = entity_words("us_state");
    std::string two;
    // Where the state's phrase may end (tested before the look-up: cheap).
    auto ends_at = [&](size_t k) {
      return k >= n || starts[k] || f[k] == "," || f[k] == "-based" || f[k] == ")" || f[k] == ";";
    };
    for (const size_t i : joiners) {
      if (i < 1 || i + 1 >= n) continue;
      if (f[i].size() != 1 || f[i][0] != ',' || starts[i + 1] || !cap(i + 1)) continue;
      size_t len = 0;
      if (ends_at(i + 2)) {
        len = kStates.has(f[i + 1]) ? 1 : 0;
      } else if (i + 2 < n && ends_at(i + 3)) {
        two.assign(f[i + 1]).append("_").append(f[i + 2]);
        len = kStates.has(two) ? 2 : 0;
      }
      if (!len) continue;
      const size_t after = i + 1 + len;
      size_t b = i;
      if (tags[i - 1] != ner::O) {
        b = i - 1;
        while (b > 0 && !ner::tag_begins(tags[b]) && tags[b - 1] != ner::O) --b;
        if (ner::tag_type(tags[b]) == 2 && (is_org_head(f[i - 1]) || is_corp_suffix(f[i - 1]))) continue;
      } else {
        while (b > 0 && i - b < 3 && cap(b - 1) && letter(b - 1) &&
               !is_role_word(f[b - 1]) && !is_month_or_weekday(f[b - 1]) && (b - 1 == 0 || !starts[b - 1] ||
               !is_phrase_opener(f[b - 1])))
          --b;
        if (b == i) continue;
        // A sentence's first word is part of the name only when it is no common word.
        if (starts[b] && b + 1 < i && is_common(b)) ++b;
      }
      set_span(tags, b, i, 3);
      if (tags[i + 1] == ner::O) set_span(tags, i + 1, after, 3);
    }
  }

  // d. coordination: 'Microsoft and Nvidia', 'Anthropic and Google DeepMind'.
  // Run again after e, whose types it builds on ('Alibaba and Tencent
  // said', Tencent an ORG by a later 'Tencent spokesperson').
  auto coordinate = [&] {
    for (const size_t j : joiners) {
      if (j < 1 || j + 1 >= n) continue;
      const size_t i = j - 1; // f[i + 1] is 'and', 'or' or ','
      if (f[i + 1] != "and" && f[i + 1] != "or" && f[i + 1] != ",") continue;
      for (int side = 0; side < 2; ++side) {
        const size_t a = side ? i + 2 : i; // the word to retype
        const size_t o = side ? i : i + 2; // a neighbour that is an organisation
        if (ner::tag_type(tags[o]) != 2) continue;
        if (a + 1 < n && tags[a + 1] != ner::O && !ner::tag_begins(tags[a + 1]) && side == 1) continue;
        if (side == 0 && tags[a] != ner::O && !ner::tag_begins(tags[a])) continue;
        const bool single = tags[a] == ner::O || a + 1 >= n || tags[a + 1] == ner::O || ner::tag_begins(tags[a + 1]);
        if (!single || !cap(a) || !letter(a)) continue;
        const int ta = ner::tag_type(tags[a]);
        if (ta == 3) {
          if (is_place_word(a)) continue;
          set_span(tags, a, a + 1, 2);
        } else if (ta == 0 && w[a].size() > 1 && !is_role_word(f[a]) && !is_generic_acronym(f[a]) &&
                   !is_month_or_weekday(f[a]) &&
                   (!is_common(a) || camel(a) ||
                    // 'Anthropic and Google declined': a sentence-initial
                    // word that is no plural noun ('Analysts and ...').
                    (side == 0 && f[i + 1] == "and" && f[a].back() != 's')) &&
                   (!starts[a] || side == 0)) {
          set_span(tags, a, a + 1, 2);
        }
      }
    }
  };
  coordinate();

  bool retyped = false; // by d2, d3 or e: then coordination runs again
  // d2. registered organisations: a single word the 1996 tagger calls a
  // person or a place ('Google said', 'Amazon and ...'), or leaves out
  // before a reporting verb ('Zoom said'), that the gazetteer knows as an
  // organisation and not as a place, and that is no word of a longer
  // person's name in the document ('Dell' of 'Michael Dell'), is an
  // organisation unless a cue says otherwise ('Mr. Dell', 'Amazon-based').
  {
    // Words of the longer person names, gathered on the first candidate.
    std::vector<std::string_view> name_words;
    bool gathered = false;
    auto in_person_name = [&](std::string_view word) {
      if (!gathered) {
        gathered = true;
        for (size_t i = 0; i < n;) {
          size_t j = i + 1;
          while (j < n && tags[j] != ner::O && !ner::tag_begins(tags[j])) ++j;
          if (tags[i] != ner::O && ner::tag_type(tags[i]) == 1 && j - i >= 2)
            for (size_t k = i; k < j; ++k) name_words.push_back(f[k]);
          i = j;
        }
        std::sort(name_words.begin(), name_words.end());
      }
      return std::binary_search(name_words.begin(), name_words.end(), word);
    };
    for (size_t i = 0; i < n;) {
      if (tags[i] == ner::O && (w[i].size() < 2 || !cap(i))) {
        ++i;
        continue;
      }
      size_t j = i + 1;
      while (j < n && tags[j] != ner::O && !ner::tag_begins(tags[j])) ++j;
      const int ty = tags[i] == ner::O ? 0 : ner::tag_type(tags[i]);
      const bool before_verb = ty == 0 && i + 1 < n && !starts[i + 1] && w[i].size() > 1 && cap(i) &&
                               letter(i) && (starts[i] || !cap(i - 1)) &&
                               is_reporting_verb(f[i + 1]) && !is_role_word(f[i]);
      // Untagged mid-sentence or called MISC, a registered name that is no
      // common word ('and Xiaomi is squeezing Apple'); for MISC also no
      // other proper noun (nationalities are: 'American').
      const bool unknown = (ty == 0 || ty == 4) && !before_verb && !starts[i] && w[i].size() > 2 &&
                           cap(i) && has_lower_cp(w[i]) && letter(i) &&
                           !cap(i - 1) && (j >= n || !cap(j));
      if ((ty == 1 || ty == 3 || before_verb || unknown) && (j - i == 1 || (j - i == 2 && is_possessive(f[i + 1])))) {
        const uint32_t cls = gaz_class(i);
        if ((cls & ner::Gazetteer::Org) &&
            !(cls & kPlaceClasses) &&
            !(unknown && (cls & ner::Gazetteer::CommonWord)) &&
            !(unknown && ty == 4 && (cls & ner::Gazetteer::ProperNoun)) && !in_person_name(f[i])) {
          const int c = cue(i);
          if (c != 1 && c != 3) {
            set_span(tags, i, j, 2);
            retyped = true;
          }
        }
      }
      i = j;
    }
  }

  // d3. affiliation: a person's or unknown place's name after 'at' that
  // follows a noun of work within four words ('an analyst at D.A.
  // Davidson', 'a professor at Johns Hopkins') is the organisation. Nouns in ext/data/affiliation_nouns.txt.
  for (size_t i = 1; i < n;) {
    if (tags[i] == ner::O) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < n && tags[j] != ner::O && !ner::tag_begins(tags[j])) ++j;
    const int ty = ner::tag_type(tags[i]);
    // 'at X', 'at the X'
    const size_t at = i >= 2 && f[i - 1] == "the" && !starts[i - 1] ? i - 2 : i - 1;
    bool candidate = (ty == 1 || ty == 3) && f[at] == "at" && !starts[i] && !starts[at];
    // A place tagger's guess counts too when no word of it is a known
    // place ('at Johns Hopkins'; not 'at Oxford').
    for (size_t k = i; candidate && ty == 3 && k < j; ++k) candidate = !is_place_word(k);
    if (candidate) {
      for (size_t k = at; k-- > 0 && at - k <= 4;) {
        if (is_affiliation_noun(f[k])) {
          set_span(tags, i, j, 2);
          retyped = true;
          break;
        }
        if (starts[k] || f[k] == "," || f[k] == ";") break;
      }
    }
    i = j;
  }

  // d4. a person taken for an organisation: a name of two or three
  // capitalised words tagged ORG, with no company or institution word, no
  // CamelCase and no suffix ('since Elon Musk promised'), whose last word
  // the article uses alone ('Musk wrote'), is a person: news shortens a
  // person to the surname and a company to its first word ('Wedbush').
  {
    std::vector<std::pair<size_t, size_t>> spans;
    for (size_t i = 0; i < n;) {
      size_t j = i + 1;
      while (j < n && tags[j] != ner::O && !ner::tag_begins(tags[j])) ++j;
      // Not after 'the' ('the Philadelphia Eagles'), not opening with a
      // function word ('Before Levy').
      bool cand = tags[i] != ner::O && ner::tag_type(tags[i]) == 2 && (j - i == 2 || j - i == 3) &&
                  (i == 0 || f[i - 1] != "the") && !is_title_case_function_word(f[i]) && !is_phrase_opener(f[i]);
      for (size_t k = i; cand && k < j; ++k)
        cand = cap(k) && letter(k) && w[k].size() > 1 && has_lower_cp(w[k]) && !camel(k) &&
               !is_org_head(f[k]) && !is_company_head(f[k]) && !is_corp_suffix(f[k]) && !is_role_word(f[k]) &&
               !is_month_or_weekday(f[k]) && !is_place_word(k);
      if (cand) spans.emplace_back(i, j);
      i = j;
    }
    // (At most 64 candidates, so the flat list below stays linear in the
    // words on any input, a table of company names included.)
    if (!spans.empty() && spans.size() <= 64) {
      // Lone capitalised uses of each candidate's last word.
      // (A few candidates per article: a flat list, compared by length first.)
      constexpr uint16_t kNever = 0xFFFF;
      std::vector<std::pair<std::string_view, uint16_t>> alone;
      for (const auto &sp : spans) alone.emplace_back(f[sp.second - 1], 0);
      auto find_alone = [&](std::string_view x) {
        for (auto &a : alone)
          if (a.first.size() == x.size() && a.first == x) return &a;
        return static_cast<std::pair<std::string_view, uint16_t> *>(nullptr);
      };
      for (size_t i = 0; i < n; ++i) {
        if (!cap(i)) continue;
        auto *it = find_alone(f[i]);
        if (!it) continue;
        const bool in_span = (tags[i] != ner::O && !ner::tag_begins(tags[i])) ||
                             (i + 1 < n && tags[i] != ner::O && tags[i + 1] != ner::O && !ner::tag_begins(tags[i + 1]) &&
                              !is_possessive(f[i + 1]));
        const bool mid = !starts[i] || (i + 1 < n && is_reporting_verb(f[i + 1]));
        if (in_span || !mid || it->second == kNever) continue;
        // 'the Eagles': a team or a company, never a person.
        it->second = i > 0 && f[i - 1] == "the" ? kNever : it->second + 1;
      }
      for (const auto &[i, j] : spans) {
        const uint16_t a = find_alone(f[j - 1])->second;
        if (a > 0 && a != kNever) set_span(tags, i, j, 1);
      }
    }
  }

  // e. consistency of single-word names.
  struct Votes {
    uint16_t by[5] = {};
    uint8_t strong = 0;   // type from a cue or the shape
    bool org_head = false; // first word of a longer organisation name
    bool company = false;  // ... whose other words are company words ('Cerebras Systems')
    bool surname = false;  // last word of a longer person's name ('Cook' of 'Tim Cook')
    bool named_first = false; // ... which came before any lone mention of it
    std::string_view given;   // ... and that name's first word
    bool given_name = false;  // first word of a longer person's name ('Elon' of 'Elon Musk')
    bool spokes_org = false;  // an organisation's cue that fits a person too ('X spokesman')
    bool given_common = false; // the surname's full name opens with a word known only as a common word
    int resolved = 0;
  };
  std::unordered_map<std::string_view, Votes> votes;
  for (size_t i = 0; i < n;) {
    if (tags[i] == ner::O) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < n && tags[j] != ner::O && !ner::tag_begins(tags[j])) ++j;
    const int ty = ner::tag_type(tags[i]);
    if (j - i == 1 || (j - i == 2 && is_possessive(f[i + 1]))) {
      Votes &v = votes[f[i]];
      ++v.by[ty];
      int c = cue(i);
      // People have spokesmen too ('Clinton spokesman Nick Merrill'): that
      // cue decides only for a word that is no person's surname here.
      const size_t nw = next_word(i);
      const bool spokes = c == 2 && nw < n && ascii_in(f[nw], {"spokesman", "spokeswoman", "spokesperson"});
      if (spokes) v.spokes_org = true;
      else if (c == 2 || c == 3) v.strong = static_cast<uint8_t>(c);
      else if (ty == 2 && camel(i) && !v.strong) v.strong = 2;
    } else if (ty == 1 && !is_org_head(f[is_possessive(f[j - 1]) ? j - 2 : j - 1])) {
      // Only a full name before any lone mention: news names a person in
      // full first ('Amara Okonkwo-Reid', then 'Okonkwo-Reid expects').
      Votes &v = votes[f[is_possessive(f[j - 1]) ? j - 2 : j - 1]];
      if (!v.surname) {
        v.surname = true;
        v.named_first = !v.by[1] && !v.by[2] && !v.by[3] && !v.by[4];
        v.given = f[i];
        v.given_common = ner::Gazetteer::only_common_word(gaz_class(i)); // 'State Twitter': no given name
      }
      if (j - i == 2 || (j - i == 3 && is_possessive(f[j - 1]))) votes[f[i]].given_name = true;
    } else if (ty == 2 || (ty != 4 && is_org_head(f[is_possessive(f[j - 1]) ? j - 2 : j - 1]))) {
      // (A name ending in an organisation's head word is one whatever the
      // tagger said: 'Brightwater Analytics' as a person; step 4 retypes it.)
      Votes &v = votes[f[i]];
      v.org_head = true;
      bool company = true;
      for (size_t k = i + 1; k < j && company; ++k) company = is_company_head(f[k]) && f[k] != "ai";
      v.company |= company;
    }
    i = j;
  }
  bool any = false;
  for (auto &[key, v] : votes) {
    int best = 0;
    for (int t = 1; t <= 4; ++t)
      if (v.by[t] > v.by[best] || best == 0) best = v.by[t] ? t : best;
    if (!v.strong && v.spokes_org && !(v.surname && !v.given_common)) v.strong = 2; // no person here
    if (v.strong) best = v.strong;
    // 'Donald Trump' ... 'Trump University', 'Trump Organization' ...
    // 'Trump said': a person's surname that also opens organisations named
    // after the person (no company words: not 'Dell' of 'Dell
    // Technologies') is the person when alone.
    else if (v.surname && v.org_head && !v.company) best = 1;
    // 'Brightwater' of 'Brightwater Analytics'; taken for a place, only the
    // first word of a company's name ('Cerebras' of 'Cerebras Systems', not
    // 'Seattle' of 'Seattle Mariners'; a known place keeps its type below).
    else if (v.org_head && ((v.by[1] > 0 && v.by[3] == 0) || ((v.by[3] > 0 || v.by[4] > 0) && v.company))) best = 2;
    // 'Apple CEO Tim Cook ... Cook blamed': the tagger took the lone surname
    // for the organisation it stood next to; without a cue it is the
    // person. Taken for a place or MISC, only when the full name came first
    // ('Amara Okonkwo-Reid', then 'Okonkwo-Reid expects'). Not when the
    // name's first word is a person's name alone elsewhere: 'Lebed
    // Chechnya' of a headline is two names.
    // A person's first name alone taken for an organisation ('I think Elon
    // will get there').
    else if (v.given_name && !v.org_head && v.by[2] > 0 && v.by[1] == 0 && v.by[3] == 0 && v.by[4] == 0) best = 1;
    // Untagged, capitalised mid-sentence: the surname ('Musk wrote', 'musk'
    // being a common word), when the full name came first.
    else if (v.surname && v.named_first && !v.org_head && !v.by[1] && !v.by[2] && !v.by[3] && !v.by[4]) best = 1;
    else if (v.surname && !v.org_head &&
             ((v.by[2] > 0 && v.by[3] == 0 && v.by[4] == 0) || ((v.by[3] > 0 || v.by[4] > 0) && v.named_first))) {
      // (Taken for a place: not when the first word is a person alone
      // elsewhere, 'Lebed Chechnya' of a headline being two names. Taken
      // for an organisation, the person whatever: 'Bernie' and 'Sanders's
      // spokesman'.)
      auto g = votes.find(v.given);
      if (g == votes.end() || g->second.by[1] == 0 || (v.by[3] == 0 && v.by[4] == 0)) best = 1;
      else v.surname = false;
    } else if (v.surname && !v.org_head && v.by[2] >= 2 * (v.by[3] + v.by[4]) && v.by[2] > 0) {
      // Mostly taken for an organisation, once or twice for a place
      // ('Sanders's campaign manager' and 'Is Sanders …' of a headline),
      // the given name never alone: the person.
      auto g = votes.find(v.given);
      if (g == votes.end() || g->second.by[1] == 0) best = 1;
    }
    if (best == 0 || (v.by[best] == 0 && !v.strong && best != 2 && !(best == 1 && (v.surname || v.given_name))))
      continue;
    v.resolved = best;
    any = true;
  }
  for (size_t i = 0; any && i < n; ++i) {
    const bool poss = i + 1 < n && tags[i] != ner::O && tags[i + 1] != ner::O && !ner::tag_begins(tags[i + 1]) &&
                      is_possessive(f[i + 1]);
    const bool single = (tags[i] == ner::O) ||
                        (ner::tag_begins(tags[i]) &&
                         (poss || i + 1 >= n || tags[i + 1] == ner::O || ner::tag_begins(tags[i + 1])));
    if (!single || !cap(i)) continue;
    auto it = votes.find(f[i]);
    if (it == votes.end() || it->second.resolved == 0) continue;
    const Votes &v = it->second;
    const int ty = ner::tag_type(tags[i]);
    if (ty == v.resolved || w[i].size() < 2) continue;
    // A known place keeps its type; a region's name that is only otherwise
    // a common word does not ('Meta' of Colombia, 'Meta's turnover').
    if (v.resolved == 2 && ty == 3 && is_place_word(i)) {
      const uint32_t c = gaz_class(i);
      if ((c & (ner::Gazetteer::Country | ner::Gazetteer::City | ner::Gazetteer::ProperNoun)) ||
          !(c & ner::Gazetteer::CommonWord))
        continue;
    }
    if (ty == 0) {
      // Untagged: only a word that is not a common word, or strong evidence.
      if (is_role_word(f[i]) || is_month_or_weekday(f[i])) continue;
      if (!v.strong && !camel(i) && is_common(i) && !(v.resolved == 1 && v.surname && !starts[i])) continue;
      if (i + 1 < n && tags[i + 1] != ner::O && !ner::tag_begins(tags[i + 1])) continue;
      // A capitalised word right before a name is probably part of it.
      if (i + 1 < n && tags[i + 1] == ner::O && cap(i + 1) && !starts[i + 1]) continue;
      if (i > 0 && !starts[i] && tags[i - 1] == ner::O && cap(i - 1)) continue;
    } else if (!v.strong && !v.org_head && !v.surname && !v.given_name && v.by[ty] * 2 >= v.by[v.resolved]) {
      continue; // no clear majority
    }
    set_span(tags, i, i + 1 + poss, v.resolved);
    retyped = true;
  }

  if (retyped) coordinate();

  // g1. 'Food and Drug Administration', 'Securities and Exchange
  // Commission': a capitalised common word, 'and', and a name ending in an
  // institution's head word are one organisation (not 'Google and Microsoft
  // Research': 'Google' is no common word).
  for (size_t i = 0; i + 3 < n; ++i) {
    if (f[i + 1] != "and" || starts[i + 1] || !is_cap_word(w[i]) || !is_cap_word(w[i + 2]) || starts[i + 2] ||
        (i > 0 && !starts[i] && is_cap_word(w[i - 1]) && !is_phrase_opener(f[i - 1])) || !is_common(i) ||
        (gaz_class(i) & ner::Gazetteer::Org))
      continue;
    size_t j = i + 3;
    while (j < n && j - i < 6 && !starts[j] && is_cap_word(w[j])) ++j;
    if (!is_org_head(f[j - 1]) || (j < n && is_cap_word(w[j]) && !starts[j])) continue;
    set_span(tags, i, j, 2);
    i = j - 1;
  }

  // g2. 'Brennan Center for Justice', 'Council on Foreign Relations': an
  // organisation ending in an institution's head word goes on through
  // 'for' or 'on' and the capitalised words after it ('and', 'the', 'of'
  // inside: 'Centers for Disease Control and Prevention'). A place's name
  // with the head word is such an organisation too ('Edinburgh Centre for
  // Machine Evaluation', the tagger's GPE and PERSON).
  for (size_t i = 0; i + 2 < n; ++i) {
    const int ty = ner::tag_type(tags[i]);
    if ((ty != 2 && (ty != 3 || ner::tag_begins(tags[i]))) || (f[i + 1] != "for" && f[i + 1] != "on")) continue;
    const bool head = is_org_head(f[i]) || f[i] == "center" || f[i] == "centre" || f[i] == "centers";
    if (!head || tags[i + 1] != ner::O || starts[i + 1] ||
        (ty == 2 && i + 2 < n && tags[i + 2] != ner::O && ner::tag_begins(tags[i + 2]) && ner::tag_type(tags[i + 2]) == 1))
      continue;
    size_t e = i + 2;
    if (e < n && f[e] == "the" && !starts[e]) ++e;
    size_t last = 0;
    for (size_t k = e; k < n && k - i <= 8 && !starts[k]; ++k) {
      if (is_cap_word(w[k]) && is_letter(w[k][0]) && !is_month_or_weekday(f[k])) {
        last = k + 1;
        continue;
      }
      if ((f[k] == "and" || f[k] == "of" || f[k] == "the") && k + 1 < n && is_cap_word(w[k + 1])) continue;
      break;
    }
    if (!last) continue;
    if (ty == 3) set_span(tags, span_begin(i), last, 2);
    for (size_t k = i + 1; k < last; ++k) tags[k] = ner::I_ORG;
    i = last - 1;
  }

  // f. 'OpenAI, Inc.'
  for (size_t i = 0; i + 1 < n; ++i) {
    // The last word of an organisation ('OpenAI', 'Apple' of 'Apple Inc.').
    if (ner::tag_type(tags[i]) != 2 || (tags[i + 1] != ner::O && !ner::tag_begins(tags[i + 1]))) continue;
    size_t k = i + 1;
    if (f[k] == "," && tags[k] == ner::O && k + 1 < n) ++k;
    // The suffix untagged, or tagged an organisation of its own ('OpenAI,
    // Inc. and OpenAI': 'Inc.' alone as B-ORG).
    const bool alone = tags[k] == ner::O || (ner::tag_begins(tags[k]) && ner::tag_type(tags[k]) == 2 &&
                                            (k + 1 >= n || tags[k + 1] == ner::O || ner::tag_begins(tags[k + 1])));
    if (!is_corp_suffix(f[k]) || !cap(k) || !alone) continue;
    for (size_t m = i + 1; m <= k; ++m) tags[m] = ner::I_ORG;
  }

  // h. Names the tagger breaks at punctuation, found from their rare
  // marks (one test per word, the cheapest first):
  //   'Halden & Rowe', 'Procter & Gamble': capitalised words joined by '&'
  //   are one organisation (with the spans they stand in);
  //   'St. Brigid's Hospital', 'King's College': a possessive name before
  //   an institution's head word is that institution;
  //   '3rd Street', '42nd Avenue West': an ordinal before a street's head
  //   word is a street (a place);
  //   'J. R. Whitfield': a person of initials only before a person is one
  //   person with it, and so is a one-word person before a person opening
  //   with an initial ('Donald' + 'J. Trump').
  static const WordSet &kStreetHeads = entity_words("street_head");
  for (size_t i = 1; i + 1 < n; ++i) {
    const std::string_view x = f[i];
    if (x.size() == 1 && x[0] == '&') {
      if (!cap(i - 1) || !letter(i - 1) || !cap(i + 1) || !letter(i + 1) || starts[i] || starts[i + 1] ||
          (starts[i - 1] && is_common(i - 1))) // not 'Sales & Marketing is'
        continue;
      size_t b = tags[i - 1] != ner::O ? span_begin(i - 1) : i - 1;
      size_t e = tags[i + 1] != ner::O && ner::tag_begins(tags[i + 1]) ? span_end(i + 1) : i + 2;
      set_span(tags, b, e, 2);
      i = e - 1;
    } else if (x.size() == 2 && x[0] == '\'' && x[1] == 's') {
      if (!cap(i - 1) || !letter(i - 1) || !cap(i + 1) || starts[i + 1] || !is_org_head(f[i + 1]) ||
          is_corp_suffix(f[i + 1]))
        continue;
      size_t b = i - 1;
      while (b > 0 && !starts[b] && cap(b - 1) && letter(b - 1) && (!starts[b - 1] || f[b - 1] == "st." ||
                                                                     f[b - 1] == "st" || f[b - 1] == "saint"))
        --b;
      if (b == i - 1 && starts[b] && is_common(b)) continue; // 'Today's Board'
      set_span(tags, b, i + 2, 2);
      // what the tagger's span held after it: not its lower-case words, and
      // after 'in' a place ('St. Brigid's Hospital in Carrow')
      size_t k = i + 2;
      while (k < n && tags[k] != ner::O && !cap(k)) tags[k++] = ner::O;
      if (k > i + 2 && k < n && tags[k] != ner::O && !ner::tag_begins(tags[k]))
        set_span(tags, k, span_end(k), f[k - 1] == "in" ? 3 : ner::tag_type(tags[k]));
      i += 1;
    } else if (w[i][0] >= '0' && w[i][0] <= '9' && x.size() >= 3 && cap(i + 1) && kStreetHeads.has(f[i + 1])) {
      const std::string_view suf = x.substr(x.size() - 2);
      if (suf != "st" && suf != "nd" && suf != "rd" && suf != "th") continue;
      size_t e = i + 2;
      if (e < n && !starts[e] && cap(e) && is_compass(f[e])) ++e;
      set_span(tags, i, e, 3);
      i = e - 1;
    }
  }
  for (size_t i = 0; i + 1 < n; ++i) {
    if (!ner::tag_begins(tags[i])) continue;
    // 'King Street West' where the tagger began at 'Street': the word before
    // is the street's name.
    if (i > 0 && tags[i - 1] == ner::O && cap(i) && cap(i - 1) && letter(i - 1) && !starts[i - 1] && !starts[i] &&
        kStreetHeads.has(f[i])) {
      const size_t e = span_end(i);
      set_span(tags, i - 1, e, 3);
      i = e - 1;
      continue;
    }
    // 'The Washington Post columnist': a place and a newspaper's word are
    // the paper, whatever the tagger said.
    if (!starts[i] || i == 0) {
      const size_t e = span_end(i);
      static const WordSet &kPapers = entity_words("newspaper_head");
      if (e - i >= 2 && e - i <= 3 && ner::tag_type(tags[i]) != 2 && kPapers.has(f[e - 1]) &&
          known_place(gaz, w, i, e - 1)) {
        set_span(tags, i, e, 2);
        i = e - 1;
        continue;
      }
    }
    // 'Secretary of State Hillary Clinton' tagged from 'State': the
    // department's word is the title's, not the name's.
    if (i >= 2 && f[i - 1] == "of" && is_role_word(f[i - 2]) && span_end(i) - i >= 3 && cap(i + 1) &&
        ascii_in(f[i], {"state", "defense", "defence", "commerce", "energy", "labor", "labour", "treasury", "health",
                        "education", "transportation", "agriculture", "interior", "justice", "homeland"})) {
      const size_t e = span_end(i);
      tags[i] = ner::O;
      set_span(tags, i + 1, e, 1);
      i = e - 1;
      continue;
    }
    // 'San' + 'Joaquin Valley', 'Fort' + 'Worth': a place's first word the
    // tagger left on its own belongs to the name after it.
    if (ner::tag_type(tags[i]) == 3 && span_end(i) == i + 1 && i + 1 < n && ner::tag_begins(tags[i + 1]) &&
        !starts[i + 1] && ascii_in(f[i], {"san", "santa", "los", "las", "fort", "mount", "st.", "saint"})) {
      const size_t e = span_end(i + 1);
      set_span(tags, i, e, ner::tag_type(tags[i + 1]) == 2 ? 2 : 3);
      i = e - 1;
      continue;
    }
    // 'the California Farm Bureau Federation', tagged from 'Bureau': an
    // institution's name that opens with a common word takes the untagged
    // capitalised words before it (not 'Company Name Homegate Hospitality').
    // (The word before may end another span when it is a common word and
    // no place: 'California Farm' tagged a place.)
    // (A person's span ending in the head word is one too: step 4 retypes it.)
    if ((ner::tag_type(tags[i]) == 2 || (ner::tag_type(tags[i]) == 1 && is_org_head(f[span_end(i) - 1]))) && i > 0 &&
        !starts[i] && cap(i - 1) && letter(i - 1) && !starts[i - 1] &&
        (tags[i - 1] == ner::O || (ner::tag_type(tags[i - 1]) != 2 && is_common(i - 1) && !is_place_word(i - 1))) &&
        is_common(i) && has_lower_cp(w[i])) {
      const size_t e = span_end(i);
      if (is_org_head(f[e - 1]) && !is_role_word(f[i - 1]) && !is_month_or_weekday(f[i - 1]) &&
          !is_phrase_opener(f[i - 1]) && !is_title_word(f[i - 1])) {
        size_t b = i - 1;
        if (b > 0 && tags[b - 1] == ner::O && cap(b - 1) && letter(b - 1) && !starts[b - 1] &&
            !is_role_word(f[b - 1]) && !is_phrase_opener(f[b - 1]) && !is_title_word(f[b - 1]))
          --b;
        set_span(tags, b, e, 2);
        i = e - 1;
        continue;
      }
    }
    if (ner::tag_type(tags[i]) != 1) continue;
    const size_t e = span_end(i);
    // 'Defense Secretary Ash Carter' with 'Ash', a common word, left out:
    // between a title and a one-word person, a capitalised word is the
    // given name.
    if (e == i + 1 && i >= 2 && tags[i - 1] == ner::O && cap(i - 1) && letter(i - 1) && !starts[i - 1] &&
        is_title_word(f[i - 2]) && !is_title_word(f[i - 1]) && !is_role_word(f[i - 1]) &&
        !is_month_or_weekday(f[i - 1]))
      set_span(tags, i - 1, e, 1);
    // 'Tyson in Las Vegas', 'Rubio in New Hampshire' as one person: the
    // person, and after 'in' or 'at' a known place.
    {
      size_t k = i + 1;
      while (k + 1 < e && f[k] != "in" && f[k] != "at") ++k;
      if (k + 1 < e && e - (k + 1) <= 2 && known_place(gaz, w, k + 1, e)) {
        set_span(tags, i, k, 1);
        tags[k] = ner::O;
        set_span(tags, k + 1, e, 3);
        i = e - 1;
        continue;
      }
    }
    // A person right after this one: it joins it when this one is initials
    // only ('J. R.' + 'Whitfield'), or one word before a middle initial
    // ('Donald' + 'J. Trump'; then the name after the initial may have any
    // type: 'George' + 'W. Bush' as an organisation).
    auto initial = [&](size_t k) { return w[k].size() == 2 && is_upper(w[k][0]) && w[k][1] == U'.'; };
    if (e < n && ner::tag_begins(tags[e]) && !starts[e]) {
      const size_t e2 = span_end(e);
      bool initials = ner::tag_type(tags[e]) == 1;
      for (size_t k = i; initials && k < e; ++k) initials = initial(k);
      const bool middle_initial = e == i + 1 && e2 > e + 1 && initial(e);
      if (initials || middle_initial) {
        set_span(tags, e, e2, 1);                             // whatever its type, a person's words
        tags[e] = static_cast<uint8_t>(begin_tag(1) + 1); // ... that go on this person
      }
    }
    i = e - 1;
  }
}

namespace {

// Organisations' short forms within one article, narrower than a person's
// (NameIndex keeps other types as given: 'Microsoft' is not 'Microsoft
// Research'). A one-word organisation resolves to the single longer
// organisation of the article that is
//   - the word followed only by company words ('Cerebras' -> 'Cerebras
//     Systems', 'Larkspur' -> 'Larkspur Labs'; not 'Google DeepMind'), or
//   - for a word that heads organisations' names, the one name ending in
//     it ('the Commission' -> 'European Commission'; none when the article
//     also names the 'Data Protection Commission').
// Linear in the mentions: each long name is indexed by its first and last
// word.
void resolve_org_short_forms(std::vector<EntityMention> &out) {
  // word -> the one longer entity it may stand for; nullptr once two differ.
  std::unordered_map<std::string, const std::string *> first, last;
  auto note = [](std::unordered_map<std::string, const std::string *> &map, const std::string &key,
                 const std::string &entity) {
    auto [it, fresh] = map.emplace(key, &entity);
    if (!fresh && it->second && *it->second != entity) it->second = nullptr;
  };
  std::unordered_set<std::string> own;
  std::vector<std::string> words;
  auto split = [&](const std::string &name) {
    words.clear();
    std::string f = fold_for_match(name);
    size_t a = 0;
    while (a <= f.size()) {
      size_t b = f.find(' ', a);
      if (b == std::string::npos) b = f.size();
      if (b > a) words.push_back(f.substr(a, b - a));
      a = b + 1;
    }
  };
  bool any_single = false;
  for (const EntityMention &m : out) {
    if (m.type != "ORG" || m.value) continue;
    split(m.entity);
    if (words.size() < 2) {
      any_single = true;
      // A longer name that an alias made this word ('Meta Platforms' ->
      // 'Meta') says the word is its own name here.
      if (m.mention.find(' ') != std::string::npos) own.insert(words[0]);
      continue;
    }
    // 'AI' ends products as often as companies ('Meta AI').
    bool company = true;
    for (size_t k = 1; k < words.size(); ++k) company &= is_company_head(words[k]) && words[k] != "ai";
    if (company) note(first, words[0], m.entity);
    if (is_org_head(words.back())) note(last, words.back(), m.entity);
  }
  if (!any_single || (first.empty() && last.empty())) return;
  for (EntityMention &m : out) {
    // One word as written ('Meta Platforms' is 'Meta' by an alias and is
    // no short form of 'Meta AI').
    if (m.type != "ORG" || m.value || m.mention.find(' ') != std::string::npos) continue;
    split(m.entity);
    if (words.size() != 1 || own.count(words[0])) continue;
    const std::string *to = nullptr;
    auto f = first.find(words[0]);
    if (f != first.end()) to = f->second;
    if (!to && is_org_head(words[0])) {
      auto l = last.find(words[0]);
      if (l != last.end()) to = l->second;
    }
    if (to) m.entity = *to;
  }
}

// An acronym the article defines ('the European Heat Pump Association
// (EHPA)', 'Food and Drug Administration (FDA)'): a name in capitals right
// after an organisation's name in parentheses, whose letters are the
// initials of that name's capitalised words, stands for it everywhere in the
// article. One pass over the mentions and one over their entities.
void resolve_defined_acronyms(std::u32string_view text, std::vector<EntityMention> &out) {
  std::unordered_map<std::string, size_t> defined; // acronym entity -> the long mention
  for (size_t k = 0; k + 1 < out.size(); ++k) {
    const EntityMention &a = out[k], &b = out[k + 1];
    if (a.value || b.value || a.type != "ORG" || a.span.end + 2 != b.span.start || text[a.span.end] != ' ' ||
        text[a.span.end + 1] != '(' || b.span.end >= text.size() || text[b.span.end] != ')')
      continue;
    const std::u32string_view acr = text.substr(b.span.start, b.span.size());
    if (acr.size() < 2 || acr.size() > 8 || !std::all_of(acr.begin(), acr.end(), [](char32_t c) { return is_upper(c); }))
      continue;
    // The initials of the long name's capitalised words.
    std::u32string initials;
    const std::u32string_view name = text.substr(a.span.start, a.span.size());
    for (size_t i = 0; i < name.size(); ++i)
      if ((i == 0 || name[i - 1] == ' ' || name[i - 1] == '-') && is_upper(name[i])) initials.push_back(name[i]);
    if (initials == acr) defined.emplace(b.entity, k);
  }
  if (defined.empty()) return;
  for (EntityMention &m : out) {
    if (m.value) continue;
    auto d = defined.find(m.entity);
    if (d == defined.end()) continue;
    m.entity = out[d->second].entity;
    m.type = out[d->second].type;
  }
}

} // namespace

size_t person_name_end(const std::vector<std::u32string_view> &w, const std::vector<std::string_view> &f, size_t b,
                       size_t e, size_t *next) {
  *next = 0;
  for (size_t k = b + 1; k + 1 < e; ++k) {
    if (!is_lower(w[k][0]) || !ascii_in(f[k], {"in", "at", "on", "upon", "and", "or"})) continue;
    if (f[k] == "and" || f[k] == "or") *next = k + 1;
    return k;
  }
  return e;
}

std::vector<EntityMention> extract_entities(const Document &doc, const AliasMap &aliases,
                                            const std::string &published) {
  const Lexicons &lex = Lexicons::get();
  const Tagger &tagger = Tagger::builtin();
  const std::u32string_view text(doc.text);

  // 1. Tagger words and labels.
  TaggedDoc td;
  ner::Input in;
  if (doc.sentences.empty()) {
    ner::split_words(text, 0, static_cast<uint32_t>(text.size()), td.words);
    td.starts.assign(td.words.size(), 0);
    if (!td.starts.empty()) td.starts[0] = 1;
  } else {
    td.words.reserve(text.size() / 4); // about one word per five characters in news
    for (const Sentence &s : doc.sentences) {
      size_t before = td.words.size();
      ner::split_words(text, s.start, s.end, td.words);
      td.starts.resize(td.words.size(), 0);
      if (td.words.size() > before) {
        // A sentence split after an initial or abbreviation ('S. Waugh',
        // 'Gen. Smith') does not cut a name for the tagger.
        bool after_abbr = false;
        if (before > 0) {
          const Span &p = td.words[before - 1];
          if (p.size() > 1 && text[p.end - 1] == '.' && is_upper(text[td.words[before].start]))
            after_abbr = (p.size() == 2 && is_upper(text[p.start])) ||
                         is_title_word(lower_utf8(text.substr(p.start, p.size())));
        }
        td.starts[before] = after_abbr ? 0 : 1;
      }
    }
  }
  in.words.resize(td.words.size());
  for (size_t i = 0; i < td.words.size(); ++i)
    in.words[i] = std::u32string_view(text.data() + td.words[i].start, td.words[i].size()); // spans lie in text
  in.sentence_start = td.starts;
  td.tags = tagger.tag(in);
  {
    std::vector<uint32_t> ends;
    ends.reserve(td.words.size());
    td.folded_text.resize(text.size()); // ASCII folds keep the words' lengths
    size_t at = 0;
    for (const Span &w : td.words) {
      at = put_folded(text.substr(w.start, w.size()), td.folded_text, at);
      ends.push_back(static_cast<uint32_t>(at));
    }
    td.folded_text.resize(at);
    td.folded.reserve(td.words.size());
    uint32_t from = 0;
    for (uint32_t e : ends) {
      td.folded.push_back(std::string_view(td.folded_text).substr(from, e - from));
      from = e;
    }
  }
  // 1b. Document-level corrections of the tagger's names.
  document_name_pass(in.words, td.folded, td.starts, td.tags, tagger.gazetteer());

  std::vector<Raw> raw;

  // 2. Values.
  for (const Sentence &s : doc.sentences) {
    std::u32string_view st = text.substr(s.start, s.end - s.start);
    // Dates need a year (find_date); skip the byte conversion without one.
    std::string utf8 = may_hold_date(st) ? encode_utf8(st) : std::string();
    // byte offset -> code point offset within the sentence
    std::vector<uint32_t> cp_at(utf8.size() + 1, 0);
    {
      uint32_t cp = 0;
      for (size_t b = 0; b < utf8.size(); ++b) {
        cp_at[b] = cp;
        if ((static_cast<unsigned char>(utf8[b]) & 0xC0) != 0x80) cp_at[b] = cp++;
      }
      cp_at[utf8.size()] = cp;
      // continuation bytes map to the following code point boundary
      for (size_t b = 0; b < utf8.size(); ++b)
        if ((static_cast<unsigned char>(utf8[b]) & 0xC0) == 0x80) cp_at[b] = cp_at[b - 1] + 1;
    }
    size_t pos = 0;
    while (pos < utf8.size()) {
      size_t b = 0, e = 0;
      auto iso = find_date(std::string_view(utf8).substr(pos), &b, &e);
      if (!iso || e == 0) break;
      Raw r;
      r.start = s.start + cp_at[pos + b];
      r.end = s.start + cp_at[pos + e];
      r.type = "DATE";
      r.value = *iso;
      r.priority = 3;
      if (r.end > r.start) raw.push_back(std::move(r));
      pos += e;
    }
    for (const Quantity &q : find_quantities(st)) {
      Raw r;
      r.start = s.start + q.start;
      r.end = s.start + q.end;
      r.priority = 3;
      if (q.kind == QuantityKind::Money) {
        r.type = "MONEY";
      } else if (q.kind == QuantityKind::Percent) {
        r.type = "PERCENT";
      } else if (is_year_like(q, st)) {
        // 'in 2024', 'since 2019': a year is a DATE after these words.
        size_t k = q.start;
        while (k > 0 && st[k - 1] == ' ') --k;
        size_t j = k;
        while (j > 0 && is_letter(st[j - 1])) --j;
        std::string prev = lower_utf8(st.substr(j, k - j));
        static const WordSet &kYearBefore = entity_words("year_prepositions");
        if (!kYearBefore.has(prev)) continue;
        r.type = "DATE";
        r.value = encode_utf8(st.substr(q.start, 4));
        raw.push_back(std::move(r));
        continue;
      } else {
        continue;
      }
      r.value = format_quantity(q);
      raw.push_back(std::move(r));
    }
  }

  // 3. Products from the lexicon, with their version words.
  const size_t n = td.words.size();
  std::vector<uint8_t> product_at(n, 0);
  std::string family;
  // A one-word product that is the family name of a person the article
  // names in full is the person ('Morton Blackwell ... Blackwell said').
  std::vector<std::string_view> family_names;
  for (size_t i = 0; i + 1 < n; ++i) // the last word of a person's span of two words or more
    if (ner::tag_type(td.tags[i]) == 1 && td.tags[i + 1] == ner::I_PER && (i + 2 >= n || td.tags[i + 2] != ner::I_PER))
      family_names.push_back(td.folded[i + 1]);
  for (size_t i = 0; i < n; ++i) {
    size_t best = 0;
    const std::string_view fw = td.folded[i];
    size_t a = 0; // the word's leading letters
    while (a < fw.size() && static_cast<unsigned>(static_cast<unsigned char>(fw[a]) - 'a') < 26u) ++a;
    // A family's name with its version glued on: 'Qwen2.5-Max', 'Phi-4',
    // 'GPT-4.1' (letters, then a digit or '-' and a digit).
    {
      const auto digit = [&](size_t k) { return k < fw.size() && fw[k] >= '0' && fw[k] <= '9'; };
      if (a >= 2 && (digit(a) || (a < fw.size() && fw[a] == '-' && digit(a + 1)))) {
        family.assign(fw.substr(0, a));
        if (lex.products.count(family) || lex.glued_only.count(family)) best = 1;
      }
    }
    // A product's first word is this word's ('gpt-4o', 'claude 3.5'). (A
    // folded word holds a space only after NFKC: an inline scan, no memchr.)
    if (!best) {
      size_t sp = a; // (no space among the leading letters)
      while (sp < fw.size() && fw[sp] != ' ') ++sp;
      if (!lex.may_start_product(fw.substr(0, sp))) continue;
    }
    std::string phrase;
    for (size_t len = 1; len <= lex.product_words && i + len <= n; ++len) {
      if (len > 1) phrase += ' ';
      phrase += td.folded[i + len - 1];
      if (lex.products.count(phrase)) best = len;
    }
    if (!best) continue;
    if (best == 1 && std::find(family_names.begin(), family_names.end(), fw) != family_names.end()) continue;
    // Needs a capital or digit: 'windows', 'chrome' in lower case are words.
    std::u32string_view first = in.words[i];
    bool marked = false;
    for (char32_t c : first) marked |= is_upper(c) || is_digit(c);
    if (!marked) continue;
    size_t j = i + best;
    while (j < n && !td.starts[j] && is_version_word(in.words[j], td.folded[j])) ++j;
    Raw r;
    r.start = td.words[i].start;
    r.end = td.words[j - 1].end;
    r.type = "PRODUCT";
    r.priority = 2;
    raw.push_back(std::move(r));
    for (size_t k = i; k < j; ++k) product_at[k] = 1;
    i = j - 1;
  }
  // Model codes next to an organisation, a product or a product word.
  for (size_t i = 0; i < n; ++i) {
    if (product_at[i] || !may_be_model_code(in.words[i]) || !is_model_code(in.words[i], td.folded[i])) continue;
    size_t p = i;
    while (p > 0 && (td.folded[p - 1] == "'s" || td.folded[p - 1] == "the" || td.folded[p - 1] == "its" ||
                     td.folded[p - 1] == "new"))
      --p;
    bool cue = (p > 0 && p < i && (ner::tag_type(td.tags[p - 1]) == 2 || product_at[p - 1])) ||
               (i > 0 && ner::tag_type(td.tags[i - 1]) == 2) ||
               (i + 1 < n && is_product_cue(td.folded[i + 1])) ||
               (i > 0 && is_product_cue(td.folded[i - 1]));
    if (!cue) continue;
    Raw r;
    r.start = td.words[i].start;
    r.end = td.words[i].end;
    r.type = "PRODUCT";
    r.priority = 2;
    raw.push_back(std::move(r));
  }

  // Who makes a product: 'Meta's Llama', 'Anthropic's Claude' (the tagger
  // took them for a person or nothing) and 'Microsoft Copilot' (one name
  // with the product) give the maker as an ORG of its own, and so does
  // the name mid-sentence right before 'released', 'launched' … and the
  // product ('after Anthropic released Claude 3.7 Sonnet': 'anthropic' is
  // a common word). A name the tagger reads as a place stays one when it is
  // a known place ('China's R1'; not 'Alibaba's Qwen2.5-Max').
  for (size_t p = 1; p < n; ++p) {
    if (!product_at[p] || product_at[p - 1] || td.starts[p]) continue;
    size_t e = p; // the maker's words end before e
    bool launch = false;
    if (td.folded[p - 1] == "'s") {
      if (p < 2 || td.starts[p - 1]) continue;
      e = p - 1;
    } else if (p >= 2 && !td.starts[p - 1] &&
               ascii_in(td.folded[p - 1], {"released", "launched", "unveiled", "introduced", "debuted", "shipped",
                                           "releases", "launches", "unveils"})) {
      e = p - 1;
      launch = true;
    }
    if (!is_cap_word(in.words[e - 1]) || !is_letter(in.words[e - 1][0])) continue;
    // The maker's first word: the start of its tagged span, else this word.
    size_t b = e - 1;
    if (td.tags[b] != ner::O)
      while (b > 0 && !ner::tag_begins(td.tags[b]) && td.tags[b - 1] != ner::O) --b;
    if (td.tags[b] != ner::O && ner::tag_type(td.tags[b]) == 3 &&
        (e - b > 1 || known_place(tagger.gazetteer(), in.words, b, e)))
      continue;
    if (td.tags[b] == ner::O) {
      const uint64_t h = ner::lower_hash(in.words[b]);
      if (is_phrase_opener(td.folded[b]) || is_role_word(td.folded[b]) || is_month_or_weekday(td.folded[b]) ||
          (ner::Gazetteer::only_common_word(tagger.gazetteer().lookup(&h, 1)) && !(launch && !td.starts[b])))
        continue;
    }
    set_span(td.tags, b, e, 2);
    for (size_t k = e; k < n && td.tags[k] != ner::O && !ner::tag_begins(td.tags[k]); ++k) td.tags[k] = ner::O;
  }

  // 'October 2024', 'Sept. 2025': month and year.
  for (size_t i = 0; i + 1 < n; ++i) {
    if (!is_upper(in.words[i][0]) || !is_month_or_weekday(td.folded[i]) || td.folded[i].size() < 3 ||
        td.folded[i].back() == 'y')
      continue;
    std::u32string_view y = in.words[i + 1];
    if (y.size() != 4 || !std::all_of(y.begin(), y.end(), [](char32_t c) { return c >= '0' && c <= '9'; }))
      continue;
    std::string m = doc.utf8(td.words[i].start, td.words[i + 1].end);
    if (auto iso = parse_date(m)) {
      Raw r;
      r.start = td.words[i].start;
      r.end = td.words[i + 1].end;
      r.type = "DATE";
      r.value = *iso;
      r.priority = 3;
      raw.push_back(std::move(r));
    }
  }

  // 'in January', 'on Monday', 'on Jan. 5', 'last Friday': a month or a
  // weekday without a year, after a preposition, anchored to the
  // publication date when it is known (dates.hpp).
  if (!published.empty()) {
    static const WordSet &kBefore = entity_words("date_prepositions");
    static const WordSet &kFuture = entity_words("future_cues");
    auto digits = [](std::u32string_view w, size_t lo, size_t hi) {
      return w.size() >= lo && w.size() <= hi &&
             std::all_of(w.begin(), w.end(), [](char32_t c) { return c >= '0' && c <= '9'; });
    };
    for (size_t i = 0; i < n; ++i) {
      if (!is_upper(in.words[i][0]) || !is_month_or_weekday(td.folded[i])) continue;
      // A weekday anywhere ('officials said Thursday', 'Monday's vote'); a
      // month after a preposition ('in May', not 'May I').
      const std::string_view fw = td.folded[i];
      const bool month = !(fw.size() >= 6 && fw.substr(fw.size() - 3) == "day");
      // 'Super Tuesday', 'Black Friday': an event (event_names.txt), no date.
      if (!month && i > 0 && !td.starts[i] && is_upper(in.words[i - 1][0]) && is_event_pair(td.folded[i - 1], fw))
        continue;
      if (month && (i == 0 || td.starts[i] || !kBefore.has(td.folded[i - 1]))) continue;
      // Dates with a year are found above ('October 2024', 'Jan. 5, 2025').
      if (i + 1 < n && digits(in.words[i + 1], 4, 4)) continue;
      if (i + 3 < n && digits(in.words[i + 1], 1, 2) && td.folded[i + 2] == "," && digits(in.words[i + 3], 4, 4))
        continue;
      // A weekday is the one just past unless a future cue comes before
      // it; a month the nearest one, unless 'last' or 'next' says.
      Anchor when = month ? Anchor::Nearest : Anchor::Past;
      const std::string_view before = i > 0 ? td.folded[i - 1] : std::string_view();
      if (before == "last") {
        when = Anchor::Last;
      } else if (before == "next") {
        when = Anchor::Next;
      } else if (before == "since") {
        when = Anchor::Past; // 'paused since June': that June is past
      } else if (!month) {
        for (size_t k = i; k-- > 0 && i - k <= 8;) {
          if (kFuture.has(td.folded[k])) when = Anchor::Next;
          if (td.starts[k]) break;
        }
      }
      auto v = resolve_relative_date(td.folded[i], published, when);
      if (!v) continue;
      Raw r;
      r.start = td.words[i].start;
      r.end = td.words[i].end;
      // 'Jan. 5': a day of that month.
      if (v->size() == 7 && i + 1 < n && !td.starts[i + 1] && digits(in.words[i + 1], 1, 2)) {
        const int day = std::stoi(encode_utf8(in.words[i + 1]));
        if (auto full = parse_date(std::string(td.folded[i]) + " " + std::to_string(day) + ", " + v->substr(0, 4))) {
          v = full;
          r.end = td.words[i + 1].end;
        }
      }
      r.type = "DATE";
      r.value = *v;
      r.priority = 3;
      raw.push_back(std::move(r));
    }
  }

  // User aliases name mentions the tagger may miss ('Larkspur').
  if (!aliases.empty()) {
    for (size_t i = 0; i < n; ++i) {
      if (!is_alnum(in.words[i][0])) continue;
      for (size_t len = std::min<size_t>(4, n - i); len >= 1; --len) {
        auto a = aliases.find(fold_for_match(doc.utf8(td.words[i].start, td.words[i + len - 1].end)));
        if (a == aliases.end() || a->second.type.empty()) continue;
        Raw r;
        r.start = td.words[i].start;
        r.end = td.words[i + len - 1].end;
        r.type = a->second.type;
        r.priority = 2;
        raw.push_back(std::move(r));
        i += len - 1;
        break;
      }
    }
  }

  // 4. Names from the tagger.
  const ner::Gazetteer &gaz = tagger.gazetteer();
  // Title Case lines (headlines, subheads): four in five of their longer
  // words capitalised, and a capitalised function word ('To', 'Of') after
  // the first (not a table of names, not an ALL CAPS line). There a
  // capitalised dictionary word after a name's first word is more likely
  // the headline's verb than part of the name.
  std::vector<uint8_t> title_case(n, 0);
  for (size_t s0 = 0; s0 < n;) {
    size_t s1 = s0 + 1;
    while (s1 < n && !td.starts[s1]) ++s1;
    size_t longer = 0, caps = 0, function_caps = 0, function_lower = 0;
    bool comma = false;
    for (size_t k = s0; k < s1; ++k) {
      if (k > s0 && is_upper(in.words[k][0]) && has_lower_cp(in.words[k]) &&
          (is_title_case_function_word(td.folded[k]) || td.folded[k] == "of" || td.folded[k] == "the"))
        ++function_caps;
      if (td.folded[k] == ",") comma = true; // a headline has none; a sentence of names may
      if (in.words[k].size() < 4 || !is_letter(in.words[k][0])) continue;
      if (!has_lower_cp(in.words[k])) continue; // ALL CAPS lines are the tagger's call
      ++longer;
      caps += is_upper(in.words[k][0]);
    }
    // (Or every longer word capitalised and short function words in lower
    // case: 'Donald Trump Denies Mike Tyson Invited to Appear at GOP
    // Convention'.)
    if (longer >= 6 && caps == longer && !comma && function_caps == 0)
      for (size_t k = s0 + 1; k < s1 && !function_lower; ++k)
        function_lower = is_lower(in.words[k][0]) && in.words[k].size() <= 3 && td.folded[k] != "and" &&
                         td.folded[k] != "or" && is_title_case_function_word(td.folded[k]); // 'to', 'at', 'of' …
    if ((longer >= 3 && caps * 5 >= longer * 4 && function_caps > 0) ||
        (longer >= 6 && caps == longer && function_lower > 0 && !comma))
      std::fill(title_case.begin() + s0, title_case.begin() + s1, 1);
    s0 = s1;
  }
  std::vector<uint64_t> hs; // lower-case hashes of a name's words
  std::string whole;        // a name's folded words, space-separated
  for (size_t i = 0; i < n;) {
    if (td.tags[i] == ner::O) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < n && td.tags[j] != ner::O && !ner::tag_begins(td.tags[j])) ++j;
    const uint8_t ty = ner::tag_type(td.tags[i]);
    size_t b = i, e = j;
    i = j;
    if (ty == 1) { // 'Mr. Clinton in Reno', 'Clinton and Bernie Sanders'
      size_t next;
      e = person_name_end(in.words, td.folded, b, e, &next);
      if (next) { // the second name of 'Clinton and Bernie Sanders'
        td.tags[next] = ner::B_PER;
        i = next;
      }
    }
    while (e > b && (td.folded[e - 1] == "'s" || td.folded[e - 1] == "'")) --e;
    // 'Samuel T. Greer won': the tagger ran on into the verb; lower-case
    // words at the end are not part of the name.
    while (e > b + 1 && !has_upper_cp(in.words[e - 1]) && is_letter(in.words[e - 1][0])) --e;
    // A headline or subhead in Title Case ('Mark Cuban Just Revealed Who
    // He'd Pick Between Cruz And Trump'): a name ends before a capitalised
    // function word, which names write in lower case ('Bank of America').
    for (size_t k = b + 1; k < e; ++k) {
      bool cut = is_upper(in.words[k][0]) && is_title_case_function_word(td.folded[k]);
      if (!cut && title_case[k] && k >= b + 2) {
        // 'Hillary Clinton Speaks', 'Ted Cruz Refuses'
        uint64_t h = ner::lower_hash(in.words[k]);
        cut = ner::Gazetteer::only_common_word(gaz.lookup(&h, 1));
      }
      if (cut) {
        e = k;
        break;
      }
    }
    // 'AI startup Larkspur Labs': a lower-case word that is not a name
    // particle ('Bank of England', 'van Gogh') ends what came before it.
    for (size_t k = e; k-- > b + 1;) {
      if (!has_upper_cp(in.words[k]) && is_letter(in.words[k][0]) && !is_name_particle(td.folded[k])) {
        b = k + 1;
        break;
      }
    }
    // Punctuation at the edges ('’ Rao') is not part of a name, nor a
    // headline's capitalised function word before it ('CNN President On
    // Trump: …').
    while (b < e && !is_alnum(in.words[b][0])) ++b;
    while (e - b > 1 && title_case[b] && is_title_case_function_word(td.folded[b])) ++b;
    while (e > b && !is_alnum(in.words[e - 1][0])) --e;
    if (e <= b) continue;
    if (e - b == 1 && is_generic_acronym(td.folded[b])) continue;
    // 'I'm' after a quote mark, 'Muslims', 'Latinos': no names (CoNLL's
    // MISC for the groups).
    static const WordSet &kNotNames = entity_words("not_a_name");
    if (e - b == 1 && kNotNames.has(td.folded[b])) continue;
    // 'Senate Republicans' as a person (the document pass's rule, again for
    // spans that later rules joined), and the group word alone ('Democrats').
    if (ty == 1 && is_group_word(td.folded[e - 1])) continue;
    // 'Alzheimer's', 'Lou Gehrig's': a disease, no person.
    static const WordSet &kDiseases = entity_words("eponymous_disease");
    if (e < n && td.folded[e] == "'s" && kDiseases.has(td.folded[e - 1])) continue;
    // Events, holidays and generations ('Election Day', 'Cold War',
    // 'Millennials'; ext/data/event_names.txt): CoNLL's MISC.
    // (`whole`: the name's folded words, also for the region list below.)
    whole.assign(td.folded[b]);
    for (size_t k = b + 1; k < e; ++k) (whole += ' ') += td.folded[k];
    static const std::unordered_set<std::string_view> &kEvents = resource_set("event_names.txt");
    if (e - b <= 3 && kEvents.count(whole)) continue;
    // The first word of one, the tagger's span stopping short ('Super' of
    // 'Super Tuesday').
    if (e - b == 1 && e < n && !td.starts[e] && is_event_pair(td.folded[b], td.folded[e])) continue;
    // A function word opening a sentence ('In a statement, …') either.
    if (e - b == 1 && td.starts[b] &&
        (is_title_case_function_word(td.folded[b]) || ascii_in(td.folded[b], {"a", "an", "the", "of"})))
      continue;
    // Not names: a common word opening a sentence or line ('However'),
    // titles alone ('Chief Product Officer'), months and weekdays.
    bool all_titles = true;
    for (size_t k = b; k < e; ++k) all_titles &= is_role_word(td.folded[k]);
    if (all_titles) continue;
    if (e - b == 1 && is_month_or_weekday(td.folded[b])) continue;
    // 'a $48 million Series B': a funding round, not a name.
    if (td.folded[b] == "series" && e - b <= 2 && b + 1 < n && in.words[b + 1].size() == 1 &&
        is_upper(in.words[b + 1][0]))
      continue;
    hs.clear();
    for (size_t k = b; k < e; ++k) hs.push_back(ner::lower_hash(in.words[k]));
    uint32_t cls = gaz.lookup(hs.data(), hs.size());
    if (e - b == 1 && td.starts[b] && ner::Gazetteer::only_common_word(cls)) continue;
    Raw r;
    r.start = td.words[b].start;
    r.end = td.words[e - 1].end;
    r.priority = 1;
    r.headline = title_case[b] != 0;
    switch (ty) {
    case 1: r.type = is_chamber(td.folded[b]) ? "ORG" : "PERSON"; break; // 'Senate', 'House Benghazi' as a person
    case 2: r.type = "ORG"; break;
    case 3: {
      // Places are GPE (countries, states, cities) unless they are known
      // physical or supra-national regions.
      bool region = false;
      static const WordSet &kLandforms = entity_words("landform");
      for (size_t k = b; k < e; ++k)
        region |= kLandforms.has(td.folded[k]) &&
                  !(cls & kPlaceClasses);
      static const std::unordered_set<std::string_view> &kRegions = resource_set("regions.txt");
      region |= kRegions.count(whole) != 0;
      r.type = region ? "LOC" : "GPE";
      break;
    }
    default: continue; // MISC: nationalities, events; products come from step 3
    }
    // The head word of a multi-word name settles its type when it is an
    // organisation's ('Brightwater Analytics', 'Veltro SAS') or a street's.
    if (e - b > 1) {
      const std::string_view head = td.folded[e - 1];
      static const WordSet &kStreetHeads = entity_words("street_head");
      if (is_org_head(head)) r.type = "ORG";
      else if ((r.type == "PERSON" || r.type == "ORG") &&
               ascii_in(head, {"island", "islands", "river", "lake", "bay", "valley", "mountains", "peninsula",
                               "harbor", "harbour", "county"}) &&
               (head != "county" || r.type == "PERSON"))
        r.type = head == "county" ? "GPE" : "LOC"; // 'Gull Island', 'Pell Harbor' (not 'Derby County', a club)
      else if (r.type == "PERSON" && ascii_in(td.folded[b], {"lake", "mount", "mt.", "fort"}))
        r.type = "LOC"; // 'Lake Oroville'
      else if (kStreetHeads.has(head) ||
               (is_compass(head) && kStreetHeads.has(td.folded[e - 2])))
        r.type = "LOC"; // 'Mercer Avenue', 'Queen Street West'
    }
    raw.push_back(std::move(r));
  }

  // 5. Overlaps: higher priority wins, then the longer, then the earlier.
  std::sort(raw.begin(), raw.end(), [](const Raw &a, const Raw &b) {
    if (a.priority != b.priority) return a.priority > b.priority;
    if (a.end - a.start != b.end - b.start) return a.end - a.start > b.end - b.start;
    return a.start < b.start;
  });
  std::vector<Raw> kept;
  {
    std::vector<std::pair<uint32_t, uint32_t>> taken; // sorted by start
    for (Raw &r : raw) {
      auto it = std::lower_bound(taken.begin(), taken.end(), std::make_pair(r.start, 0u));
      bool clash = (it != taken.end() && it->first < r.end) ||
                   (it != taken.begin() && std::prev(it)->second > r.start);
      if (clash) continue;
      taken.insert(it, {r.start, r.end});
      kept.push_back(std::move(r));
    }
  }
  std::sort(kept.begin(), kept.end(), [](const Raw &a, const Raw &b) { return a.start < b.start; });

  // 6. Canonical names.
  std::vector<EntityMention> out;
  out.reserve(kept.size());
  NameIndex index;
  std::vector<std::string> cleaned(kept.size()), mentions(kept.size());
  std::vector<const Alias *> hit(kept.size(), nullptr);
  std::vector<Alias> user_hits(kept.size());
  // Names in capitals (datelines, all-caps headlines): the article's
  // mixed-case form of the same name ('SAN FRANCISCO' -> 'San Francisco'),
  // else, for places and people, Title Case ('SHANGHAI' -> 'Shanghai');
  // an organisation in capitals may be an acronym and stays ('NATO').
  {
    // No ASCII lower-case letter: perhaps in capitals (title_case_caps decides).
    auto no_ascii_lower = [](const std::string &x) {
      return std::none_of(x.begin(), x.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    };
    bool any_caps = false;
    for (size_t k = 0; k < kept.size(); ++k) {
      mentions[k] = doc.utf8(kept[k].start, kept[k].end);
      if (kept[k].value) continue;
      cleaned[k] = clean_name(mentions[k], kept[k].type);
      if (cleaned[k].empty()) cleaned[k] = mentions[k];
      any_caps |= no_ascii_lower(cleaned[k]);
    }
    std::unordered_map<std::string, size_t> mixed; // folded -> first mixed-case mention
    for (size_t k = 0; any_caps && k < kept.size(); ++k)
      if (!kept[k].value && !no_ascii_lower(cleaned[k])) mixed.emplace(fold_for_match(cleaned[k]), k);
    for (size_t k = 0; any_caps && k < kept.size(); ++k) {
      if (kept[k].value || !no_ascii_lower(cleaned[k])) continue;
      std::string t = title_case_caps(cleaned[k]);
      if (t == cleaned[k]) continue;
      auto m = mixed.find(fold_for_match(cleaned[k]));
      if (m != mixed.end()) {
        cleaned[k] = cleaned[m->second];
      } else if (kept[k].type != "ORG" && kept[k].type != "PRODUCT" && all_words_longer_than(t, 2) &&
                 t.size() >= 5) {
        cleaned[k] = std::move(t);
      }
    }
  }
  for (size_t k = 0; k < kept.size(); ++k) {
    const Raw &r = kept[k];
    EntityMention m;
    m.mention = std::move(mentions[k]);
    m.type = r.type;
    m.span = {r.start, r.end};
    m.sentence_idx = doc.sentence_at(r.start);
    m.value = r.value;
    if (r.value) {
      m.entity = *r.value;
    } else {
      // (Most names need no cleaning: then one folded form.)
      const bool same = cleaned[k] == m.mention;
      std::string fm = fold_for_match(m.mention), fc = same ? std::string() : fold_for_match(cleaned[k]);
      auto u = aliases.find(fm);
      if (u == aliases.end() && !same) u = aliases.find(fc);
      if (u != aliases.end()) {
        user_hits[k] = u->second;
        hit[k] = &user_hits[k];
      } else {
        auto b = lex.aliases.find(fm);
        if (b == lex.aliases.end() && !same) b = lex.aliases.find(fc);
        // A rename holds from its day on ('published' may be a month).
        if (b != lex.aliases.end() && !(published.size() >= 7 && published < b->second.since)) hit[k] = &b->second;
      }
      if (hit[k]) {
        if (!hit[k]->type.empty()) m.type = hit[k]->type;
        m.entity = hit[k]->entity;
      } else {
        index.add(cleaned[k], m.type, r.headline);
      }
    }
    out.push_back(std::move(m));
  }
  for (size_t k = 0; k < out.size(); ++k) {
    if (out[k].value || hit[k]) continue;
    out[k].entity = index.canonical(cleaned[k], out[k].type);
  }
  resolve_org_short_forms(out);
  resolve_defined_acronyms(std::u32string_view(doc.text), out);
  for (size_t k = 0; k < out.size(); ++k) {
    if (out[k].value || hit[k]) continue;
    // A user alias may name the canonical form itself.
    if (aliases.empty()) continue;
    auto u = aliases.find(fold_for_match(out[k].entity));
    if (u != aliases.end()) {
      out[k].entity = u->second.entity;
      if (!u->second.type.empty()) out[k].type = u->second.type;
    }
  }
  return out;
}

} // namespace lede
