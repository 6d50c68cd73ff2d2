// ner.cpp — see ner.hpp. Feature hashing, the two-pass greedy decoder, the
// tagger tokeniser and the gazetteer.
//
// Hot path: no string is built per token. Words are hashed straight from
// their code points; features are 64-bit mixes of small template ids and
// those hashes; weights are looked up by hash in an open-addressed table.
#include "ner.hpp"

#include "document.hpp"
#include "resources.hpp"
#include "text.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace lede::ner {
namespace {

inline uint64_t fmix(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ULL;
  k ^= k >> 33;
  return k;
}
// A feature's hash: its template id and up to three values (hashes or small
// integers), each scaled by its own odd constant, summed, then one mix.
// The parts are already well-mixed or tiny, so one finaliser is enough for
// the bucket (the top bits); model files from the three-mix hashing
// ("LEDENER2") are not compatible.
inline uint64_t F(uint64_t t, uint64_t a = 0, uint64_t b = 0, uint64_t c = 0) {
  return fmix(t * 0x9E3779B97F4A7C15ULL + a + b * 0xC2B2AE3D27D4EB4FULL + c * 0x165667B19E3779F9ULL);
}

// Feature templates. Values are part of the model: append, never renumber.
enum Tmpl : uint64_t {
  T_BIAS = 1, T_W, T_L, T_S, T_SS, T_PRE, T_SUF = T_PRE + 8, T_LM1 = T_SUF + 8, T_LP1, T_LM2,
  T_LP2, T_SSM1, T_SSP1, T_LM1L, T_LLP1, T_SS3, T_START, T_STARTL, T_CAPS, T_CAPSL, T_GZ,
  T_GZS, T_GZM1, T_GZP1, T_DOC, T_LEN, T_P1, T_P12, T_P1L, T_P1SS, T_VM, T_VMS, T_VP, T_VPS,
  T_SSM1SS, T_SSSSP1,
};

constexpr uint64_t kBOS = 0x5b4f535d, kEOS = 0x5b454f535d;

uint64_t hash_cps(const char32_t *p, size_t n) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < n; ++i) {
    h ^= static_cast<uint64_t>(p[i]);
    h *= 1099511628211ULL;
  }
  return fmix(h ^ n);
}

char32_t shape_char_slow(char32_t c) {
  if (is_upper(c)) return 'X';
  if (is_lower(c)) return 'x';
  if (is_digit(c)) return 'd';
  return fold_punct(c);
}
// shape_char_slow of the ASCII code points.
constexpr struct AsciiShapes {
  char v[128];
  constexpr AsciiShapes() : v() {
    for (int c = 0; c < 128; ++c)
      v[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? 'X' : c >= 'a' && c <= 'z' ? 'x' : c >= '0' && c <= '9' ? 'd'
                               : c == 0x60 ? '\'' : c);
  }
} kAsciiShapes{};
inline char32_t shape_char(char32_t c) {
  return c < 0x80 ? static_cast<char32_t>(kAsciiShapes.v[c]) : shape_char_slow(c);
}

// 'U.S', 'U.N', 'e.g': letters separated by single periods.
bool is_dotted(std::u32string_view w) {
  bool dot = false;
  size_t run = 0;
  for (char32_t c : w) {
    if (c == '.') {
      if (run == 0 || run > 3) return false;
      dot = true;
      run = 0;
    } else if (is_letter(c)) {
      ++run;
    } else {
      return false;
    }
  }
  return dot && run <= 3;
}

bool is_hyphen_suffix(std::u32string_view w) {
  static constexpr std::string_view kSuf[] = {"based", "born", "owned", "led", "made", "headquartered",
                                     "listed", "backed", "funded", "run", "controlled",
                                     "registered", "bound", "focused", "style", "linked"};
  if (w.size() > 13) return false;
  char buf[16];
  for (size_t i = 0; i < w.size(); ++i) {
    if (w[i] > 127) return false;
    buf[i] = static_cast<char>(to_lower(w[i]));
  }
  std::string_view s(buf, w.size());
  for (std::string_view a : kSuf)
    if (s == a) return true;
  return false;
}

// (Not an em dash or a horizontal bar: 'Trump—the' is two words.)
bool inner_joiner(char32_t c) {
  if (c == 0x2014 || c == 0x2015) return false;
  char32_t f = fold_punct(c);
  return f == '.' || f == '\'' || f == '-' || f == '&' || is_dash(c);
}

} // namespace

const char *tag_name(uint8_t tag) {
  static const char *const kNames[] = {"O",     "B-PER", "I-PER",  "B-ORG", "I-ORG",
                                       "B-LOC", "I-LOC", "B-MISC", "I-MISC"};
  return tag < kTags ? kNames[tag] : "O";
}

uint64_t lower_hash(std::u32string_view w) {
  uint64_t h = 1469598103934665603ULL;
  for (char32_t c : w) {
    h ^= static_cast<uint64_t>(to_lower(fold_punct(c)));
    h *= 1099511628211ULL;
  }
  return fmix(h ^ w.size());
}

