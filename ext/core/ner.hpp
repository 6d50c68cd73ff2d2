// ner.hpp — the statistical name tagger behind entity_mentions.
//
// A greedy left-to-right averaged perceptron over hashed features (word,
// lower case, shape, affixes, context words and shapes, previous labels,
// sentence-initial and all-caps-sentence flags, gazetteer classes, and
// document-level evidence), run in two passes: the second pass adds, for
// each word, how the first pass labelled the same word elsewhere in the
// document (Ratinov & Roth 2009). Labels are BIO over PER, ORG, LOC, MISC,
// the CoNLL-2003 classes it is trained on (tools/ner/train.cpp on
// eng.train). entities.cpp maps them to lede's types.
//
// The model is ext/data/ner-model.bin (int16 weights in a hashed table),
// the gazetteer ext/data/ner-gazetteer.tsv (tools/ner/make_gazetteer.py).
// Both are embedded; nothing is read from disk at run time.
//
// Tokens: the tagger uses the Penn-Treebank-like tokens that CoNLL uses
// ('U.S.' one token, 'Germany' + "'s", 'do' + "n't"), which `split_words`
// makes from raw text, so training and run time see the same units.
#pragma once

#include "document.hpp"

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#if defined(__x86_64__) && !defined(__POPCNT__) && defined(__GNUC__)
#define LEDE_NER_POPCNT __attribute__((target("popcnt")))
#else
#define LEDE_NER_POPCNT
#endif

namespace lede::ner {

enum Tag : uint8_t { O = 0, B_PER, I_PER, B_ORG, I_ORG, B_LOC, I_LOC, B_MISC, I_MISC };
constexpr int kTags = 9;
// Weights per tag in a model row: tags 1-8, relative to O. Adding the same
// amount to every tag's score changes no decision, so each row is stored
// minus its O weight and O always scores 0.
constexpr int kRow = kTags - 1;
const char *tag_name(uint8_t tag); // "O", "B-PER", ...
inline uint8_t tag_type(uint8_t tag) { return tag == O ? 0 : (tag + 1) / 2; } // 1 PER..4 MISC
inline bool tag_begins(uint8_t tag) { return tag != O && (tag % 2) == 1; }

// One document as the tagger sees it. `words` point into text the caller
// keeps alive; sentence_start[i] is 1 when words[i] opens a sentence.
struct Input {
  std::vector<std::u32string_view> words;
  std::vector<uint8_t> sentence_start;
};

// Appends to `out` the tagger tokens of text[start, end): white space
// separates; punctuation is split off; a word keeps inner . ' - & and a
// final '.' when it is an abbreviation ('U.S.', 'Inc.', 'J.'); "'s" / "’s"
// and "n't" are split; 'Toronto-based' gives 'Toronto' and '-based'.
void split_words(std::u32string_view text, uint32_t start, uint32_t end, std::vector<Span> &out);

// Lower-cased phrase -> class bits, from ner-gazetteer.tsv.
class Gazetteer {
public:
  enum Class : uint32_t { Country = 1, Region = 2, City = 4, ProperNoun = 8, CommonWord = 16, Org = 32 };
  static constexpr uint32_t kTaggerClasses = Country | Region | City | ProperNoun | CommonWord;
  // Classes of a word known only as a common word: no name, no place.
  static bool only_common_word(uint32_t cls) {
    return (cls & CommonWord) && !(cls & (ProperNoun | Country | City | Region));
  }
  explicit Gazetteer(std::string_view tsv);
  static const Gazetteer &builtin();
  // Class bits of the phrase whose words have the given lower-case hashes.
  uint32_t lookup(const uint64_t *word_hashes, size_t n) const;
  size_t max_words() const { return max_words_; }
  // False when no phrase of two or more words starts with this word (a
  // bitmap by hash: true may be a false alarm, false is exact).
  bool may_start_phrase(uint64_t word_hash) const {
    const uint64_t b = word_hash & (kStartBits - 1);
    return starts_[b >> 6] >> (b & 63) & 1;
  }

