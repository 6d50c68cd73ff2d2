// claim.cpp — see claim.hpp. Sections: lexicons, word cache, tokenizer,
// quantities, claim analysis, scoring, explanation, FTS5 query.
#include "claim.hpp"

#include "char_grams.hpp"
#include "dates.hpp"

#include "numbers.hpp"
#include "resources.hpp"
#include "text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

#if __has_include(<libstemmer.h>)
#include <libstemmer.h>
#define LEDE_HAVE_STEMMER 1
#endif

namespace lede {
namespace {

// ---- tuning constants (chosen on our own test set and CLEF train) -------
constexpr int kNegationScope = 2;      // content words a negation cue covers
constexpr int kQuantContext = 2;       // content words on each side that say what a quantity counts
constexpr size_t kQuantScan = 8;        // tokens looked at on each side for them
constexpr float kNumberWeight = 4.0f;  // weight of a claim quantity when the claim has no words
constexpr size_t kQueryNumbers = 8;    // the claim's numbers added to the index query
constexpr size_t kRoleScan = 8;         // tokens looked at on each side of a verb for the claim's names
constexpr float kEntityBoost = 1.5f;   // weight multiplier for names
constexpr float kDerivCredit = 0.8f;   // WordNet derivation / listed relation
constexpr float kSynCredit = 0.7f;     // WordNet synonym (first sense)
constexpr size_t kMaxTextWords = 4096;  // words of a text examined (longer: the rest ignored)
constexpr double kCorpusBlend = 0.4;   // share of corpus relevance (BM25) in the table form
constexpr double kGramBonus = 0.5;      // character 4-gram cosine: share of the gap to 1 it may close (table form)
constexpr size_t kFeedbackDocs = 10;    // pseudo-relevance feedback: best-scored texts that vote (table form)
constexpr double kFeedbackTemp = 10;    // a voter's weight: exp(kFeedbackTemp * (its score - the best score))
constexpr double kWholeClaim = 0.95;    // coverage that counts as holding the whole claim (scalar)
constexpr double kCoverSupport = 0.75;  // share of the claim's weight a sentence must hold to support (table form)
constexpr double kFeedbackBonus = 0.5;  // share of the gap to the next line (0.5 or 1) feedback may close
constexpr double kCorpusCap = 3.0;     // corpus relevance counts up to this multiple of the text's own

uint64_t fnv(const char *p, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; ++i) {
    h ^= static_cast<unsigned char>(p[i]);
    h *= 1099511628211ull;
  }
  return h ? h : 1; // 0 marks an empty cache slot
}
uint64_t fnv(std::string_view s) { return fnv(s.data(), s.size()); }

// ---- word flags -----------------------------------------------------------
enum : uint16_t {
  kStop = 1, kNeg = 2, kScale = 4, kPercentWord = 8, kCurrencyWord = 16,
  kClause = 64, kPer = 128, kCent = 256, kKnown = 512, // kKnown: in the English weight table
  kVerb = 1024, // a verb by WordNet (claim_verbs.txt), whose two sides are roles
};

// ---- lexicons ---------------------------------------------------------------
struct Stemmer {
#ifdef LEDE_HAVE_STEMMER
  sb_stemmer *s = sb_stemmer_new("english", "UTF_8");
  ~Stemmer() { sb_stemmer_delete(s); }
  std::string stem(std::string_view w) {
    if (!s) return std::string(w);
    const sb_symbol *r = sb_stemmer_stem(s, reinterpret_cast<const sb_symbol *>(w.data()),
                                         static_cast<int>(w.size()));
    if (!r) return std::string(w);
    return std::string(reinterpret_cast<const char *>(r), static_cast<size_t>(sb_stemmer_length(s)));
  }
#else
  // Fallback when libstemmer is absent at build time: strip common suffixes.
  std::string stem(std::string_view w) {
    std::string s(w);
    for (const char *suf : {"ing", "ed", "es", "s"}) {
      size_t n = std::strlen(suf);
      if (s.size() > n + 2 && s.compare(s.size() - n, n, suf) == 0) {
        s.resize(s.size() - n);
        break;
      }
    }
    return s;
  }
#endif
};

struct Related {
  uint64_t stem;
  float credit;
  int source; // 0 claim_related.txt (listed by hand), 1 derivations, 2 synonyms, 3 two steps
};

struct Lexicon {
  std::unordered_map<std::string_view, std::string_view> lemma; // irregular form -> lemma
  std::unordered_set<std::string_view> stop, neg;
  std::unordered_map<std::string_view, double> count;          // SemCor tag counts per lemma
  double max_count = 1;
  std::unordered_map<uint64_t, std::vector<Related>> related;   // stem -> related stems
  std::unordered_map<uint64_t, std::vector<uint64_t>> antonyms; // stem -> antonym stems
  std::unordered_map<uint64_t, std::string> stem_text;          // for explanations of relations
  // Verbs (claim_verbs.txt): stems of words mostly used as verbs, and of
  // the other verbs, whose -ed forms alone count ('fined', 'backed'); verbs
  // whose two sides may trade places (claim_symmetric.txt: 'merge', 'meet').
  std::unordered_set<uint64_t> verbs, ed_verbs, symmetric;
  // An abbreviation written in capitals -> the words it stands for ('ipo' ->
  // 'initial public offering'), from claim_abbreviations.txt.
  std::unordered_map<std::string_view, std::vector<std::string_view>> abbreviations;

  static std::vector<std::string_view> fields(std::string_view line) {
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i < line.size()) {
      size_t j = line.find(' ', i);
      if (j == std::string_view::npos) j = line.size();
      if (j > i) out.push_back(line.substr(i, j - i));
      i = j + 1;
    }
    return out;
  }

  uint64_t stem_of(Stemmer &st, std::string_view w) {
    auto it = lemma.find(w);
    std::string s = st.stem(it != lemma.end() ? it->second : w);
    uint64_t h = fnv(s);
    stem_text.emplace(h, s);
    return h;
  }

  void add_related(Stemmer &st, const char *file, float credit, int source) {
    for (auto line : resource_lines(file)) {
      auto f = fields(line);
      if (f.size() < 2) continue;
      uint64_t a = stem_of(st, f[0]);
      for (size_t i = 1; i < f.size(); ++i) {
        uint64_t b = stem_of(st, f[i]);
        if (a == b) continue;
        related[a].push_back({b, credit, source});
        related[b].push_back({a, credit, source});
      }
    }
  }

  Lexicon() {
    Stemmer st;
    for (auto line : resource_lines("claim_lemmas.txt")) {
      auto f = fields(line);
      if (f.size() == 2) lemma.emplace(f[0], f[1]);
    }
    for (auto w : resource_lines("claim_stopwords.txt")) stop.insert(w);
    for (auto w : resource_lines("claim_negation.txt")) neg.insert(w);
    for (auto line : resource_lines("claim_weights.txt")) {
      auto f = fields(line);
      if (f.size() != 2) continue;
      double c = std::strtod(std::string(f[1]).c_str(), nullptr);
      count.emplace(f[0], c);
      max_count = std::max(max_count, c);
    }
    add_related(st, "claim_related.txt", kDerivCredit, 0);
    add_related(st, "claim_derivations.txt", kDerivCredit, 1);
    add_related(st, "claim_synonyms.txt", kSynCredit, 2);
    for (auto &kv : related) { // one entry per related stem, the best credit
      auto &v = kv.second;
      std::sort(v.begin(), v.end(), [](const Related &x, const Related &y) {
        return x.stem != y.stem ? x.stem < y.stem : x.credit != y.credit ? x.credit > y.credit : x.source < y.source;
      });
      v.erase(std::unique(v.begin(), v.end(), [](const Related &x, const Related &y) { return x.stem == y.stem; }),
              v.end());
      // A claim term takes at most six related forms (Claim's look-up
      // table): the relations listed by hand first, then WordNet's
      // derivations, then its synonyms.
      std::stable_sort(v.begin(), v.end(), [](const Related &x, const Related &y) { return x.source < y.source; });
    }
    // Two steps through WordNet, one derivation and one synonym in either
    // order ('troops' -> 'soldiery', a synonym, -> 'soldier'), at the product
    // of their credits, after the one-step relations (so only in a term's
    // spare slots of the six).
    std::unordered_map<uint64_t, std::vector<Related>> two_step;
    for (const auto &kv : related)
      for (const Related &r : kv.second) {
        if (r.source == 0) continue;
        auto it = related.find(r.stem);
        if (it == related.end()) continue;
        for (const Related &r2 : it->second)
          if (r2.source != 0 && r2.source != r.source && r2.stem != kv.first)
            two_step[kv.first].push_back({r2.stem, r.credit * r2.credit, 3});
      }
    for (auto &kv : two_step) {
      auto &w = kv.second; // by stem, once each, none that one step reaches
      std::sort(w.begin(), w.end(), [](const Related &x, const Related &y) { return x.stem < y.stem; });
      w.erase(std::unique(w.begin(), w.end(), [](const Related &x, const Related &y) { return x.stem == y.stem; }),
              w.end());
      auto &v = related[kv.first];
      const size_t one_step = v.size();
      for (const Related &r : w)
        if (std::none_of(v.begin(), v.begin() + one_step, [&](const Related &x) { return x.stem == r.stem; }))
          v.push_back(r);
    }
    for (auto line : resource_lines("claim_verbs.txt")) {
      auto f = fields(line);
      if (!f.empty()) (f.size() == 1 ? verbs : ed_verbs).insert(stem_of(st, f[0]));
    }
    for (auto w : resource_lines("claim_symmetric.txt")) symmetric.insert(stem_of(st, w));
    for (auto line : resource_lines("claim_abbreviations.txt")) {
      auto f = fields(line);
      if (f.size() >= 2) abbreviations[f[0]].assign(f.begin() + 1, f.end());
    }
    // 'a b', or 'a b c | x y z': every left word against every right one.
    for (auto line : resource_lines("claim_antonyms.txt")) {
      const size_t bar = line.find('|');
      auto left = fields(bar == std::string_view::npos ? line : line.substr(0, bar));
      auto right = bar == std::string_view::npos ? decltype(left){} : fields(line.substr(bar + 1));
      if (bar == std::string_view::npos) {
        if (left.size() != 2) continue;
        right.assign(1, left[1]);
        left.resize(1);
      }
      for (auto l : left)
        for (auto r : right) {
          uint64_t a = stem_of(st, l), b = stem_of(st, r);
          if (a == b) continue;
          auto &va = antonyms[a], &vb = antonyms[b];
          if (std::find(va.begin(), va.end(), b) == va.end()) va.push_back(b);
          if (std::find(vb.begin(), vb.end(), a) == vb.end()) vb.push_back(a);
        }
    }
  }
};