void split_words(std::u32string_view t, uint32_t start, uint32_t end, std::vector<Span> &out) {
  uint32_t i = start;
  end = std::min<uint32_t>(end, static_cast<uint32_t>(t.size()));
  while (i < end) {
    char32_t c = t[i];
    if (is_space(c)) {
      ++i;
      continue;
    }
    if (!is_alnum(c)) {
      out.push_back({i, i + 1});
      ++i;
      continue;
    }
    uint32_t j = i + 1;
    while (j < end) {
      if (is_alnum(t[j])) {
        ++j;
      } else if (j + 1 < end && is_alnum(t[j + 1]) &&
                 (inner_joiner(t[j]) || (t[j] == ',' && is_digit(t[j - 1]) && is_digit(t[j + 1])))) {
        ++j;
      } else {
        break;
      }
    }
    std::u32string_view w(t.data() + i, j - i); // i < j <= end <= t.size()
    // A final period that belongs to the word.
    if (j < end && t[j] == '.' &&
        (is_dotted(w) || (w.size() == 1 && is_upper(w[0])) || is_abbreviation(w)))
      ++j, w = std::u32string_view(t.data() + i, j - i);
    // Possessive and n't.
    uint32_t split = j;
    if (w.size() > 2 && (w.back() == 's' || w.back() == 'S') && fold_punct(w[w.size() - 2]) == '\'')
      split = j - 2;
    else if (w.size() > 3 && w.back() == 't' && fold_punct(w[w.size() - 2]) == '\'' &&
             (w[w.size() - 3] == 'n' || w[w.size() - 3] == 'N'))
      split = j - 3;
    // 'Toronto-based' -> 'Toronto' '-based'.
    if (split == j && is_upper(t[i])) {
      for (uint32_t k = j - 1; k > i + 1; --k) {
        if (is_dash(t[k])) {
          if (is_hyphen_suffix(t.substr(k + 1, j - k - 1))) split = k;
          break;
        }
      }
    }
    if (split != j) {
      out.push_back({i, split});
      out.push_back({split, j});
    } else {
      out.push_back({i, j});
    }
    i = j;
  }
}

// ---------------------------------------------------------------- gazetteer

namespace {
// Hashes of the words of a phrase made of ASCII letters and digits between
// single spaces (nearly every gazetteer line), as split_words + lower_hash
// would give them; false for any other phrase.
bool simple_phrase_hashes(std::string_view phrase, std::vector<uint64_t> &hs) {
  hs.clear();
  uint64_t h = 1469598103934665603ULL;
  size_t len = 0;
  for (char ch : phrase) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c == ' ') {
      if (len == 0) return false;
      hs.push_back(fmix(h ^ len));
      h = 1469598103934665603ULL;
      len = 0;
      continue;
    }
    const bool up = c >= 'A' && c <= 'Z';
    if (!(up || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
    h = (h ^ static_cast<uint64_t>(up ? c + 32 : c)) * 1099511628211ULL;
    ++len;
  }
  if (len == 0) return false;
  hs.push_back(fmix(h ^ len));
  return true;
}
} // namespace

Gazetteer::Gazetteer(std::string_view tsv) {
  std::vector<Span> spans;
  std::vector<uint64_t> hs;
  {
    // One table for all lines: no growth while loading.
    const size_t lines = static_cast<size_t>(std::count(tsv.begin(), tsv.end(), '\n')) + 1;
    size_t cap = 1024;
    while (cap < (lines + 1) * 2) cap <<= 1;
    table_.assign(cap, {0, 0});
  }
  size_t p = 0;
  while (p < tsv.size()) {
    size_t e = tsv.find('\n', p);
    if (e == std::string_view::npos) e = tsv.size();
    std::string_view line = tsv.substr(p, e - p);
    p = e + 1;
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    uint32_t bits = 0;
    for (char c : line.substr(tab + 1)) {
      switch (c) {
      case 'C': bits |= Country; break;
      case 'R': bits |= Region; break;
      case 'T': bits |= City; break;
      case 'P': bits |= ProperNoun; break;
      case 'W': bits |= CommonWord; break;
      case 'O': bits |= Org; break;
      default: break;
      }
    }
    if (simple_phrase_hashes(line.substr(0, tab), hs)) {
      if (hs.size() > 6) continue;
      insert_phrase(hs, bits);
      continue;
    }
    std::u32string phrase = decode_utf8(line.substr(0, tab));
    spans.clear();
    split_words(phrase, 0, static_cast<uint32_t>(phrase.size()), spans);
    if (spans.empty() || spans.size() > 6) continue;
    hs.clear();
    for (const Span &s : spans) hs.push_back(lower_hash(std::u32string_view(phrase).substr(s.start, s.size())));
    insert_phrase(hs, bits);
  }
}

void Gazetteer::insert_phrase(const std::vector<uint64_t> &hs, uint32_t bits) {
  insert(lookup_key(hs.data(), hs.size()), bits);
  max_words_ = std::max(max_words_, hs.size());
  if (hs.size() >= 2) {
    const uint64_t b = hs[0] & (kStartBits - 1);
    starts_[b >> 6] |= uint64_t(1) << (b & 63);
  }
}

uint64_t Gazetteer::lookup_key(const uint64_t *h, size_t n) {
  uint64_t k = 0x243F6A8885A308D3ULL;
  for (size_t i = 0; i < n; ++i) k = fmix(k ^ h[i]) + i;
  return k;
}

void Gazetteer::insert(uint64_t key, uint32_t bits) {
  if (key == 0) key = 1;
  if ((used_ + 1) * 2 > table_.size()) {
    std::vector<std::pair<uint64_t, uint32_t>> old(std::max<size_t>(1024, table_.size() * 2));
    old.swap(table_);
    used_ = 0;
    for (const auto &e : old)
      if (e.first) insert(e.first, e.second);
  }
  const size_t mask = table_.size() - 1;
  size_t s = key & mask;
  while (table_[s].first && table_[s].first != key) s = (s + 1) & mask;
  if (!table_[s].first) ++used_;
  table_[s].first = key;
  table_[s].second |= bits;
}

uint32_t Gazetteer::lookup(const uint64_t *h, size_t n) const {
  if (table_.empty()) return 0;
  uint64_t key = lookup_key(h, n);
  if (key == 0) key = 1;
  const size_t mask = table_.size() - 1;
  for (size_t s = key & mask; table_[s].first; s = (s + 1) & mask)
    if (table_[s].first == key) return table_[s].second;
  return 0;
}