  static uint64_t lookup_key(const uint64_t *word_hashes, size_t n);

private:
  void insert(uint64_t key, uint32_t bits);
  void insert_phrase(const std::vector<uint64_t> &word_hashes, uint32_t bits);
  static constexpr uint64_t kStartBits = uint64_t(1) << 18;
  std::vector<uint64_t> starts_ = std::vector<uint64_t>(kStartBits / 64, 0);
  // Flat open-addressed table (key 0 = empty): one cache line per probe.
  std::vector<std::pair<uint64_t, uint32_t>> table_;
  size_t used_ = 0;
  size_t max_words_ = 1;
};

// Hash of a word's code points, lower-cased (feature keys, gazetteer keys).
uint64_t lower_hash(std::u32string_view word);

// Features of a document: static ones computed once by `prepare`, history
// and second-pass ones on demand. Shared by the tagger and the trainer so
// that both see exactly the same features.
//
// Static features come in two groups: those of the word itself (bias,
// word, lower case, shapes, affixes, length), stored once per distinct word
// of the document (its "type", so that the tagger can cache their scores),
// and those of its context, stored per token. Tokens that are trivially
// outside get no static features (nothing scores them).
class Featurizer {
public:
  // Words whose own features a caller has scored before (the tagger keeps
  // their scores across documents): `prepare` stores no word features for
  // them, only their hash (`type_hash`).
  struct KnownWords {
    virtual ~KnownWords() = default;
    virtual bool known(uint64_t word_hash) const = 0;
  };
  explicit Featurizer(const Gazetteer &gaz) : gaz_(gaz) {}
  void prepare(const Input &in, const KnownWords *known = nullptr);
  size_t size() const { return n_; }
  // Distinct words of the document with features (non-trivial tokens).
  size_t types() const { return type_offs_.empty() ? 0 : type_offs_.size() - 1; }
  // The type of (non-trivial) word i.
  uint32_t type_of(size_t i) const { return type_[i]; }
  // Word features of type t.
  const uint64_t *word_begin(uint32_t t) const { return word_feats_.data() + type_offs_[t]; }
  const uint64_t *word_end(uint32_t t) const { return word_feats_.data() + type_offs_[t + 1]; }
  // Hash of type t's code points: its word features are a function of it.
  uint64_t type_hash(uint32_t t) const { return type_hash_[t]; }
  // Context features of word i.
  const uint64_t *context_begin(size_t i) const { return feats_.data() + offs_[i]; }
  const uint64_t *context_end(size_t i) const { return feats_.data() + offs_[i + 1]; }
  // History features of word i given the two previous labels, plus the
  // second-pass features when `set_votes` was called. Writes at most
  // kMaxDynamic hashes to `out` and returns how many.
  static constexpr size_t kMaxDynamic = 8;
  size_t dynamic(size_t i, uint8_t p1, uint8_t p2, uint64_t *out) const;
  // The same features split in two: those that depend on the labels and
  // votes alone (few distinct values: the tagger caches their scores), and
  // those that also depend on the word (at most kMaxDynamic / 2).
  static uint64_t label_feature(uint8_t p1);
  static uint64_t labels_feature(uint8_t p1, uint8_t p2);
  static uint64_t vote_major_feature(uint8_t v);
  static uint64_t vote_prev_feature(uint8_t v);
  // Of the latter: those of the previous label (2) and, once `set_votes`
  // was called, those of the votes (2, else none).
  size_t label_word(size_t i, uint8_t p1, uint64_t *out) const;
  size_t vote_word(size_t i, uint64_t *out) const;
  bool votes_on() const { return votes_on_; }
  uint8_t vote_major(size_t i) const { return vote_major_[i]; }
  uint8_t vote_prev(size_t i) const { return vote_prev_[i]; }
  // Records first-pass labels so that `dynamic` adds document-level votes.
  void set_votes(const std::vector<uint8_t> &pass1);
  void clear_votes() { votes_on_ = false; }
  // True when word i cannot start or continue a name (lower case among
  // lower case): the tagger labels it O without scoring.
  bool trivially_outside(size_t i) const { return trivial_[i] != 0; }
  bool sentence_start(size_t i) const { return start_[i] != 0; }

private:
  const Gazetteer &gaz_;
  size_t n_ = 0;
  std::vector<uint64_t> hl_, hss_;
  // lid_[i]: index of word i's lower-cased form among the document's
  // distinct lower-cased words (nlower_ of them).
  std::vector<uint32_t> lid_;
  size_t nlower_ = 0;
  std::vector<uint64_t> hw_;  // hash of each word's code points
  // What prepare computes from a word's characters alone (lower-case and
  // shape-class hashes, case flags, gazetteer classes as a unigram), kept
  // across documents by the hash of its code points: open-addressed,
  // emptied before a document once half full.
  struct WordInfo {
    uint64_t key = 0; // 0: empty slot
    uint64_t hl = 0, hss = 0;
    uint32_t gz = 0;
    uint8_t up = 0, lo = 0;
  };
  static constexpr size_t kWordInfoSlots = size_t(1) << 15;
  WordInfo word_info(std::u32string_view w) const;
  std::vector<WordInfo> word_info_;
  size_t word_info_used_ = 0;
  std::vector<uint8_t> trivial_, start_, upper_;
  // per-document scratch, kept between documents to reuse its memory
  std::vector<uint32_t> gz_, gz_unigram_;
  std::vector<uint8_t> caps_sent_, lower_, docflags_;
  std::vector<uint32_t> type_;
  std::vector<uint64_t> word_feats_;
  std::vector<uint32_t> type_offs_;
  std::vector<uint64_t> type_hash_;
  std::vector<uint64_t> feats_;
  std::vector<uint32_t> offs_;
  // second pass: per word, counts of first-pass types of the same word
  // elsewhere in the document, and the label of its previous occurrence.
  bool votes_on_ = false;
  std::vector<uint8_t> vote_major_, vote_prev_;
};

// Weights of both passes: hashed feature -> kRow int16 scores per pass
// (tags 1-8; O scores 0). A bucket's presence is one bit of a bitmap and
// its row the rank of that bit, so a look-up reads one 16-byte block (256
// KB in all for 2^20 buckets) and, when the bucket is present, one 32-byte
// row (never across two cache lines) holding both passes' scores: the
// context features, the same in both passes, are looked up once.
class Weights {
public:
  // Parses the two serialised tables (same bits, 8 to 26; ascending buckets).
  bool load(std::string_view bytes);
  // Adds the pass-1 scores to s1 and the pass-2 scores to s2.
  void score_both(const uint64_t *begin, const uint64_t *end, int32_t *s1, int32_t *s2) const;
  // Adds the scores of one pass (0 or 1).
  void score(int pass, const uint64_t *begin, const uint64_t *end, int32_t *scores) const;
  // Adds the scores of both passes of one feature (s2 may be null).
  void score_one(uint64_t h, int32_t *s1, int32_t *s2) const;
  unsigned bits() const { return bits_; }

private:
  const int16_t *row(uint64_t h) const;
  struct Block {
    uint64_t bits;
    uint32_t rank; // present buckets before this block
    uint32_t pad;
  };
  // Offset in rows_ of the row of h's bucket; false when it has none.
  template <bool HW> bool row_impl(uint64_t h, size_t *at) const;
  template <bool HW> void score_both_impl(const uint64_t *, const uint64_t *, int32_t *, int32_t *) const;
  template <bool HW> void score_impl(int, const uint64_t *, const uint64_t *, int32_t *) const;
  // Compiled for POPCNT (x86-64), used when the CPU has it.
  LEDE_NER_POPCNT void score_both_hw(const uint64_t *, const uint64_t *, int32_t *, int32_t *) const;
  LEDE_NER_POPCNT void score_hw(int, const uint64_t *, const uint64_t *, int32_t *) const;
  unsigned bits_ = 0;
  bool hw_popcount_ = false; // the CPU has POPCNT (checked once at load)
  std::vector<Block> blocks_;
  struct Free {
    void operator()(int16_t *p) const { std::free(p); }
  };
  // per present bucket, 32 bytes: kRow of pass 1, kRow of pass 2
  std::unique_ptr<int16_t[], Free> rows_;
};

// Serialised model: "LEDENER4", then two weight tables (pass 1, pass 2).
// Each table: u32 bits, u32 nrows, u32 bucket[nrows] ascending,
// i16 w[nrows][kRow] (tags 1-8 minus the O weight). Little-endian.
class Tagger {
public:
  static const Tagger &builtin();
  explicit Tagger(std::string_view model_bytes, const Gazetteer &gaz);
  bool ok() const { return ok_; }
  // Labels every word of `in` (BIO, never an I- without its B-/I-).
  std::vector<uint8_t> tag(const Input &in) const;
  const Gazetteer &gazetteer() const { return gaz_; }

private:
  const Gazetteer &gaz_;
  Weights weights_;
  bool ok_ = false;
  // Distinct for every tagger made in the process: names the one whose
  // word scores a thread has cached (an address could be reused).
  uint64_t id_ = 0;
  // Scores of the label and vote features, which take few values: per pass
  // and previous label(s); votes (0-4 or 0xFF, stored at 5) for pass 2.
  int32_t label_[2][kTags][kTags] = {};
  int32_t labels_[2][kTags][kTags][kTags] = {};
  int32_t vote_major_[6][kTags] = {};
  int32_t vote_prev_[6][kTags] = {};
};

// Feature bucket of a hash for a table of 2^bits buckets.
inline uint32_t bucket_of(uint64_t h, unsigned bits) { return uint32_t(h >> (64 - bits)); }
// True when `next` may follow `prev` in BIO.
inline bool allowed(uint8_t prev, uint8_t next) {
  return tag_begins(next) || next == O || tag_type(prev) == tag_type(next);
}

} // namespace lede::ner