const Lexicon &lexicon() {
  static const Lexicon lex;
  return lex;
}

// ---- word cache: lower-cased word -> stem, weight, flags -------------------
struct WordInfo {
  uint64_t stem = 0;
  float weight = 0; // built-in English weight (0 for function words)
  uint16_t flags = 0;
};

double scale_of(std::string_view w) {
  static const std::pair<const char *, double> kScales[] = {
      {"thousand", 1e3}, {"k", 1e3},  {"million", 1e6}, {"m", 1e6},       {"mn", 1e6},  {"mln", 1e6},
      {"billion", 1e9},  {"bn", 1e9}, {"b", 1e9},       {"trillion", 1e12}, {"tn", 1e12}, {"hundred", 1e2},
      {"thousands", 1e3}, {"millions", 1e6}, {"billions", 1e9}, {"trillions", 1e12}};
  for (auto &s : kScales)
    if (w == s.first) return s.second;
  return 0;
}

float english_weight(const Lexicon &lex, std::string_view lemma_or_word, bool *known) {
  auto it = lex.count.find(lemma_or_word);
  double c = it == lex.count.end() ? 0 : it->second;
  *known = it != lex.count.end();
  // IDF-like: log of how much rarer than the commonest lemma; 1..~4.2.
  return static_cast<float>(1.0 + std::log((lex.max_count + 1) / (c + 1)) / 3.0);
}

// The length of the -ed or -ing ending of a word with two letters or more
// before it, else 0.
size_t ed_ing_ending(std::string_view w) {
  if (w.size() > 3 && w.substr(w.size() - 2) == "ed") return 2;
  if (w.size() > 4 && w.substr(w.size() - 3) == "ing") return 3;
  return 0;
}

// Whether a lower-case word (`stem`: its stem) is a form of a verb of
// claim_verbs.txt, whose sides may not trade places. An -ed or -ing form
// is also tried without its ending, and with an 'e' for it ('freed' ->
// 'free', 'suing' -> 'sue').
bool verb_form(Stemmer &st, const Lexicon &lex, std::string_view w, uint64_t stem) {
  const size_t ending = ed_ing_ending(w);
  const bool ed = ending == 2, ing = ending == 3;
  uint64_t stems[3] = {stem, 0, 0};
  if (ed) stems[1] = fnv(st.stem(w.substr(0, w.size() - 1)));
  if (ing) stems[1] = fnv(st.stem(std::string(w.substr(0, w.size() - 3)) + "e"));
  if (ending) stems[2] = fnv(st.stem(w.substr(0, w.size() - ending)));
  for (uint64_t s : stems)
    if (s && !lex.symmetric.count(s) && (lex.verbs.count(s) || (ed && lex.ed_verbs.count(s)))) return true;
  return false;
}

WordInfo compute_word(Stemmer &st, std::string_view w) {
  const Lexicon &lex = lexicon();
  WordInfo info;
  std::string_view base = w;
  bool nt = w.size() > 3 && w.substr(w.size() - 3) == "n't";
  if (nt || lex.neg.count(w)) info.flags |= kNeg | kStop;
  if (lex.stop.count(w)) info.flags |= kStop;
  static const char *const kClauses[] = {"but", "however", "although", "though", "yet", "whereas", "because", "while", "instead"};
  for (const char *c : kClauses)
    if (w == c) info.flags |= kClause | kStop;
  if (scale_of(w)) info.flags |= kScale;
  if (w == "percent" || w == "pct" || w == "percentage") info.flags |= kPercentWord;
  if (w == "per") info.flags |= kPer;
  if (w == "cent") info.flags |= kCent;
  if (w == "dollars" || w == "dollar" || w == "usd" || w == "euros" || w == "euro" || w == "eur" ||
      w == "pounds" || w == "gbp" || w == "yen")
    info.flags |= kCurrencyWord;
  auto lit = lex.lemma.find(base);
  std::string_view lemma = lit != lex.lemma.end() ? lit->second : base;
  std::string s = st.stem(lemma);
  // Snowball leaves two letters of a short verb's -ed or -ing form ('sued',
  // 'suing' -> 'su') but keeps the verb whole ('sue', 'sues' -> 'sue'): such
  // a form takes the stem of its verb.
  if (s.size() <= 2 && lit == lex.lemma.end())
    if (const size_t ending = ed_ing_ending(w)) s = st.stem(std::string(w.substr(0, w.size() - ending)) + "e");
  info.stem = fnv(s);
  bool known = false;
  float wt = english_weight(lex, lemma, &known);
  if (!known) { // try the stem's own table entry ('elections' -> 'election')
    float w2 = english_weight(lex, s, &known);
    if (known) wt = w2;
  }
  if (known) info.flags |= kKnown;
  if (!(info.flags & kStop) && verb_form(st, lex, w, info.stem)) info.flags |= kVerb;
  info.weight = (info.flags & (kStop | kScale | kPercentWord | kCurrencyWord | kPer | kCent)) ? 0.f : wt;
  return info;
}

// Per-thread open-addressing cache keyed by the hash of the lower-cased word.
struct WordCache {
  struct Slot {
    uint64_t key = 0;
    WordInfo info;
  };
  std::vector<Slot> slots = std::vector<Slot>(1u << 15);
  size_t used = 0;
  Stemmer stemmer;

  const WordInfo &get(std::string_view w) {
    uint64_t h = fnv(w);
    size_t mask = slots.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      Slot &s = slots[i];
      if (s.key == h) return s.info;
      if (s.key == 0) {
        if (used * 2 >= slots.size()) { // full enough: start over rather than grow
          for (auto &x : slots) x.key = 0;
          used = 0;
          return get(w);
        }
        s.key = h;
        s.info = compute_word(stemmer, w);
        ++used;
        return s.info;
      }
    }
  }
};

WordCache &word_cache() {
  thread_local WordCache cache;
  return cache;
}

// ---- tokenizer --------------------------------------------------------------
enum class TokKind : uint8_t { Word, Number, Break };

struct Tok {
  TokKind kind = TokKind::Word;
  bool cap = false;        // first letter upper case
  bool all_caps = false;   // two or more letters, all upper case
  bool mixed = false;      // letters and digits (GPT4, COVID19)
  bool sent_start = false; // first word of a sentence
  uint16_t flags = 0;
  float weight = 0;
  uint64_t stem = 0;
  uint32_t b = 0, e = 0;   // byte offsets in the source
  std::string_view word;   // for a word an abbreviation stands for: that word ('offering' of 'IPO')
};

bool ascii_alpha(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
bool ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// Decodes one code point at s[i] (valid or not); advances i.
char32_t next_cp(std::string_view s, size_t &i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (i + static_cast<size_t>(n) > s.size()) n = 1;
  char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < n; ++k) {
    unsigned char d = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
    if ((d & 0xC0) != 0x80) {
      n = 1;
      cp = 0xFFFD;
      break;
    }
    cp = (cp << 6) | (d & 0x3F);
  }
  if (n == 1 && c >= 0x80) cp = 0xFFFD;
  i += static_cast<size_t>(n);
  return cp;
}

bool word_cp(char32_t c) { return c < 0x80 ? (ascii_alpha(static_cast<unsigned char>(c)) || ascii_digit(static_cast<unsigned char>(c))) : is_alnum(c); }

// A name's prefix that a capital follows inside one name ('McCain').
bool name_prefix(std::string_view w) {
  return w == "Mc" || w == "Mac" || w == "De" || w == "Di" || w == "Du" || w == "La" || w == "Le";
}

// A title that opens a politician's handle ('@SenJohnMcCain', '@RepAdamSchiff'),
// or the 'real' that claims a name ('@realDonaldTrump', '@RealCandaceO').
bool handle_title(std::string_view lower) {
  return lower == "sen" || lower == "senator" || lower == "rep" || lower == "gov" || lower == "dr" ||
         lower == "mr" || lower == "mrs" || lower == "ms" || lower == "potus" || lower == "flotus" || lower == "real";
}

// Splits a hashtag written in one case into English words ('stonemanshooting'
// -> 'stone man shooting', 'exumaairport' -> 'exuma airport'): the fewest
// parts of three letters or more (or two-letter stop words), then the
// commonest words; at most one part unknown (four letters or more, at most
// half of the hashtag) and one known part of four letters or more. Fills
// `parts` with byte ranges of `w`; false when no split qualifies.
bool split_tag(WordCache &cache, std::string_view w, std::vector<std::pair<uint32_t, uint32_t>> &parts);
int english_word(const WordInfo &info, std::string_view w);

// Splits UTF-8 text into tokens (words, numbers, clause breaks, currency and
// percent signs); stops after `max_words` words. `out` is cleared first.
bool content(const Tok &t);

bool starts_ci(std::string_view s, size_t at, std::string_view lower_prefix) {
  if (at > s.size() || s.size() - at < lower_prefix.size()) return false;
  for (size_t k = 0; k < lower_prefix.size(); ++k) {
    unsigned char c = static_cast<unsigned char>(s[at + k]);
    if ((ascii_alpha(c) ? (c | 32) : c) != static_cast<unsigned char>(lower_prefix[k])) return false;
  }
  return true;
}

// A link glued to the word before it, as copied tweets have them
// ('#TicketTuesdaypic.twitter.com/x', 'systemhttps://t.co/x'): the number of
// letters at the end of the run of letters and digits s[.., r) that open the
// link ('pic', 'http', 'https'), else 0.
size_t glued_link(std::string_view s, size_t r) {
  if (r >= 3 && starts_ci(s, r - 3, "pic") && starts_ci(s, r, ".twitter.com/")) return 3;
  if (starts_ci(s, r, "://")) {
    if (r >= 5 && starts_ci(s, r - 5, "https")) return 5;
    if (r >= 4 && starts_ci(s, r - 4, "http")) return 4;
  }
  return 0;
}