const Gazetteer &Gazetteer::builtin() {
  static const Gazetteer g(resource("ner-gazetteer.tsv"));
  return g;
}

// ---------------------------------------------------------------- features

namespace {

// Numbers distinct 64-bit keys densely (0, 1, 2, ...): a flat open-addressed
// table; the keys are already well-mixed hashes.
class Interner {
public:
  void reset(size_t expected) {
    size_t cap = 16;
    while (cap < expected * 2) cap <<= 1;
    if (keys_.size() < cap) keys_.resize(cap); // only ids_ says which slots hold keys
    ids_.assign(cap, kEmpty);
    mask_ = cap - 1;
    count_ = 0;
  }
  // Id of `key`; `fresh` tells whether it was first seen now.
  uint32_t intern(uint64_t key, bool *fresh) {
    size_t s = (key ^ (key >> 32)) & mask_;
    while (ids_[s] != kEmpty) {
      if (keys_[s] == key) {
        *fresh = false;
        return ids_[s];
      }
      s = (s + 1) & mask_;
    }
    keys_[s] = key;
    ids_[s] = count_;
    *fresh = true;
    return count_++;
  }
  uint32_t size() const { return count_; }

private:
  static constexpr uint32_t kEmpty = 0xFFFFFFFFu;
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> ids_;
  size_t mask_ = 0;
  uint32_t count_ = 0;
};

constexpr uint64_t kFnvBasis = 1469598103934665603ULL, kFnvPrime = 1099511628211ULL;

} // namespace

Featurizer::WordInfo Featurizer::word_info(std::u32string_view w) const {
  uint64_t hl = kFnvBasis, hss = kFnvBasis;
  char32_t last = 0;
  bool up = false, lo = false;
  for (char32_t c : w) {
    char32_t lc, s;
    if (c < 0x80) {
      lc = static_cast<unsigned char>(detail::kAsciiFold.v[c]);
      s = static_cast<unsigned char>(kAsciiShapes.v[c]);
    } else {
      lc = to_lower(fold_punct(c));
      s = shape_char_slow(c);
    }
    hl = (hl ^ static_cast<uint64_t>(lc)) * kFnvPrime;
    up |= s == 'X';
    lo |= s == 'x';
    if (s != last) hss = (hss ^ s) * kFnvPrime;
    last = s;
  }
  WordInfo info;
  info.hl = fmix(hl ^ w.size());
  info.hss = fmix(hss);
  info.up = up;
  info.lo = lo;
  info.gz = gaz_.lookup(&info.hl, 1);
  return info;
}