void tokenize(std::string_view s, std::vector<Tok> &out, size_t max_words) {
  out.clear();
  WordCache &cache = word_cache();
  char buf[64];
  bool sent_start = true;
  bool tag = false; // inside an @handle or #hashtag: split at case and digit changes
  size_t words = 0;
  size_t i = 0;
  const size_t n = s.size();
  while (i < n && words < max_words) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80 && !ascii_alpha(c) && !ascii_digit(c)) {
      tag = c == '@' || c == '#';
      Tok t;
      t.b = static_cast<uint32_t>(i);
      t.e = static_cast<uint32_t>(i + 1);
      switch (c) {
      case '.': case '!': case '?': case ';': case ':': case ',': case '(': case ')': case '"':
        t.kind = TokKind::Break;
        if (c == '.' || c == '!' || c == '?') sent_start = true;
        if (!out.empty() && out.back().kind == TokKind::Break) { ++i; continue; }
        out.push_back(t);
        break;
      default: break; // other punctuation and spaces separate words only
      }
      ++i;
      continue;
    }
    // URLs are not words.
    if (c == 'h' && (s.compare(i, 7, "http://") == 0 || s.compare(i, 8, "https://") == 0)) {
      while (i < n && !(static_cast<unsigned char>(s[i]) <= ' ')) ++i;
      continue;
    }
    size_t start = i;
    if (c >= 0x80) {
      size_t j = i;
      char32_t cp = next_cp(s, j);
      if (!word_cp(cp)) {
        char32_t f = fold_punct(cp);
        Tok t;
        t.b = static_cast<uint32_t>(i);
        t.e = static_cast<uint32_t>(j);
        if (f == '"' || cp == U'…' || cp == U'—' || cp == U'–') {
          t.kind = TokKind::Break;
          if (out.empty() || out.back().kind != TokKind::Break) out.push_back(t);
        }
        i = j;
        continue;
      }
    }
    // A number: digits with inner , or . followed by a digit, perhaps a
    // scale or ordinal suffix ('7bn', '1st', '1990s'). Numbers are not terms;
    // their values are read by numbers.hpp (find_quants below).
    if (ascii_digit(c)) {
      size_t j = i;
      while (j < n) {
        unsigned char d = static_cast<unsigned char>(s[j]);
        if (ascii_digit(d) || ((d == ',' || d == '.') && j + 1 < n && ascii_digit(static_cast<unsigned char>(s[j + 1]))))
          ++j;
        else
          break;
      }
      size_t k = j;
      while (k < n && ascii_alpha(static_cast<unsigned char>(s[k]))) ++k;
      if (k > j && glued_link(s, k) == k - j) k = j; // '#FreeIran2020pic.twitter.com/x'
      bool is_number = true;
      if (k > j) {
        size_t len = k - j;
        char sb[8] = {0};
        if (len < sizeof sb) {
          for (size_t q = 0; q < len; ++q) sb[q] = static_cast<char>(s[j + q] | 32);
          std::string_view suf(sb, len);
          is_number = suf == "k" || suf == "m" || suf == "mn" || suf == "b" || suf == "bn" || suf == "tn" ||
                      suf == "mln" || suf == "st" || suf == "nd" || suf == "rd" || suf == "th" || suf == "s";
        } else {
          is_number = false;
        }
      }
      if (is_number) {
        Tok t;
        t.kind = TokKind::Number;
        t.b = static_cast<uint32_t>(i);
        t.e = static_cast<uint32_t>(k);
        t.sent_start = sent_start;
        sent_start = false;
        out.push_back(t);
        i = k;
        ++words;
        continue;
      }
      // else: an alphanumeric word (4o, g7): fall through to the word reader
    }
    // A word: letters and digits, with inner apostrophes.
    size_t len, j, limit = n;
    bool ascii, upper0, any_lower, any_digit, any_alpha;
    int nupper;
    for (;;) {
      len = 0;
      ascii = true;
      upper0 = any_lower = any_digit = any_alpha = false;
      nupper = 0;
      j = i;
      while (j < limit) {
        unsigned char d = static_cast<unsigned char>(s[j]);
        if (d < 0x80) {
          if (ascii_alpha(d) || ascii_digit(d)) {
            if (tag && len > 0) {
              unsigned char p = static_cast<unsigned char>(s[j - 1]);
              bool split = (d >= 'A' && d <= 'Z' && p >= 'a' && p <= 'z') || (ascii_digit(d) != ascii_digit(p));
              // 'McCain', 'MacArthur', 'DeSantis', 'LaGuardia': one name.
              if (split && !ascii_digit(d) && name_prefix(s.substr(i, j - i))) split = false;
              if (split) break;
            }
            if (len == 0) upper0 = d >= 'A' && d <= 'Z';
            if (d >= 'A' && d <= 'Z') ++nupper;
            if (d >= 'a' && d <= 'z') any_lower = true;
            if (ascii_digit(d)) any_digit = true; else any_alpha = true;
            if (len < sizeof buf) buf[len] = static_cast<char>(ascii_alpha(d) ? (d | 32) : d);
            ++len;
            ++j;
            continue;
          }
          if (d == '\'' && len > 0 && j + 1 < n && ascii_alpha(static_cast<unsigned char>(s[j + 1]))) {
            if (len < sizeof buf) buf[len] = '\'';
            ++len;
            ++j;
            continue;
          }
          break;
        }
        size_t q = j;
        char32_t cp = next_cp(s, q);
        if (cp == U'’' && len > 0 && q < n && ascii_alpha(static_cast<unsigned char>(s[q]))) {
          if (len < sizeof buf) buf[len] = '\'';
          ++len;
          j = q;
          continue;
        }
        if (!word_cp(cp)) break;
        if (len == 0) upper0 = is_upper(cp);
        if (is_upper(cp)) ++nupper;
        if (is_lower(cp)) any_lower = true;
        any_alpha = true;
        ascii = false;
        len += q - j;
        j = q;
      }
      // The word ends before a link glued to it ('Gardenpic.twitter.com/x' is
      // 'Garden'): it is read again up to there. The link is then skipped as
      // a link, or read as any 'pic.twitter.com' is.
      const size_t glued = limit == n && j < n && (s[j] == '.' || s[j] == ':') ? glued_link(s, j) : 0;
      if (glued == 0 || j - glued <= i) break;
      limit = j - glued;
    }
    Tok t;
    t.b = static_cast<uint32_t>(start);
    t.e = static_cast<uint32_t>(j);
    t.cap = upper0;
    t.all_caps = nupper >= 2 && !any_lower;
    t.mixed = any_digit && any_alpha;
    t.sent_start = sent_start;
    sent_start = false;
    // '@SenJohnMcCain', '@realDonaldTrump': a title opening a handle is not
    // part of the name.
    if (tag && start > 0 && (s[start - 1] == '@') && any_lower && j < n &&
        s[j] >= 'A' && s[j] <= 'Z' && handle_title(std::string_view(buf, std::min(len, sizeof buf)))) {
      i = j;
      continue;
    }
    // '#stonemanshooting', '#CROOKEDHILLARY': a hashtag written without
    // capitals between its words becomes those words, when English words
    // (all but at most one) make it up.
    if (tag && ascii && !any_digit && (!any_lower || nupper == 0) && len >= 6 && len <= 40 &&
        !english_word(cache.get(std::string_view(buf, len)), std::string_view(buf, len))) {
      std::vector<std::pair<uint32_t, uint32_t>> parts;
      if (split_tag(cache, std::string_view(buf, len), parts)) {
        for (auto [pb, pe] : parts) {
          std::string_view w(buf + pb, pe - pb);
          const WordInfo &wi = cache.get(w);
          Tok p = t;
          p.b = static_cast<uint32_t>(start + pb);
          p.e = static_cast<uint32_t>(start + pe);
          p.stem = wi.stem;
          p.flags = wi.flags;
          p.weight = wi.weight;
          out.push_back(p);
          t.sent_start = false;
        }
        i = j;
        ++words;
        continue;
      }
    }
    const WordInfo *info;
    if (ascii && len <= sizeof buf) {
      std::string_view w(buf, len);
      // possessive 's: the word without it
      if (len > 2 && w.substr(len - 2) == "'s") w.remove_suffix(2);
      info = &cache.get(w);
      // 'not only', 'not just': no negation ('Apple not only raised prices').
      if (!out.empty() && (out.back().flags & kNeg) && out.back().kind == TokKind::Word &&
          (w == "only" || w == "just" || w == "merely" || w == "simply" || w == "least"))
        out.back().flags = static_cast<uint16_t>(out.back().flags & ~kNeg);
    } else {
      std::string f = fold_for_match(s.substr(start, j - start));
      if (f.size() > 64) f.resize(64);
      info = &cache.get(f);
    }
    t.stem = info->stem;
    t.flags = info->flags;
    t.weight = info->weight;
    i = j;
    ++words;
    // 'IPO' is 'initial public offering' on both sides of a comparison:
    // an abbreviation in capitals becomes the words it stands for (at its
    // place in the text, one token each).
    if (t.all_caps && ascii && len <= 8) {
      std::string lower(buf, len);
      const auto &abbr = lexicon().abbreviations;
      auto a = abbr.find(lower);
      if (a != abbr.end()) {
        for (std::string_view x : a->second) {
          Tok e = t;
          const WordInfo &wi = cache.get(x);
          e.stem = wi.stem;
          e.flags = wi.flags;
          e.weight = wi.weight;
          // (Still written in capitals: a name in a claim, as 'EU' was.)
          e.word = x;
          out.push_back(e);
          t.sent_start = false;
        }
        continue;
      }
    }
    out.push_back(t);
  }
  // 'declined to comment', 'refused to say': a verb of refusal before 'to'
  // and a verb is a negation cue (not 'declined to $5 billion', 'declined
  // to a record low': there it is a direction).
  for (size_t k = 0; k + 2 < out.size(); ++k) {
    const Tok &a = out[k], &to = out[k + 1], &v = out[k + 2];
    if (a.kind != TokKind::Word || to.e - to.b != 2 || v.kind != TokKind::Word || v.cap || !content(v)) continue;
    std::string_view aw = s.substr(a.b, a.e - a.b), tw = s.substr(to.b, 2);
    if ((tw == "to" || tw == "To") &&
        (aw == "declined" || aw == "declines" || aw == "decline" || aw == "declining"))
      out[k].flags = static_cast<uint16_t>(out[k].flags | kNeg | kStop);
  }
}

bool content(const Tok &t) { return t.kind == TokKind::Word && !(t.flags & kStop) && t.weight > 0; }

// WordNet's single words (claim_words.txt), read on the first hashtag to split.
const std::unordered_set<std::string_view> &english_words() {
  static const std::unordered_set<std::string_view> words = [] {
    std::unordered_set<std::string_view> w;
    for (auto line : resource_lines("claim_words.txt")) w.insert(line);
    return w;
  }();
  return words;
}

// A lower-case word (`info`: its cache entry) is English: 2 when in the
// weight table, the stop words or WordNet; 1 when one of them plus an
// inflection ('lives', 'shooting', 'flakes'); 0 otherwise.
int english_word(const WordInfo &info, std::string_view w) {
  if (info.flags & (kKnown | kStop)) return 2;
  const auto &words = english_words();
  if (words.count(w)) return 2;
  auto base = [&](size_t cut, const char *add) {
    if (w.size() <= cut + 2) return false;
    std::string b(w.substr(0, w.size() - cut));
    b += add;
    return words.count(b) > 0;
  };
  auto ends = [&](const char *x) {
    size_t k = std::char_traits<char>::length(x);
    return w.size() > k && w.compare(w.size() - k, k, x) == 0;
  };
  if (ends("s") && (base(1, "") || (ends("es") && base(2, "")) || (ends("ies") && base(3, "y")))) return 1;
  if (ends("ed") && (base(2, "") || base(1, ""))) return 1;
  if (ends("ing") && (base(3, "") || base(3, "e"))) return 1;
  return 0;
}

bool split_tag(WordCache &cache, std::string_view w, std::vector<std::pair<uint32_t, uint32_t>> &parts) {
  // best[k]: the cheapest split of w[0, k): 1000 per unknown part, 100 per
  // part, 10 x the part's weight.
  const size_t n = w.size();
  constexpr int kInf = 1 << 20;
  std::vector<int> best(n + 1, kInf), from(n + 1, -1);
  std::vector<bool> long_known(n + 1, false);
  std::vector<size_t> unknown_len(n + 1, 0);
  best[0] = 0;
  for (size_t e = 2; e <= n; ++e)
    for (size_t b = 0; b + 2 <= e; ++b) {
      if (best[b] >= kInf || (b == 0 && e == n)) continue; // two parts at least
      std::string_view part = w.substr(b, e - b);
      const WordInfo &wi = cache.get(part);
      if (part.size() == 2 && !(wi.flags & kStop)) continue; // 'up', 'my', 'of' only
      const int english = english_word(wi, part);
      const bool known = english > 0;
      if (!known && part.size() < 4) continue;
      // Fewer parts first; then the commoner words ('black lives matter',
      // not 'black live smatter'): weight is 1 (common) to ~4 (rare or unknown).
      // An unknown part is as short as it can be ('exuma airport', not
      // 'exumaair port').
      // An inflected word costs a little more ('george soros', not 'georges oros').
      int c = best[b] + 100 + (english == 1 ? 30 : 0) + (known ? 0 : 1000 + 20 * static_cast<int>(part.size())) +
              static_cast<int>(10 * (wi.weight > 0 ? wi.weight : 1));
      bool lk = long_known[b] || (known && part.size() >= 4);
      if (c < best[e] || (c == best[e] && lk && !long_known[e])) {
        best[e] = c;
        from[e] = static_cast<int>(b);
        long_known[e] = lk;
        unknown_len[e] = unknown_len[b] + (known ? 0 : part.size());
      }
    }
  // Two unknown parts, or known words that cover less than half of it
  // ('krystinamart elli').
  if (best[n] >= 2000 || !long_known[n] || 2 * unknown_len[n] > n) return false;
  parts.clear();
  for (size_t e = n; e > 0; e = static_cast<size_t>(from[e])) parts.emplace_back(static_cast<uint32_t>(from[e]), static_cast<uint32_t>(e));
  std::reverse(parts.begin(), parts.end());
  return parts.size() <= 4;
}

// ---- quantities: numbers.hpp's reader --------------------------------------------
struct Quant {
  QuantKind kind;
  Quantity q;    // as numbers.hpp read it (value, currency)
  uint32_t b, e; // byte span in the text
};

// Whether the word just before [start, end) or just after it names a month,
// capitalised ('September 5', 'Sept. 5th', '5 September'; not 'may 5'): the
// number is then a day of a date, which says when, not how many.
bool next_to_month(std::u32string_view cps, size_t start, size_t end) {
  auto word = [&](size_t b, size_t e) {
    if (cps[b] < 'A' || cps[b] > 'Z') return false;
    std::string w;
    for (size_t k = b; k < e && w.size() < 10; ++k)
      w += static_cast<char>(cps[k] < 0x80 ? (cps[k] | 32) : '?');
    return month_of(w) != 0;
  };
  auto letter = [&](size_t k) { return cps[k] < 0x80 && ascii_alpha(static_cast<unsigned char>(cps[k])); };
  size_t k = start;
  while (k > 0 && cps[k - 1] == ' ') --k;
  if (k > 0 && cps[k - 1] == '.') --k; // 'Sept. 5'
  size_t b = k;
  while (b > 0 && letter(b - 1)) --b;
  if (b < k && word(b, k)) return true;
  k = end;
  while (k < cps.size() && cps[k] == ' ') ++k;
  size_t e = k;
  while (e < cps.size() && letter(e)) ++e;
  return e > k && word(k, e);
}

// The quantities of a UTF-8 text with byte spans. Bare number words of two
// or more count ('three villages' against 'seven villages'); plain numbers
// that look like years are years; a day of a date ('September 5, 2017')
// is no quantity.
void find_quants(std::string_view text, std::vector<Quant> &out) {
  out.clear();
  thread_local std::u32string cps;
  thread_local std::vector<uint32_t> at; // byte offset of each code point, and the end
  cps.clear();
  at.clear();
  for (size_t i = 0; i < text.size();) {
    at.push_back(static_cast<uint32_t>(i));
    cps.push_back(next_code_point(text, i));
  }
  at.push_back(static_cast<uint32_t>(text.size()));
  for (Quantity &q : find_quantities(cps, true, true)) {
    Quant x;
    x.kind = q.ordinal                         ? QuantKind::Ordinal
             : q.kind == QuantityKind::Money   ? QuantKind::Money
             : q.kind == QuantityKind::Percent ? QuantKind::Percent
             : is_year_like(q, cps)            ? QuantKind::Year
                                               : QuantKind::Number;
    if ((x.kind == QuantKind::Number || x.kind == QuantKind::Ordinal) && q.value >= 1 && q.value <= 31 &&
        q.value == std::floor(q.value) && next_to_month(cps, q.start, q.end))
      continue;
    x.b = at[std::min<size_t>(q.start, at.size() - 1)];
    x.e = at[std::min<size_t>(q.end, at.size() - 1)];
    x.q = std::move(q);
    out.push_back(std::move(x));
  }
}

// Whether a text quantity speaks of the same kind of thing as a claim's:
// money may be written as a large plain number ('7 billion'), a count as
// money; percentages and years only as themselves.
bool compatible(QuantKind claim, const Quant &text) {
  switch (claim) {
  case QuantKind::Money: return text.kind == QuantKind::Money || (text.kind == QuantKind::Number && text.q.value >= 1000);
  case QuantKind::Number: return text.kind == QuantKind::Number || text.kind == QuantKind::Money;
  case QuantKind::Percent: return text.kind == QuantKind::Percent;
  case QuantKind::Year: return text.kind == QuantKind::Year;
  case QuantKind::Ordinal: return text.kind == QuantKind::Ordinal; // '118th' against '117th'
  }
  return false;
}

// Same value (same_quantity); a compatible quantity of another kind is read
// as the claim's kind ('7 billion' as '$7 billion').
bool agree(const Quantity &claim, const Quantity &text) {
  if (claim.kind == text.kind) return same_quantity(claim, text);
  Quantity t = text;
  t.kind = claim.kind;
  t.currency = claim.currency;
  return same_quantity(claim, t);
}

// The content words next to a quantity: up to kQuantContext on each side
// within its clause (punctuation, a clause word such as 'while', or 'and' /
// 'or' stops: 'raised $20 billion and could lose' keeps 'lose' apart), skipping numbers and the words of any quantity ('billion',
// 'dollars'). Token indices into `toks`, appended to `out`.
void quant_context(const std::vector<Tok> &toks, const std::vector<Quant> &qs, const Quant &q,
                   std::vector<size_t> &out) {
  auto inside = [&](const Tok &t) {
    for (const Quant &o : qs)
      if (t.b >= o.b && t.e <= o.e) return true;
    return false;
  };
  auto usable = [&](const Tok &t) { return content(t) && t.kind == TokKind::Word && !inside(t); };
  static const uint64_t kAnd = fnv("and"), kOr = fnv("or");
  auto stop = [](const Tok &t) {
    return t.kind == TokKind::Break || (t.flags & kClause) || t.stem == kAnd || t.stem == kOr;
  };
  size_t right = 0;
  while (right < toks.size() && toks[right].b < q.e) ++right;
  size_t left = right; // tokens before the quantity end before q.b
  while (left > 0 && toks[left - 1].e > q.b) --left;
  // Names are taken but not counted, so the words beyond them are reached
  // ('fined Thames Water $123 million' counts what was fined); at most
  // kQuantScan tokens on each side.
  auto name = [](const Tok &t) { return t.cap && !t.sent_start; };
  int n = 0;
  for (size_t i = left, seen = 0; i-- > 0 && n < kQuantContext && seen++ < kQuantScan;) {
    if (stop(toks[i])) break;
    if (usable(toks[i])) out.push_back(i), n += !name(toks[i]);
  }
  n = 0;
  for (size_t i = right, seen = 0; i < toks.size() && n < kQuantContext && seen++ < kQuantScan; ++i) {
    if (stop(toks[i])) break;
    if (usable(toks[i])) out.push_back(i), n += !name(toks[i]);
  }
}

} // namespace