void Featurizer::prepare(const Input &in, const KnownWords *known) {
  n_ = in.words.size();
  votes_on_ = false;
  hl_.resize(n_);
  hss_.resize(n_);
  lid_.resize(n_);
  hw_.resize(n_);
  if (word_info_.empty() || word_info_used_ * 2 >= kWordInfoSlots) {
    word_info_.assign(kWordInfoSlots, WordInfo());
    word_info_used_ = 0;
  }
  type_.assign(n_, 0);
  trivial_.assign(n_, 0);
  start_.assign(n_, 0);
  upper_.assign(n_, 0);
  gz_.assign(n_, 0);
  caps_sent_.assign(n_, 0);
  lower_.assign(n_, 0);
  std::vector<uint32_t> &gz = gz_;
  std::vector<uint8_t> &caps_sent = caps_sent_, &lower = lower_;

  // Per word: lower-case hash, shape-class hash, case flags; per distinct
  // lower-cased word: its id and its gazetteer classes as a unigram.
  for (size_t i = 0, e = std::min(n_, in.sentence_start.size()); i < e; ++i) start_[i] = in.sentence_start[i] != 0;
  if (n_ > 0) start_[0] = 1;
  static thread_local Interner lower_ids;
  lower_ids.reset(n_);
  std::vector<uint32_t> &gz_unigram = gz_unigram_;
  gz_unigram.clear();
  for (size_t i = 0; i < n_; ++i) {
    const std::u32string_view w = in.words[i];
    const uint64_t hw = hash_cps(w.data(), w.size());
    hw_[i] = hw;
    const uint64_t key = hw ? hw : 1;
    size_t slot = key & (kWordInfoSlots - 1);
    while (word_info_[slot].key && word_info_[slot].key != key) slot = (slot + 1) & (kWordInfoSlots - 1);
    WordInfo fresh_info;
    if (!word_info_[slot].key) {
      fresh_info = word_info(w);
      if (word_info_used_ * 4 < kWordInfoSlots * 3) { // else a huge document: not kept
        fresh_info.key = key;
        word_info_[slot] = fresh_info;
        ++word_info_used_;
      }
    }
    const WordInfo &info = word_info_[slot].key ? word_info_[slot] : fresh_info;
    hl_[i] = info.hl;
    hss_[i] = info.hss;
    upper_[i] = info.up;
    lower[i] = info.lo;
    bool fresh;
    lid_[i] = lower_ids.intern(info.hl, &fresh);
    // The tagger's features: the classes it was trained with (the
    // organisation class serves the document pass in entities.cpp).
    if (fresh) gz_unigram.push_back(info.gz & Gazetteer::kTaggerClasses);
    gz[i] |= gz_unigram[lid_[i]];
  }
  nlower_ = lower_ids.size();
  const std::vector<uint8_t> &upper = upper_;
  // All-caps sentences (headlines): no lower-case letter, some upper-case.
  for (size_t s = 0; s < n_;) {
    size_t e = s + 1;
    while (e < n_ && !start_[e]) ++e;
    bool any_lower = false, any_upper = false;
    for (size_t i = s; i < e; ++i) any_lower |= lower[i] != 0, any_upper |= upper[i] != 0;
    for (size_t i = s; i < e; ++i) caps_sent[i] = any_upper && !any_lower;
    s = e;
  }
  // Gazetteer phrases, marked B (first word) / I (others).
  const size_t maxw = gaz_.max_words();
  for (size_t i = 0; i < n_; ++i) {
    // Phrases start with a capital in running text.
    if (!upper[i] || !gaz_.may_start_phrase(hl_[i])) continue;
    for (size_t len = std::min(maxw, n_ - i); len >= 2; --len) {
      uint32_t c = gaz_.lookup(&hl_[i], len) & (Gazetteer::Country | Gazetteer::Region | Gazetteer::City);
      if (!c) continue;
      gz[i] |= c << 8;
      for (size_t k = 1; k < len; ++k) gz[i + k] |= c << 16;
      break;
    }
  }
  // Document evidence per lower-cased word: seen all lower case; seen
  // capitalised in the middle of a mixed-case sentence.
  std::vector<uint8_t> &docflags = docflags_;
  docflags.assign(nlower_, 0);
  for (size_t i = 0; i < n_; ++i) {
    uint8_t f = 0;
    if (lower[i] && !upper[i]) f |= 1;
    if (upper[i] && !start_[i] && !caps_sent[i]) f |= 2;
    docflags[lid_[i]] |= f;
  }
  // Lower case among lower case: cannot be part of a name.
  for (size_t i = 0; i < n_; ++i) {
    bool prev_up = i > 0 && upper[i - 1] && !start_[i];
    bool next_up = i + 1 < n_ && upper[i + 1] && !start_[i + 1];
    const uint32_t places = (Gazetteer::Country | Gazetteer::Region | Gazetteer::City) * 0x10101u;
    trivial_[i] = !upper[i] && !prev_up && !next_up && !(gz[i] & places) ? 1 : 0;
    if (trivial_[i] && !lower[i]) {
      // digits and punctuation: trivial only when not glued into a name
      trivial_[i] = !(i > 0 && upper[i - 1]) && !(i + 1 < n_ && upper[i + 1]);
    }
  }

  // Features of the words that will be scored: the word's own once per
  // distinct spelling, the context's per token.
  static const uint64_t kBias = F(T_BIAS);
  static thread_local Interner type_ids;
  type_ids.reset(n_ / 2 + 1);
  word_feats_.clear();
  type_offs_.assign(1, 0);
  type_hash_.clear();
  // Context features are written through a pointer into feats_, which
  // only grows (its size is room, not content; offs_ says what is used).
  // A token has at most 12 + 1 + 2 + 2 * 21 + 3 = 60 of them (below).
  constexpr size_t kMaxContext = 64;
  size_t used = 0;
  offs_.resize(n_ + 1);
  char32_t shape[16];
  for (size_t i = 0; i < n_; ++i) {
    offs_[i] = static_cast<uint32_t>(used);
    if (trivial_[i]) continue;
    const std::u32string_view w = in.words[i];
    const uint64_t l = hl_[i], ss = hss_[i];
    bool fresh;
    const uint64_t hw = hw_[i];
    type_[i] = type_ids.intern(hw, &fresh);
    if (fresh && known && known->known(hw)) {
      type_hash_.push_back(hw);
      type_offs_.push_back(static_cast<uint32_t>(word_feats_.size()));
    } else if (fresh) {
      type_hash_.push_back(hw);
      auto push = [&](uint64_t f) { word_feats_.push_back(f); };
      const size_t k = std::min<size_t>(w.size(), 16);
      for (size_t j = 0; j < k; ++j) shape[j] = shape_char(w[j]);
      char32_t lb[8];
      const size_t a = std::min<size_t>(w.size(), 4);
      for (size_t j = 0; j < a; ++j) {
        lb[j] = to_lower(fold_punct(w[j]));
        lb[4 + j] = to_lower(fold_punct(w[w.size() - a + j]));
      }
      push(kBias);
      push(F(T_W, hw));
      push(F(T_L, l));
      push(F(T_S, hash_cps(shape, k) ^ (w.size() > 16 ? 0x51 : 0)));
      push(F(T_SS, ss));
      for (size_t j = 1; j <= 4 && j < w.size(); ++j) {
        push(F(T_PRE + j, hash_cps(lb, j)));
        push(F(T_SUF + j, hash_cps(lb + 4 + a - j, j)));
      }
      push(F(T_LEN, std::min<size_t>(w.size(), 12)));
      type_offs_.push_back(static_cast<uint32_t>(word_feats_.size()));
    }
    const bool st = start_[i];
    const bool nst = i + 1 >= n_ || start_[i + 1];
    const uint64_t lm1 = st ? kBOS : hl_[i - 1];
    const uint64_t lp1 = nst ? kEOS : hl_[i + 1];
    const uint64_t lm2 = (st || start_[i - 1] || i < 2) ? kBOS : hl_[i - 2];
    const uint64_t lp2 = (nst || i + 2 >= n_ || start_[i + 2]) ? kEOS : hl_[i + 2];
    const uint64_t ssm1 = st ? kBOS : hss_[i - 1];
    const uint64_t ssp1 = nst ? kEOS : hss_[i + 1];
    if (feats_.size() < used + kMaxContext) feats_.resize(std::max(feats_.size() * 2, used + kMaxContext));
    uint64_t *out = feats_.data() + used;
    auto push = [&](uint64_t f) { *out++ = f; };
    push(F(T_LM1, lm1));
    push(F(T_LP1, lp1));
    push(F(T_LM2, lm2));
    push(F(T_LP2, lp2));
    push(F(T_SSM1, ssm1));
    push(F(T_SSP1, ssp1));
    push(F(T_LM1L, lm1, l));
    push(F(T_LLP1, l, lp1));
    push(F(T_SS3, ssm1, ss, ssp1));
    push(F(T_SSM1SS, ssm1, ss));
    push(F(T_SSSSP1, ss, ssp1));
    push(F(T_START, st, ss));
    if (st) push(F(T_STARTL, l));
    if (caps_sent[i]) {
      push(F(T_CAPS, ss));
      push(F(T_CAPSL, l));
    }
    for (uint32_t bits = gz[i]; bits;) {
      const uint32_t b = static_cast<uint32_t>(__builtin_ctz(bits));
      bits &= bits - 1;
      if (b >= 21) break;
      push(F(T_GZ, b));
      push(F(T_GZS, b, ss, st));
    }
    push(F(T_GZM1, st ? 0xFFFF : gz[i - 1] & 0x1F1F1F));
    push(F(T_GZP1, nst ? 0xFFFF : gz[i + 1] & 0x1F1F1F));
    if (upper[i]) push(F(T_DOC, docflags[lid_[i]], uint64_t(st) | uint64_t(caps_sent[i]) << 1));
    used = static_cast<size_t>(out - feats_.data());
  }
  offs_[n_] = static_cast<uint32_t>(used);
}