// ---- claim analysis -------------------------------------------------------------
struct Claim {
  std::vector<ClaimTerm> terms;
  std::vector<ClaimQuantity> quants;
  std::vector<Quantity> quantities; // as read, for agreement
  // Per quantity: the claim terms (not names) next to it, saying what it
  // counts ('lose' for 'could lose $7 billion'); empty: unknown.
  std::vector<std::vector<uint16_t>> quant_context;
  std::vector<std::string> abbreviations; // as written, folded: the index holds them so ('ipo')
  std::vector<std::pair<uint16_t, uint16_t>> bigrams; // (first term, second term)
  // Who did what to whom: a name, a verb and a name on its other side, the
  // doer first ('Halvard Capital sued Larkspur Labs': halvard, sue,
  // larkspur; 'Larkspur Labs was sued by Halvard Capital' the same). Each
  // name by its heaviest word.
  struct Roles {
    uint16_t agent = 0, verb = 0, patient = 0;
  };
  std::vector<Roles> roles;
  // stem -> (term, credit); antonyms carry credit < 0.
  struct Entry {
    uint64_t stem = 0;
    uint16_t term = 0;
    float credit = 0;
  };
  std::vector<Entry> table; // open addressing, size power of two
  double total_weight = 0;
  double number_weight = kNumberWeight;
  double entity_weight = 0;
  // Names: runs of adjacent entity words ('Harbor Bank'); a name is found
  // when its heaviest word is (so 'Summit Bank' does not pass for it).
  struct Name {
    uint16_t key_term = 0;
    double weight = 0;
  };
  std::vector<Name> names;
  double entity_strength = 0.5; // how much a missing name costs (less for long claims)
  std::vector<std::vector<uint16_t>> bigrams_ending; // term -> bigram indices ending there
  GramVector grams; // character 4-grams (char_grams.hpp), for the table form

  const Entry *find(uint64_t stem) const {
    if (table.empty()) return nullptr;
    size_t mask = table.size() - 1;
    for (size_t i = stem & mask;; i = (i + 1) & mask) {
      if (table[i].stem == stem) return &table[i];
      if (table[i].stem == 0) return nullptr;
    }
  }
  void put(uint64_t stem, uint16_t term, float credit) {
    size_t mask = table.size() - 1;
    for (size_t i = stem & mask;; i = (i + 1) & mask) {
      if (table[i].stem == stem) return; // first (best) claim wins
      if (table[i].stem == 0) {
        table[i] = {stem, term, credit};
        return;
      }
    }
  }
};

namespace {
thread_local std::vector<Tok> t_toks;
thread_local std::vector<Quant> t_quants;

const uint64_t kByStem = fnv("by");

// A word that may stand between a name and its verb, or a verb and its
// object, without taking a role: function words ('has', 'will', 'the',
// 'not', 'by'), no clause break.
bool role_filler(const Tok &t) {
  return t.kind == TokKind::Word && !content(t) && !(t.flags & kClause);
}

// The claim's roles: a name, then only function words, a verb (not a name,
// not one whose sides may trade places), only function words, a name.
// With 'by' between the verb and the second name the second is the doer
// ('was sued by'). `tok_term` maps tokens to terms before `remap` (the kept
// terms).
void find_roles(const std::vector<Tok> &toks, const std::vector<bool> &is_entity, const std::vector<int> &tok_term,
                const std::vector<int> &remap, Claim &c) {
  auto term = [&](size_t i) { return tok_term[i] < 0 ? -1 : remap[static_cast<size_t>(tok_term[i])]; };
  // The heaviest word of the name whose last (step -1) or first (step +1)
  // word is toks[i]; -1 when toks[i] is no name word.
  auto name_key = [&](size_t i, int step) {
    int key = -1;
    for (size_t k = i; k < toks.size() && is_entity[k]; k += static_cast<size_t>(step)) {
      int t = term(k);
      if (t >= 0 && (key < 0 || c.terms[static_cast<size_t>(t)].base_weight > c.terms[static_cast<size_t>(key)].base_weight))
        key = t;
      if (k == 0 && step < 0) break;
    }
    return key;
  };
  for (size_t v = 1; v + 1 < toks.size() && c.roles.size() < 8; ++v) {
    if (!content(toks[v]) || is_entity[v] || !(toks[v].flags & kVerb) || term(v) < 0) continue;
    size_t a = v;
    while (a > 0 && role_filler(toks[a - 1])) --a;
    if (a == 0 || !is_entity[a - 1]) continue;
    size_t b = v + 1;
    bool by = false;
    for (; b < toks.size() && role_filler(toks[b]); ++b) by |= toks[b].stem == kByStem;
    if (b == toks.size() || !is_entity[b]) continue;
    int left = name_key(a - 1, -1), right = name_key(b, +1);
    if (left < 0 || right < 0 || left == right) continue;
    Claim::Roles r;
    r.agent = static_cast<uint16_t>(by ? right : left);
    r.patient = static_cast<uint16_t>(by ? left : right);
    r.verb = static_cast<uint16_t>(term(v));
    c.roles.push_back(r);
  }
}
} // namespace

std::shared_ptr<const Claim> analyse_claim(std::string_view text, const TermStats *stats) {
  const Lexicon &lex = lexicon();
  auto c = std::make_shared<Claim>();
  std::vector<Tok> toks;
  tokenize(text, toks, 20000);
  // Negation scope over content words.
  std::vector<bool> negated(toks.size(), false), head(toks.size(), false);
  int scope = 0;
  for (size_t i = 0; i < toks.size(); ++i) {
    const Tok &t = toks[i];
    if (t.kind == TokKind::Break || (t.flags & kClause)) scope = 0;
    else if (t.flags & kNeg) scope = kNegationScope;
    else if (content(t) && scope > 0) negated[i] = true, head[i] = scope == kNegationScope, --scope;
  }
  // Terms, deduplicated by stem; remember each token's term for bigrams.
  std::unordered_map<uint64_t, size_t> index;
  std::vector<int> tok_term(toks.size(), -1);
  std::vector<std::vector<size_t>> name_runs; // term indices per run
  bool in_run = false;
  // Names: capitalised words not opening a sentence, all-caps words and
  // codes; an opening word joins when the next word is a name ('Harbor Bank').
  // In Title Case Text capitals say nothing: only unknown words are names.
  size_t ncontent = 0, ncap = 0;
  for (const Tok &t : toks)
    if (content(t)) ++ncontent, ncap += t.cap;
  bool title_case = ncontent >= 4 && ncap + (ncontent >= 8 ? 1 : 0) >= ncontent;
  std::vector<bool> is_entity(toks.size(), false);
  for (size_t i = 0; i < toks.size(); ++i) {
    const Tok &t = toks[i];
    bool by_case = t.cap && (!t.sent_start || !(t.flags & kKnown)) && (!title_case || !(t.flags & kKnown));
    is_entity[i] = content(t) && (t.all_caps || t.mixed || by_case);
  }
  for (size_t i = 0; i + 1 < toks.size(); ++i)
    if (content(toks[i]) && toks[i].cap && toks[i].sent_start && is_entity[i + 1] && toks[i + 1].cap) is_entity[i] = true;
  for (size_t i = 0; i < toks.size(); ++i) {
    const Tok &t = toks[i];
    if (!content(t)) {
      if (t.kind != TokKind::Word || !(t.flags & kStop) || t.cap == false) in_run = false;
      continue;
    }
    bool entity = is_entity[i];
    if (!t.word.empty()) {
      std::string a = fold_for_match(text.substr(t.b, t.e - t.b));
      if (std::find(c->abbreviations.begin(), c->abbreviations.end(), a) == c->abbreviations.end())
        c->abbreviations.push_back(std::move(a));
    }
    auto it = index.find(t.stem);
    if (it == index.end()) {
      ClaimTerm term;
      term.stem = t.stem;
      term.word = t.word.empty() ? fold_for_match(text.substr(t.b, t.e - t.b)) : std::string(t.word);
      term.weight = t.weight;
      term.base_weight = t.weight;
      term.entity = entity;
      term.negated = negated[i];
      term.neg_head = head[i];
      it = index.emplace(t.stem, c->terms.size()).first;
      c->terms.push_back(std::move(term));
    } else {
      c->terms[it->second].entity |= entity;
    }
    tok_term[i] = static_cast<int>(it->second);
    if (entity) {
      if (!in_run) name_runs.emplace_back();
      name_runs.back().push_back(it->second);
    }
    in_run = entity;
  }
  // Names weigh more: the English table does not know them. A weight from
  // the corpus already holds a name's rarity, so it is not raised again.
  for (auto &term : c->terms) {
    double df = stats && stats->df && stats->docs > 0 ? stats->df(term.word) : -1;
    if (term.entity) term.base_weight *= kEntityBoost;
    if (df < 0) { // not counted: the English weight
      if (term.entity) term.weight *= kEntityBoost;
      continue;
    }
    double n = stats->docs;
    double idf = std::log(1 + (n - df + 0.5) / (df + 0.5));
    term.weight = static_cast<float>(std::max(0.2, idf) / 2.5);
  }
  // Keep the heaviest kMaxClaimTerms terms (10,000-word claims).
  std::vector<int> remap(c->terms.size(), -1);
  if (c->terms.size() > kMaxClaimTerms) {
    std::vector<size_t> order(c->terms.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return c->terms[a].weight > c->terms[b].weight; });
    order.resize(kMaxClaimTerms);
    std::sort(order.begin(), order.end());
    std::vector<ClaimTerm> kept;
    for (size_t k = 0; k < order.size(); ++k) {
      remap[order[k]] = static_cast<int>(k);
      kept.push_back(std::move(c->terms[order[k]]));
    }
    c->terms = std::move(kept);
  } else {
    for (size_t i = 0; i < remap.size(); ++i) remap[i] = static_cast<int>(i);
  }
  for (const auto &run : name_runs) {
    Claim::Name nm;
    int key = -1;
    for (size_t ti : run) {
      int k = remap[ti];
      if (k < 0) continue;
      const ClaimTerm &ct = c->terms[static_cast<size_t>(k)];
      nm.weight += ct.weight;
      if (key < 0 || ct.weight > c->terms[static_cast<size_t>(key)].weight) key = k;
    }
    if (key < 0) continue;
    nm.key_term = static_cast<uint16_t>(key);
    c->names.push_back(nm);
    c->entity_weight += nm.weight;
  }
  // Bigrams of adjacent content words (function words skipped, breaks stop).
  int prev = -1;
  for (size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].kind == TokKind::Break || toks[i].kind == TokKind::Number) {
      prev = -1;
      continue;
    }
    if (tok_term[i] < 0) continue;
    int cur = remap[static_cast<size_t>(tok_term[i])];
    if (prev >= 0 && cur >= 0 && prev != cur && c->bigrams.size() < 256) {
      auto bg = std::make_pair(static_cast<uint16_t>(prev), static_cast<uint16_t>(cur));
      if (std::find(c->bigrams.begin(), c->bigrams.end(), bg) == c->bigrams.end()) c->bigrams.push_back(bg);
    }
    prev = cur;
  }
  find_roles(toks, is_entity, tok_term, remap, *c);
  c->bigrams_ending.resize(c->terms.size());
  for (size_t b = 0; b < c->bigrams.size(); ++b) c->bigrams_ending[c->bigrams[b].second].push_back(static_cast<uint16_t>(b));
  // Quantities.
  std::vector<Quant> qs;
  find_quants(text, qs);
  std::vector<size_t> ctx;
  for (Quant &q : qs) {
    if (c->quants.size() >= 32) break;
    ctx.clear();
    quant_context(toks, qs, q, ctx);
    std::vector<uint16_t> terms;
    for (size_t i : ctx) {
      int k = tok_term[i] < 0 ? -1 : remap[static_cast<size_t>(tok_term[i])];
      if (k >= 0 && !c->terms[static_cast<size_t>(k)].entity &&
          std::find(terms.begin(), terms.end(), static_cast<uint16_t>(k)) == terms.end())
        terms.push_back(static_cast<uint16_t>(k));
    }
    c->quant_context.push_back(std::move(terms));
    ClaimQuantity cq;
    cq.kind = q.kind;
    cq.value = q.q.value;
    cq.currency = q.q.currency;
    cq.text = std::string(text.substr(q.b, q.e - q.b));
    c->quants.push_back(std::move(cq));
    c->quantities.push_back(std::move(q.q));
  }
  // Look-up table: exact stems, then related forms (at most 6 a term),
  // then antonyms.
  size_t entries = c->terms.size() * 7 + 8;
  for (const ClaimTerm &t : c->terms) {
    auto it = lex.antonyms.find(t.stem);
    if (it != lex.antonyms.end()) entries += it->second.size();
  }
  size_t cap = 16;
  while (cap < entries * 2) cap <<= 1;
  c->table.assign(cap, {});
  for (size_t i = 0; i < c->terms.size(); ++i) c->put(c->terms[i].stem, static_cast<uint16_t>(i), 1.0f);
  for (size_t i = 0; i < c->terms.size(); ++i) {
    auto it = lex.related.find(c->terms[i].stem);
    if (it == lex.related.end()) continue;
    size_t added = 0;
    for (const Related &r : it->second) {
      if (++added > 6) break;
      c->put(r.stem, static_cast<uint16_t>(i), r.credit);
    }
  }
  for (size_t i = 0; i < c->terms.size(); ++i) {
    auto it = lex.antonyms.find(c->terms[i].stem);
    if (it == lex.antonyms.end()) continue;
    for (uint64_t a : it->second) c->put(a, static_cast<uint16_t>(i), -1.0f);
  }
  for (const auto &t : c->terms) c->total_weight += t.weight;
  c->entity_strength = 0.5 * std::min(1.0, 12.0 / static_cast<double>(std::max<size_t>(1, c->terms.size())));
  // A quantity weighs as much as 1.5 average terms (kNumberWeight alone).
  c->number_weight = c->terms.empty() ? kNumberWeight : 1.5 * c->total_weight / static_cast<double>(c->terms.size());
  c->total_weight += c->number_weight * static_cast<double>(c->quants.size());
  if (stats) char_gram_vector(text, c->grams); // the table form's (scalars never read them)
  return c;
}

const std::vector<ClaimTerm> &claim_terms(const Claim &c) { return c.terms; }
const std::vector<ClaimQuantity> &claim_quantities(const Claim &c) { return c.quants; }
bool claim_is_empty(const Claim &c) { return c.terms.empty() && c.quants.empty(); }

const char *stance_name(Stance s) {
  switch (s) {
  case Stance::Supports: return "supports";
  case Stance::Contradicts: return "contradicts";
  default: return "neutral";
  }
}

// ---- scoring ------------------------------------------------------------------------
namespace {

struct TermHit {
  float best = 0;        // best credit seen
  uint8_t polarity = 0;  // 1: seen affirmed, 2: seen negated (for the best-credit matches)
  uint8_t antonym = 0;   // 1: antonym affirmed, 2: antonym negated
  bool neg_head = false; // seen as the first content word after a negation cue
  int last_pos = -1000;  // content position of the latest match
  uint32_t b = 0, e = 0; // where the best match is
};

enum QuantState : uint8_t { kMissing, kAgree, kConflict };

struct Detail {
  std::vector<TermHit> hits;
  std::vector<uint8_t> bigram_hit;
  std::vector<QuantState> quant_state;
  std::vector<int> quant_match; // index into text quants
  std::vector<uint8_t> term_conflict; // 1 negation, 2 antonym
};

thread_local Detail t_detail;

// Whether the text puts the claim's two names on the other sides of its
// verb ('Larkspur Labs sued Halvard Capital' for 'Halvard Capital sued
// Larkspur Labs'): at a word matching the claim's verb (its stem or a
// related form), the nearest of the two names on each side within the
// clause and kRoleScan tokens; with 'by' before the right one it is the
// doer ('Larkspur Labs was sued by Halvard Capital' agrees). False when
// any such place has them the claim's way round.
bool roles_swapped(const Claim &c, const std::vector<Tok> &toks) {
  bool swapped = false;
  for (const Claim::Roles &ro : c.roles) {
    auto name_at = [&](size_t k) { // 1: the doer, 2: the other, 0: neither
      const Claim::Entry *e = toks[k].kind == TokKind::Word ? c.find(toks[k].stem) : nullptr;
      if (!e || e->credit < 1) return 0;
      return e->term == ro.agent ? 1 : e->term == ro.patient ? 2 : 0;
    };
    auto stop = [&](size_t k) { return toks[k].kind == TokKind::Break || (toks[k].flags & kClause); };
    for (size_t p = 0; p < toks.size(); ++p) {
      const Claim::Entry *e = content(toks[p]) ? c.find(toks[p].stem) : nullptr;
      if (!e || e->credit <= 0 || e->term != ro.verb) continue;
      int left = 0, right = 0;
      bool by = false;
      for (size_t k = p, seen = 0; k-- > 0 && seen++ < kRoleScan && !stop(k);)
        if ((left = name_at(k))) break;
      for (size_t k = p + 1, seen = 0; k < toks.size() && seen++ < kRoleScan && !stop(k); ++k) {
        by |= toks[k].stem == kByStem;
        if ((right = name_at(k))) break;
      }
      if (!left || !right || left == right) continue;
      if ((by ? right : left) == 1) return false;
      swapped = true;
    }
  }
  return swapped;
}

// A relevance x in [0.5, 1] that must not support: [0.49, 0.5), in the
// same order (1 stays below the line too).
double just_below_line(double x) { return 0.49 + 0.0099 * (x - 0.5) / 0.5; }

ClaimScore score_impl(const Claim &c, std::string_view text, Detail &d, double corpus_relevance) {
  ClaimScore r;
  const size_t nt = c.terms.size();
  d.hits.assign(nt, TermHit{});
  d.bigram_hit.assign(c.bigrams.size(), 0);
  d.quant_state.assign(c.quants.size(), kMissing);
  d.quant_match.assign(c.quants.size(), -1);
  d.term_conflict.assign(nt, 0);
  if (claim_is_empty(c)) return r;
  std::vector<Tok> &toks = t_toks;
  tokenize(text, toks, kMaxTextWords);

  double text_weight = 0, text_matched = 0;
  int scope = 0, pos = 0;
  for (const Tok &t : toks) {
    if (t.kind == TokKind::Break || (t.flags & kClause)) {
      scope = 0;
      continue;
    }
    if (t.flags & kNeg) {
      scope = kNegationScope;
      continue;
    }
    if (!content(t)) continue;
    bool neg = scope > 0, head = scope == kNegationScope;
    if (scope > 0) --scope;
    ++pos;
    text_weight += t.weight;
    const Claim::Entry *e = c.find(t.stem);
    if (!e) continue;
    TermHit &h = d.hits[e->term];
    if (e->credit < 0) {
      h.antonym |= neg ? 2 : 1;
      continue;
    }
    text_matched += t.weight * e->credit;
    if (e->credit > h.best) {
      h.best = e->credit;
      h.polarity = 0;
      h.b = t.b;
      h.e = t.e;
    }
    if (e->credit >= h.best) h.polarity |= neg ? 2 : 1;
    h.neg_head |= head;
    for (uint16_t bi : c.bigrams_ending[e->term]) {
      int lp = d.hits[c.bigrams[bi].first].last_pos;
      if (lp >= pos - 2 && lp < pos) d.bigram_hit[bi] = 1;
    }
    h.last_pos = pos;
  }

  // Terms: coverage, entities, polarity and antonyms.
  double matched = 0, ent_matched = 0, matched_w = 0, flipped_w = 0; // *_w: English weights
  double matched_words_w = 0, words_w = 0; // of the terms that are no names: matched, all
  bool head_flipped = false;
  for (size_t i = 0; i < nt; ++i) {
    const ClaimTerm &ct = c.terms[i];
    TermHit &h = d.hits[i];
    if (!ct.entity) words_w += ct.base_weight;
    if (h.best > 0) {
      matched += ct.weight * h.best;
      matched_w += ct.base_weight;
      if (!ct.entity) matched_words_w += ct.base_weight;
      // Polarity: the claim's reading must be among the text's readings.
      bool text_aff = h.polarity & 1, text_neg = h.polarity & 2;
      if ((ct.negated && !text_neg) || (!ct.negated && !text_aff)) {
        flipped_w += ct.base_weight;
        d.term_conflict[i] = 1;
        // The word a negation bears on, however light ('did not meet its
        // revenue target' against 'met its revenue target').
        if (ct.negated ? ct.neg_head : h.neg_head) head_flipped = true;
      }
    } else if (h.antonym) {
      bool ant_aff = h.antonym & 1;
      // 'fell' against 'rose' contradicts; 'did not fall' against 'did not rise' too;
      // 'did not fall' against 'rose' is taken as agreement, partly.
      if (ct.negated ? !ant_aff : ant_aff) {
        r.antonym_conflict = true;
        d.term_conflict[i] = 2;
      } else {
        matched += ct.weight * 0.5;
        matched_w += ct.base_weight;
      }
    }
  }
  // A quarter of what the text matches, names aside, said the other way
  // round: names carry most of the weight but say nothing of polarity
  // ('Thames Water will not appeal' against 'Thames Water said it would
  // appeal').
  const double polar_w = matched_words_w > 0 ? matched_words_w : matched_w;
  if ((polar_w > 0 && flipped_w >= 0.25 * polar_w) || head_flipped) r.negation_conflict = true;

  // Quantities.
  std::vector<Quant> &tq = t_quants;
  if (!c.quants.empty()) find_quants(text, tq);
  // A text quantity speaks of the claim's when the words next to it match
  // the claim's words next to its quantity ('could lose $7 billion' and
  // 'losses of $9 billion'; not '$20 billion raised'). Among the text's
  // compatible quantities those sharing the most such words decide: one of
  // them agreeing is agreement, else a conflict; when none shares any, an
  // agreeing one still agrees and the others say nothing (missing). A claim
  // quantity with no words beside it compares with every compatible one.
  thread_local std::vector<size_t> ctx;
  thread_local std::vector<double> overlap;
  for (size_t qi = 0; qi < c.quants.size(); ++qi) {
    const ClaimQuantity &q = c.quants[qi];
    const std::vector<uint16_t> &want = c.quant_context[qi];
    overlap.assign(tq.size(), 0);
    double best = 0;
    for (size_t k = 0; k < tq.size() && !want.empty(); ++k) {
      if (!compatible(q.kind, tq[k])) continue;
      ctx.clear();
      quant_context(toks, tq, tq[k], ctx);
      for (size_t i : ctx) {
        const Claim::Entry *e = c.find(toks[i].stem);
        if (e && e->credit > 0 && std::find(want.begin(), want.end(), e->term) != want.end())
          overlap[k] += c.terms[e->term].base_weight * e->credit;
      }
      best = std::max(best, overlap[k]);
    }
    bool any = false;
    for (size_t k = 0; k < tq.size(); ++k) {
      if (!compatible(q.kind, tq[k])) continue;
      bool same_thing = want.empty() || (best > 0 && overlap[k] >= best);
      bool agrees = agree(c.quantities[qi], tq[k].q);
      if (agrees && (same_thing || best == 0)) {
        d.quant_state[qi] = kAgree;
        d.quant_match[qi] = static_cast<int>(k);
        break;
      }
      if (!same_thing) continue;
      any = true;
      if (d.quant_match[qi] < 0) d.quant_match[qi] = static_cast<int>(k);
    }
    if (d.quant_state[qi] == kAgree) {
      ++r.numbers_agree;
      matched += c.number_weight;
    } else if (any) {
      d.quant_state[qi] = kConflict;
      ++r.numbers_conflict;
    } else {
      ++r.numbers_missing;
    }
  }

  r.coverage = c.total_weight > 0 ? matched / c.total_weight : 0;
  size_t nb = c.bigrams.size();
  if (nb) {
    size_t hits = 0;
    for (uint8_t b : d.bigram_hit) hits += b;
    r.bigrams = static_cast<double>(hits) / static_cast<double>(nb);
  } else {
    r.bigrams = r.coverage;
  }
  r.focus = text_weight > 0 ? std::min(1.0, text_matched / text_weight) : 0;
  for (const Claim::Name &nm : c.names)
    if (d.hits[nm.key_term].best > 0) ent_matched += nm.weight;
  r.entities = c.entity_weight > 0 ? ent_matched / c.entity_weight : 1;

  // F-measure of coverage and focus weighted toward coverage (beta = 2):
  // a text must cover the claim, and when the claim is long (a post, a
  // paragraph) a short text that is mostly about it still ranks high.
  // In the table form (corpus evidence given) the texts compete for one
  // claim and focus counts a little more (beta^2 = 2; CLEF train 0.865
  // against 0.859; beta = 1 ranked 0.868 but left long supporting sentences
  // neutral).
  const double b2 = corpus_relevance >= 0 ? 2.0 : 4.0;
  double f = r.coverage > 0 && r.focus > 0 ? (1 + b2) * r.coverage * r.focus / (b2 * r.focus + r.coverage) : 0;
  r.f = f;
  r.text_weight = text_weight;
  r.claim_weight = c.total_weight;
  double x = 0.8 * f + 0.2 * r.bigrams * std::min(1.0, 2 * f);
  if (c.entity_weight > 0) x *= 1 - c.entity_strength * (1 - r.entities);
  r.own = x;
  double about = -1;
  if (corpus_relevance >= 0) {
    // The index may rank a whole article: it counts up to three times what
    // the sentence itself shows (so the score is at most 1.8x the
    // sentence's own relevance), and a weak sentence of a relevant article
    // does not pass for support.
    x = (1 - kCorpusBlend) * x + kCorpusBlend * std::min({1.0, corpus_relevance, kCorpusCap * x});
    // Character 4-grams see what stems and WordNet miss (spellings,
    // compounds, hashtags, names across words): their cosine closes part
    // of the gap to 1, so it only ever raises a score (a long supporting
    // sentence, whose cosine is low, keeps its score). Weight chosen on
    // CLEF train: MAP@5 0.865 without, 0.874 at 0.3, 0.876 at 0.5
    // (tools/claim_rank_cv.py prints the grid without contradiction caps).
    r.chargrams = gram_cosine(c.grams, text);
    x = std::min(1.0, std::max(0.0, x));
    about = x; // whether the text is about the claim: words, not spellings
    x += kGramBonus * r.chargrams * (1 - x);
  }
  x = std::min(1.0, std::max(0.0, x));
  // Corpus evidence (a relevant article, similar spellings) ranks a
  // sentence but does not carry it over the 0.5 line alone: the sentence
  // must hold most of the claim itself, at least kCoverSupport of its
  // weighted terms (a sentence naming only the claim's subject, in an
  // article about it, is no support: 'Gull Island ferry fares will fall'
  // against another sentence of the fares story; a long sentence holding
  // the whole claim is, however low its focus). A claim with a number is supported by a
  // text that gives the number: without it the sentence must pass 0.5 on
  // its own ('$20 billion raised' against 'could lose $7 billion'). Order
  // is kept within [0.49, 0.5): CLEF MAP@5 is the same with either rule.
  if (corpus_relevance >= 0 && x >= 0.5 &&
      (r.coverage < kCoverSupport || (r.numbers_agree == 0 && r.numbers_missing > 0 && r.own < 0.5)))
    x = just_below_line(x);
  // Names are not what a claim says of them: a text holding less than half
  // of the claim's other words (its predicate) does not support it ('Meta
  // has been fined by the EU' against '… the European Union accounts for 23
  // percent of Meta's revenue'). Both forms; order kept as above.
  if (x >= 0.5 && words_w > 0 && matched_words_w < 0.5 * words_w) x = just_below_line(x);
  bool contradiction = r.negation_conflict || r.antonym_conflict || r.numbers_conflict > 0;
  // The scalar: a text holding the whole claim (every weighted term, every
  // name, each number agreeing) supports it however long it is; focus only
  // orders such texts ('Larkspur Labs raised $600 million' against a
  // 40-word sentence saying so scored 0.44).
  r.role_swap = !c.roles.empty() && roles_swapped(c, toks);
  if (corpus_relevance < 0 && !contradiction && !r.role_swap && r.coverage >= kWholeClaim && r.entities >= 1 &&
      r.numbers_missing == 0 && (c.quants.empty() || r.numbers_agree > 0))
    x = std::max(x, 0.5 + 0.25 * x);
  // The claim's two names on the other sides of its verb: another claim
  // made of the same words, no support ('Larkspur Labs sued Halvard
  // Capital' for 'Halvard Capital sued Larkspur Labs'); order kept as above.
  if (x >= 0.5 && r.role_swap) x = just_below_line(x);
  r.relevance = x;
  // A contradiction keeps the order of relevance but stays below 0.47.
  r.score = !contradiction ? x : x < 0.5 ? x * 0.94 : 0.47 + 0.02 * (x - 0.5) / 0.5;
  if (about < 0) about = x;
  // A text that holds the whole claim but says part of it the other way
  // ('the cost rose 30%' against 'the cost fell') is about it however long
  // it is: its contradiction is a contradiction.
  if (contradiction && about < 0.5 && r.entities >= 1 && c.total_weight > 0) {
    double conflict_w = c.number_weight * r.numbers_conflict;
    for (size_t i = 0; i < d.term_conflict.size(); ++i)
      if (d.term_conflict[i] == 2) conflict_w += c.terms[i].weight;
    if ((matched + conflict_w) / c.total_weight >= kWholeClaim) about = 0.5;
  }
  r.stance = contradiction && about >= 0.5 ? Stance::Contradicts : r.score >= 0.5 ? Stance::Supports : Stance::Neutral;
  return r;
}

} // namespace