uint64_t Featurizer::label_feature(uint8_t p1) { return F(T_P1, p1); }
uint64_t Featurizer::labels_feature(uint8_t p1, uint8_t p2) { return F(T_P12, p1, p2); }
uint64_t Featurizer::vote_major_feature(uint8_t v) { return F(T_VM, v); }
uint64_t Featurizer::vote_prev_feature(uint8_t v) { return F(T_VP, v); }

size_t Featurizer::dynamic(size_t i, uint8_t p1, uint8_t p2, uint64_t *out) const {
  size_t k = 0;
  out[k++] = label_feature(p1);
  out[k++] = labels_feature(p1, p2);
  out[k++] = F(T_P1L, p1, hl_[i]);
  out[k++] = F(T_P1SS, p1, hss_[i]);
  if (votes_on_) {
    out[k++] = vote_major_feature(vote_major_[i]);
    out[k++] = F(T_VMS, vote_major_[i], hss_[i]);
    out[k++] = vote_prev_feature(vote_prev_[i]);
    out[k++] = F(T_VPS, vote_prev_[i], hss_[i]);
  }
  return k;
}

size_t Featurizer::label_word(size_t i, uint8_t p1, uint64_t *out) const {
  out[0] = F(T_P1L, p1, hl_[i]);
  out[1] = F(T_P1SS, p1, hss_[i]);
  return 2;
}

size_t Featurizer::vote_word(size_t i, uint64_t *out) const {
  if (!votes_on_) return 0;
  out[0] = F(T_VMS, vote_major_[i], hss_[i]);
  out[1] = F(T_VPS, vote_prev_[i], hss_[i]);
  return 2;
}

void Featurizer::set_votes(const std::vector<uint8_t> &pass1) {
  // Counts of first-pass types (0 = O .. 4 = MISC) per lower-cased word,
  // over its occurrences that carry a capital letter.
  struct Counts {
    uint16_t n[5] = {0, 0, 0, 0, 0};
    uint8_t last = 0xFF;
  };
  std::vector<Counts> counts(nlower_);
  vote_major_.assign(n_, 0xFF);
  vote_prev_.assign(n_, 0xFF);
  // Votes only concern words that carry a capital letter.
  const std::vector<uint8_t> &cap = upper_;
  for (size_t i = 0; i < n_; ++i) {
    if (!cap[i]) continue;
    Counts &c = counts[lid_[i]];
    vote_prev_[i] = c.last;
    uint8_t ty = tag_type(pass1[i]);
    if (c.n[ty] < 0xFFFF) ++c.n[ty];
    c.last = ty;
  }
  for (size_t i = 0; i < n_; ++i) {
    if (!cap[i]) continue;
    const Counts &c = counts[lid_[i]];
    uint8_t own = tag_type(pass1[i]);
    int best = -1, bestn = 0;
    for (int t = 0; t < 5; ++t) {
      int k = c.n[t] - (t == own ? 1 : 0);
      if (k > bestn) bestn = k, best = t;
    }
    vote_major_[i] = best < 0 ? 0xFF : static_cast<uint8_t>(best);
  }
  votes_on_ = true;
}

// ---------------------------------------------------------------- weights

namespace {
template <class T> bool read(std::string_view &b, T *v) {
  if (b.size() < sizeof(T)) return false;
  std::memcpy(v, b.data(), sizeof(T));
  b.remove_prefix(sizeof(T));
  return true;
}
} // namespace

namespace {
// HW: the caller runs on a CPU with POPCNT and was compiled for it.
template <bool HW = false> __attribute__((always_inline)) inline unsigned popcount64(uint64_t x) {
#if defined(__POPCNT__)
  return static_cast<unsigned>(__builtin_popcountll(x));
#else
  if (HW) return static_cast<unsigned>(__builtin_popcountll(x));
  x = x - ((x >> 1) & 0x5555555555555555ULL);
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
  return static_cast<unsigned>((x * 0x0101010101010101ULL) >> 56);
#endif
}

struct Table {
  uint32_t bits = 0, nrows = 0;
  const char *keys = nullptr, *rows = nullptr; // unaligned
  uint32_t key(size_t r) const {
    uint32_t k;
    std::memcpy(&k, keys + r * 4, 4);
    return k;
  }
};

bool parse_table(std::string_view &b, Table *t) {
  if (!read(b, &t->bits) || !read(b, &t->nrows) || t->bits < 8 || t->bits > 26) return false;
  if (b.size() < size_t(t->nrows) * 4 + size_t(t->nrows) * kRow * 2) return false;
  t->keys = b.data();
  t->rows = b.data() + size_t(t->nrows) * 4;
  b.remove_prefix(size_t(t->nrows) * (4 + kRow * 2));
  for (size_t r = 0; r < t->nrows; ++r)
    if (t->key(r) >> t->bits || (r > 0 && t->key(r) <= t->key(r - 1))) return false;
  return true;
}
} // namespace

bool Weights::load(std::string_view b) {
  Table t[2];
  if (!parse_table(b, &t[0]) || !parse_table(b, &t[1]) || t[0].bits != t[1].bits) return false;
  bits_ = t[0].bits;
  blocks_.assign((size_t(1) << bits_) / 64 + 1, Block{0, 0, 0});
  for (const Table &x : t)
    for (size_t r = 0; r < x.nrows; ++r) blocks_[x.key(r) >> 6].bits |= uint64_t(1) << (x.key(r) & 63);
  uint32_t rank = 0;
  for (Block &bl : blocks_) {
    bl.rank = rank;
    rank += popcount64(bl.bits);
  }
  // 32-byte rows from a 64-byte boundary: a row never straddles two lines.
  const size_t bytes = (size_t(rank) * 2 * kRow * sizeof(int16_t) + 63) / 64 * 64;
  rows_.reset(static_cast<int16_t *>(std::aligned_alloc(64, bytes ? bytes : 64)));
  if (!rows_) return false;
  std::memset(rows_.get(), 0, bytes);
#if defined(__x86_64__) && !defined(__POPCNT__)
  hw_popcount_ = __builtin_cpu_supports("popcnt");
#endif
  for (int p = 0; p < 2; ++p) {
    for (size_t r = 0; r < t[p].nrows; ++r) {
      const uint32_t k = t[p].key(r);
      const Block &bl = blocks_[k >> 6];
      const size_t at = bl.rank + popcount64(bl.bits & ((uint64_t(1) << (k & 63)) - 1));
      std::memcpy(&rows_[(at * 2 + p) * kRow], t[p].rows + r * kRow * 2, kRow * 2);
    }
  }
  return true;
}

template <bool HW> __attribute__((always_inline)) inline bool Weights::row_impl(uint64_t h, size_t *at) const {
  const uint32_t b = bucket_of(h, bits_);
  const Block &bl = blocks_[b >> 6];
  const uint64_t m = uint64_t(1) << (b & 63);
  if (!(bl.bits & m)) return false;
  *at = (size_t(bl.rank) + popcount64<HW>(bl.bits & (m - 1))) * 2 * kRow;
  return true;
}

const int16_t *Weights::row(uint64_t h) const {
  size_t at;
  return row_impl<false>(h, &at) ? rows_.get() + at : nullptr;
}

namespace {
// A row's eight scores (tags 1-8; O scores 0), widened to int32 in vector
// registers. Sums of int32 do not depend on their order, so scores are the
// same as a scalar loop's.
static_assert(kTags == 9 && kRow == 8, "rows are 8 scores, O apart");
#if defined(__SSE2__)
// x86-64: pmaddwd by (1, 0) and (0, 1) pairs widens the even and the odd
// scores in one instruction each (x * 1 + y * 0 is exact in int32).
struct RowSum {
  __m128i even = _mm_setzero_si128(), odd = _mm_setzero_si128();
  __attribute__((always_inline)) void add(const int16_t *w) {
    const __m128i a = _mm_load_si128(reinterpret_cast<const __m128i *>(w));
    even = _mm_add_epi32(even, _mm_madd_epi16(a, _mm_set1_epi32(1)));
    odd = _mm_add_epi32(odd, _mm_madd_epi16(a, _mm_set1_epi32(0x10000)));
  }
  __attribute__((always_inline)) void add_to(int32_t *s) const {
    int32_t e[4], o[4];
    _mm_storeu_si128(reinterpret_cast<__m128i *>(e), even);
    _mm_storeu_si128(reinterpret_cast<__m128i *>(o), odd);
    for (int t = 0; t < 4; ++t) s[1 + 2 * t] += e[t], s[2 + 2 * t] += o[t];
  }
};
#else
// Elsewhere (GCC vector extensions, NEON on ARM): each int16 doubled into
// an int32 ((x << 16) | x, whatever the byte order), then shifted down.
typedef int16_t RowS8 __attribute__((vector_size(16)));
typedef int32_t RowI4 __attribute__((vector_size(16)));
struct RowSum {
  RowI4 lo = {0, 0, 0, 0}, hi = {0, 0, 0, 0};
  __attribute__((always_inline)) void add(const int16_t *w) {
    RowS8 a;
    std::memcpy(&a, w, sizeof a);
    lo += reinterpret_cast<RowI4>(__builtin_shufflevector(a, a, 0, 0, 1, 1, 2, 2, 3, 3)) >> 16;
    hi += reinterpret_cast<RowI4>(__builtin_shufflevector(a, a, 4, 4, 5, 5, 6, 6, 7, 7)) >> 16;
  }
  __attribute__((always_inline)) void add_to(int32_t *s) const {
    int32_t x[8];
    std::memcpy(x, &lo, 16);
    std::memcpy(x + 4, &hi, 16);
    for (int t = 0; t < 8; ++t) s[1 + t] += x[t];
  }
};
#endif
} // namespace

template <bool HW>
__attribute__((always_inline)) inline void Weights::score_both_impl(const uint64_t *begin, const uint64_t *end,
                                                                    int32_t *s1, int32_t *s2) const {
  RowSum a, b;
  const int16_t *rows = rows_.get();
  for (const uint64_t *f = begin; f != end; ++f) {
    size_t at;
    if (!row_impl<HW>(*f, &at)) continue;
    const int16_t *w = rows + at;
    a.add(w);
    b.add(w + kRow);
  }
  a.add_to(s1);
  b.add_to(s2);
}