ClaimScore score_claim(const Claim &c, std::string_view text, double corpus_relevance, TextTerms *terms) {
  ClaimScore r = score_impl(c, text, t_detail, corpus_relevance);
  // score_impl leaves the text's tokens in t_toks (not when the claim is empty).
  if (terms && !claim_is_empty(c))
    for (const Tok &t : t_toks)
      if (content(t)) {
        terms->words += 1;
        if (!c.find(t.stem)) terms->terms.emplace_back(t.stem, t.weight);
      }
  return r;
}

// ---- pseudo-relevance feedback (table form) ----------------------------------------------
namespace {
using StemWeights = std::vector<std::pair<uint64_t, float>>;
// Sorts by stem and sums the weights of equal stems.
void merge_stems(StemWeights &v) {
  std::sort(v.begin(), v.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
  size_t o = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    if (o > 0 && v[o - 1].first == v[i].first) v[o - 1].second += v[i].second;
    else v[o++] = v[i];
  }
  v.resize(o);
}
} // namespace

std::vector<double> claim_feedback(std::vector<TextTerms> &texts, const std::vector<double> &scores) {
  const size_t n = texts.size();
  std::vector<double> out(n, 0.0);
  if (n < 2 || scores.size() != n) return out;
  // Each text's words beyond the claim: stem -> share of the text's content
  // words times the word's English weight (an IDF).
  for (TextTerms &t : texts) {
    merge_stems(t.terms);
    if (t.words > 0)
      for (auto &kv : t.terms) kv.second = static_cast<float>(kv.second / t.words);
  }
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scores[a] > scores[b]; });
  const size_t k = std::min(kFeedbackDocs, n);
  // The feedback model: the voters' words weighed by their score.
  std::vector<double> vote(n, 0.0);
  StemWeights model;
  double total = 0;
  for (size_t r = 0; r < k; ++r) {
    size_t i = order[r];
    vote[i] = std::exp(kFeedbackTemp * (scores[i] - scores[order[0]]));
    for (const auto &kv : texts[i].terms) {
      model.emplace_back(kv.first, static_cast<float>(vote[i] * kv.second));
      total += vote[i] * kv.second;
    }
  }
  merge_stems(model);
  // A text's agreement: the share of the model (without its own vote) that
  // it also says.
  for (size_t i = 0; i < n; ++i) {
    double shared = 0, own_total = 0;
    for (const auto &kv : texts[i].terms) {
      auto it = std::lower_bound(model.begin(), model.end(), kv.first,
                                 [](const auto &a, uint64_t stem) { return a.first < stem; });
      if (it == model.end() || it->first != kv.first) continue;
      shared += it->second - vote[i] * kv.second;
      own_total += vote[i] * kv.second;
    }
    double z = total - own_total;
    out[i] = z > 1e-12 ? std::clamp(shared / z, 0.0, 1.0) : 0.0;
  }
  return out;
}