template <bool HW>
__attribute__((always_inline)) inline void Weights::score_impl(int pass, const uint64_t *begin, const uint64_t *end,
                                                               int32_t *scores) const {
  RowSum a;
  const int16_t *rows = rows_.get() + pass * kRow;
  for (const uint64_t *f = begin; f != end; ++f) {
    size_t at;
    if (!row_impl<HW>(*f, &at)) continue;
    a.add(rows + at);
  }
  a.add_to(scores);
}

void Weights::score_both_hw(const uint64_t *begin, const uint64_t *end, int32_t *s1, int32_t *s2) const {
  score_both_impl<true>(begin, end, s1, s2);
}
void Weights::score_hw(int pass, const uint64_t *begin, const uint64_t *end, int32_t *scores) const {
  score_impl<true>(pass, begin, end, scores);
}

void Weights::score_both(const uint64_t *begin, const uint64_t *end, int32_t *s1, int32_t *s2) const {
  if (blocks_.empty()) return;
  if (hw_popcount_) score_both_hw(begin, end, s1, s2);
  else score_both_impl<false>(begin, end, s1, s2);
}

void Weights::score(int pass, const uint64_t *begin, const uint64_t *end, int32_t *scores) const {
  if (blocks_.empty()) return;
  if (hw_popcount_) score_hw(pass, begin, end, scores);
  else score_impl<false>(pass, begin, end, scores);
}

void Weights::score_one(uint64_t h, int32_t *s1, int32_t *s2) const {
  if (blocks_.empty()) return;
  const int16_t *w = row(h);
  if (!w) return;
  for (int t = 0; t < kRow; ++t) s1[1 + t] += w[t];
  if (s2)
    for (int t = 0; t < kRow; ++t) s2[1 + t] += w[kRow + t];
}

// ---------------------------------------------------------------- tagger

Tagger::Tagger(std::string_view bytes, const Gazetteer &gaz) : gaz_(gaz) {
  static std::atomic<uint64_t> next_id{1};
  id_ = next_id++;
  if (bytes.size() < 8 || bytes.substr(0, 8) != "LEDENER4") return;
  bytes.remove_prefix(8);
  ok_ = weights_.load(bytes);
  if (!ok_) return;
  for (uint8_t a = 0; a < kTags; ++a) {
    weights_.score_one(Featurizer::label_feature(a), label_[0][a], label_[1][a]);
    for (uint8_t b = 0; b < kTags; ++b)
      weights_.score_one(Featurizer::labels_feature(a, b), labels_[0][a][b], labels_[1][a][b]);
  }
  int32_t unused[kTags] = {};
  for (int v = 0; v < 6; ++v) {
    const uint8_t x = v == 5 ? 0xFF : static_cast<uint8_t>(v);
    weights_.score_one(Featurizer::vote_major_feature(x), unused, vote_major_[v]);
    weights_.score_one(Featurizer::vote_prev_feature(x), unused, vote_prev_[v]);
  }
}

const Tagger &Tagger::builtin() {
  static const Tagger t(resource("ner-model.bin"), Gazetteer::builtin());
  return t;
}

namespace {
// Scores (both passes) of the word features of words seen in earlier
// documents, by the hash of the word: they depend on the word alone, and
// most words of an article were in earlier ones. Bounded: emptied before a
// document once it holds kMaxWords words.
class WordScores final : public Featurizer::KnownWords {
public:
  static constexpr size_t kMaxWords = size_t(1) << 15;
  bool known(uint64_t h) const override { return find(h) != nullptr; }
  const int32_t *find(uint64_t h) const {
    if (ids_.empty()) return nullptr;
    for (size_t s = slot(h); ids_[s] != kEmpty; s = (s + 1) & mask_)
      if (keys_[s] == h) return &scores_[size_t(ids_[s]) * 2 * kTags];
    return nullptr;
  }
  void insert(uint64_t h, const int32_t *s1, const int32_t *s2) {
    if ((count_ + 1) * 2 > ids_.size()) grow();
    size_t s = slot(h);
    while (ids_[s] != kEmpty) s = (s + 1) & mask_;
    keys_[s] = h;
    ids_[s] = count_++;
    scores_.insert(scores_.end(), s1, s1 + kTags);
    scores_.insert(scores_.end(), s2, s2 + kTags);
  }
  void trim() {
    if (count_ < kMaxWords) return;
    ids_.assign(ids_.size(), kEmpty);
    scores_.clear();
    count_ = 0;
  }

private:
  static constexpr uint32_t kEmpty = 0xFFFFFFFFu;
  size_t slot(uint64_t h) const { return (h ^ (h >> 29)) & mask_; }
  void grow() {
    std::vector<uint64_t> keys(std::max<size_t>(1024, ids_.size() * 2));
    std::vector<uint32_t> ids(keys.size(), kEmpty);
    const size_t mask = keys.size() - 1;
    for (size_t s = 0; s < ids_.size(); ++s) {
      if (ids_[s] == kEmpty) continue;
      size_t t = (keys_[s] ^ (keys_[s] >> 29)) & mask;
      while (ids[t] != kEmpty) t = (t + 1) & mask;
      keys[t] = keys_[s];
      ids[t] = ids_[s];
    }
    keys_.swap(keys);
    ids_.swap(ids);
    mask_ = mask;
  }
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> ids_;
  std::vector<int32_t> scores_;
  size_t mask_ = 0;
  uint32_t count_ = 0;
};

// s[k] += r[k] over the tags, 4 + 4 + 1 at a time (GCC vector extension:
// the compiler leaves the int32 loop scalar, as s and r may alias).
inline void add_tags(int32_t *__restrict s, const int32_t *__restrict r) {
  static_assert(kTags == 9, "add_tags adds 4 + 4 + 1 scores");
  typedef int32_t V4 __attribute__((vector_size(16)));
  V4 a, b, c, d;
  std::memcpy(&a, s, 16);
  std::memcpy(&b, r, 16);
  std::memcpy(&c, s + 4, 16);
  std::memcpy(&d, r + 4, 16);
  a += b;
  c += d;
  std::memcpy(s, &a, 16);
  std::memcpy(s + 4, &c, 16);
  s[8] += r[8];
}

// Buffers of one thread's last document, reused by the next one, and the
// word scores of the thread's documents so far.
struct TagScratch {
  uint64_t tagger = 0; // Tagger::id_
  std::unique_ptr<Featurizer> fz;
  std::vector<int32_t> word1, word2, base2;
  std::vector<uint8_t> scored, first_p1;
  WordScores words;
};
} // namespace

std::vector<uint8_t> Tagger::tag(const Input &in) const {
  std::vector<uint8_t> tags(in.words.size(), O);
  if (!ok_ || in.words.empty()) return tags;
  static thread_local TagScratch scratch;
  if (scratch.tagger != id_) {
    scratch = TagScratch();
    scratch.fz = std::make_unique<Featurizer>(gaz_);
    scratch.tagger = id_;
  }
  Featurizer &fz = *scratch.fz;
  WordScores &cache = scratch.words;
  cache.trim();
  fz.prepare(in, &cache);
  const size_t n = fz.size();
  // Pass 1 scores every word's static features for both passes: the word
  // features once per distinct word, the context ones once per token; pass
  // 2 then adds only its history and vote features. Features of the labels
  // and votes alone come from the tables made at load.
  std::vector<int32_t> &word1 = scratch.word1, &word2 = scratch.word2, &base2 = scratch.base2;
  std::vector<uint8_t> &scored = scratch.scored, &first_p1 = scratch.first_p1;
  first_p1.resize(n);
  word1.assign(fz.types() * kTags, 0);
  word2.assign(fz.types() * kTags, 0);
  scored.assign(fz.types(), 0);
  if (base2.size() < n * kTags) base2.resize(n * kTags); // no shrinking: regrowing would zero it
  uint64_t dyn[Featurizer::kMaxDynamic];
  auto best_of = [](const int32_t *sc, uint8_t p1) {
    uint8_t best = O;
    int32_t bs = INT32_MIN;
    for (uint8_t t = 0; t < kTags; ++t) {
      if (!allowed(p1, t)) continue;
      if (sc[t] > bs) bs = sc[t], best = t;
    }
    return best;
  };
  auto vote_slot = [](uint8_t v) { return v < 5 ? v : 5; };
  for (int pass = 0; pass < 2; ++pass) {
    if (pass == 1) fz.set_votes(tags);
    uint8_t p1 = O, p2 = O;
    for (size_t i = 0; i < n; ++i) {
      if (fz.sentence_start(i)) p1 = p2 = O;
      uint8_t best = O;
      if (!fz.trivially_outside(i)) {
        int32_t sc[kTags];
        int32_t *b2 = &base2[i * kTags];
        if (pass == 0) {
          const uint32_t t = fz.type_of(i);
          if (!scored[t]) {
            int32_t *w1 = &word1[size_t(t) * kTags], *w2 = &word2[size_t(t) * kTags];
            if (const int32_t *c = cache.find(fz.type_hash(t))) {
              std::copy(c, c + kTags, w1);
              std::copy(c + kTags, c + 2 * kTags, w2);
            } else {
              weights_.score_both(fz.word_begin(t), fz.word_end(t), w1, w2);
              cache.insert(fz.type_hash(t), w1, w2);
            }
            scored[t] = 1;
          }
          std::memcpy(sc, &word1[size_t(t) * kTags], sizeof sc);
          std::memcpy(b2, &word2[size_t(t) * kTags], sizeof sc);
          weights_.score_both(fz.context_begin(i), fz.context_end(i), sc, b2);
        } else {
          const int32_t *vm = vote_major_[vote_slot(fz.vote_major(i))];
          const int32_t *vp = vote_prev_[vote_slot(fz.vote_prev(i))];
          std::memcpy(sc, b2, sizeof sc);
          add_tags(sc, vm);
          add_tags(sc, vp);
        }
        const int32_t *l1 = label_[pass][p1], *l2 = labels_[pass][p1][p2];
        add_tags(sc, l1);
        add_tags(sc, l2);
        if (pass == 0) {
          // The previous label's word features, for both passes: pass 2
          // finds its part in b2 when its previous label is the same (most
          // words), else swaps it for its own label's.
          const size_t nd = fz.label_word(i, p1, dyn);
          weights_.score_both(dyn, dyn + nd, sc, b2);
          first_p1[i] = p1;
        } else {
          size_t nd = fz.vote_word(i, dyn);
          if (p1 != first_p1[i]) {
            int32_t first[kTags] = {};
            const size_t nf = fz.label_word(i, first_p1[i], dyn + nd);
            weights_.score(1, dyn + nd, dyn + nd + nf, first);
            for (int t = 0; t < kTags; ++t) sc[t] -= first[t];
            nd += fz.label_word(i, p1, dyn + nd);
          }
          weights_.score(1, dyn, dyn + nd, sc);
        }
        best = best_of(sc, p1);
      }
      tags[i] = best;
      p2 = p1;
      p1 = best;
    }
  }
  return tags;
}

} // namespace lede::ner