double feedback_score(double score, double agreement) {
  double line = score >= 0.5 ? 1.0 : 0.5;
  return score + kFeedbackBonus * std::clamp(agreement, 0.0, 1.0) * (line - score);
}

// ---- explanation ------------------------------------------------------------------------
namespace {

void json_str(std::string &o, std::string_view s) {
  o += '"';
  for (unsigned char ch : s) {
    switch (ch) {
    case '"': o += "\\\""; break;
    case '\\': o += "\\\\"; break;
    case '\n': o += "\\n"; break;
    case '\r': o += "\\r"; break;
    case '\t': o += "\\t"; break;
    default:
      if (ch < 0x20) {
        char b[8];
        std::snprintf(b, sizeof b, "\\u%04x", ch);
        o += b;
      } else {
        o += static_cast<char>(ch);
      }
    }
  }
  o += '"';
}

void json_num(std::string &o, double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.4g", v);
  o += b;
}

const char *kind_name(QuantKind k) {
  switch (k) {
  case QuantKind::Money: return "money";
  case QuantKind::Percent: return "percent";
  case QuantKind::Year: return "year";
  case QuantKind::Ordinal: return "ordinal";
  default: return "number";
  }
}

} // namespace

std::string explain_claim(const Claim &c, std::string_view text, double corpus_relevance) {
  Detail d;
  ClaimScore r = score_impl(c, text, d, corpus_relevance);
  // Valid UTF-8 for the snippets we copy out of the text.
  auto span = [&](uint32_t b, uint32_t e) { return std::string(text.substr(b, e - b)); };
  std::string o = "{\"score\":";
  json_num(o, r.score);
  o += ",\"stance\":";
  json_str(o, stance_name(r.stance));
  o += ",\"parts\":{\"relevance\":";
  json_num(o, r.relevance);
  o += ",\"coverage\":";
  json_num(o, r.coverage);
  o += ",\"bigrams\":";
  json_num(o, r.bigrams);
  o += ",\"focus\":";
  json_num(o, r.focus);
  o += ",\"entities\":";
  json_num(o, r.entities);
  o += "},\"matched\":[";
  bool first = true;
  for (size_t i = 0; i < c.terms.size(); ++i) {
    const TermHit &h = d.hits[i];
    if (h.best <= 0) continue;
    if (!first) o += ',';
    first = false;
    o += "{\"term\":";
    json_str(o, c.terms[i].word);
    o += ",\"text\":";
    json_str(o, span(h.b, h.e));
    o += ",\"how\":";
    json_str(o, h.best >= 1 ? "stem" : h.best >= kDerivCredit ? "derivation" : h.best >= kSynCredit ? "synonym" : "two steps");
    o += ",\"weight\":";
    json_num(o, c.terms[i].weight);
    o += '}';
  }
  o += "],\"missing\":[";
  first = true;
  for (size_t i = 0; i < c.terms.size(); ++i) {
    if (d.hits[i].best > 0) continue;
    if (!first) o += ',';
    first = false;
    json_str(o, c.terms[i].word);
  }
  o += "],\"entities\":[";
  first = true;
  for (size_t i = 0; i < c.terms.size(); ++i) {
    if (!c.terms[i].entity) continue;
    if (!first) o += ',';
    first = false;
    o += "{\"entity\":";
    json_str(o, c.terms[i].word);
    o += ",\"found\":";
    o += d.hits[i].best > 0 ? "true" : "false";
    o += '}';
  }
  o += "],\"numbers\":[";
  std::vector<Tok> toks;
  std::vector<Quant> tq;
  tokenize(text, toks, kMaxTextWords);
  find_quants(text, tq);
  for (size_t qi = 0; qi < c.quants.size(); ++qi) {
    if (qi) o += ',';
    const ClaimQuantity &q = c.quants[qi];
    o += "{\"claim\":";
    json_str(o, q.text);
    o += ",\"kind\":";
    json_str(o, kind_name(q.kind));
    o += ",\"value\":";
    json_num(o, q.value);
    o += ",\"text\":";
    int m = d.quant_match[qi];
    if (m >= 0 && static_cast<size_t>(m) < tq.size()) json_str(o, span(tq[static_cast<size_t>(m)].b, tq[static_cast<size_t>(m)].e));
    else o += "null";
    o += ",\"agreement\":";
    json_str(o, d.quant_state[qi] == kAgree ? "agree" : d.quant_state[qi] == kConflict ? "conflict" : "missing");
    o += '}';
  }
  o += "],\"negation\":{\"conflict\":";
  o += r.negation_conflict ? "true" : "false";
  o += ",\"terms\":[";
  first = true;
  for (size_t i = 0; i < c.terms.size(); ++i) {
    if (d.term_conflict[i] != 1) continue;
    if (!first) o += ',';
    first = false;
    o += "{\"term\":";
    json_str(o, c.terms[i].word);
    o += ",\"claim_negated\":";
    o += c.terms[i].negated ? "true" : "false";
    o += '}';
  }
  o += "]},\"antonyms\":{\"conflict\":";
  o += r.antonym_conflict ? "true" : "false";
  o += ",\"terms\":[";
  first = true;
  for (size_t i = 0; i < c.terms.size(); ++i) {
    if (d.term_conflict[i] != 2) continue;
    if (!first) o += ',';
    first = false;
    json_str(o, c.terms[i].word);
  }
  o += "]},\"roles\":{\"swapped\":";
  o += r.role_swap ? "true" : "false";
  o += "}}";
  return o;
}

// ---- FTS5 query ----------------------------------------------------------------------------
std::vector<std::string> claim_query_words(const Claim &c, size_t max_terms) {
  std::vector<size_t> order(c.terms.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return c.terms[a].weight > c.terms[b].weight; });
  if (order.size() > max_terms) order.resize(max_terms);
  std::sort(order.begin(), order.end());
  std::vector<std::string> out;
  for (size_t i : order) out.push_back(c.terms[i].word);
  // Abbreviations as written too: the index holds 'IPO', the terms 'initial
  // public offering'.
  for (const std::string &a : c.abbreviations)
    if (!out.empty() && std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
  // A claim's counts and amounts (not years or ordinals) by the first run of
  // letters and digits of each, as the index holds it: '$150 billion' ->
  // 150, '8%' -> 8, '$1,000' -> 1. Numbers are not terms, but an article
  // giving the claim's number is a candidate. (Years are left out: a post's
  // signature date would pull in every article of its year.) A claim of
  // numbers alone still has no query.
  if (out.empty()) return out;
  size_t added = 0;
  for (const ClaimQuantity &q : c.quants) {
    if (added == kQueryNumbers) break;
    if (q.kind == QuantKind::Year || q.kind == QuantKind::Ordinal) continue;
    const std::string &t = q.text;
    auto alnum = [&](size_t k) { return std::isalnum(static_cast<unsigned char>(t[k])) != 0; };
    for (size_t i = 0; i < t.size();) {
      size_t j = i;
      while (j < t.size() && alnum(j)) ++j;
      if (j == i) {
        ++i;
        continue;
      }
      std::string w = t.substr(i, j - i);
      if (std::none_of(w.begin(), w.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)) != 0; })) {
        i = j;
        continue;
      }
      for (char &ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (std::find(out.begin(), out.end(), w) == out.end()) out.push_back(std::move(w)), ++added;
      break;
    }
  }
  return out;
}

std::string claim_fts_query(const Claim &c, size_t max_terms) {
  std::string q;
  for (const std::string &w : claim_query_words(c, max_terms)) {
    if (!q.empty()) q += " OR ";
    q += '"';
    for (char ch : w) {
      if (ch == '"') q += '"';
      q += ch;
    }
    q += '"';
  }
  return q;
}

} // namespace lede
