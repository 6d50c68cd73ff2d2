// claim.hpp — does a text support a claim? Lexical scoring with stance.
//
// A claim is analysed once (analyse_claim) and scored against many texts
// (score_claim), so the glue caches the analysis across rows. Both sides go
// through the same fast tokenizer: ASCII folded in place, anything else
// through fold_for_match; words lemmatised for irregular forms (WordNet
// noun.exc/verb.exc) and stemmed with Snowball English (libstemmer), with a
// per-thread cache from word to stem so a text costs a hash look-up per
// token.
//
// The score in [0,1] (>= 0.5: the text supports the claim) is built from
//   coverage   weighted share of the claim's content terms found in the text
//              (exact stem: full credit; WordNet derivation or synonym, or a
//              project-listed related form: part credit),
//   bigrams    share of the claim's adjacent content-term pairs found
//              adjacent (within one word) in the text,
//   focus      weighted share of the text's content words that the claim
//              accounts for,
//   entities   share of the claim's names (capitalised words, codes) found,
//   numbers    money, percentages, plain numbers and years compared by
//              value ('$7B' = '$7 billion' = '7,000,000,000 dollars'),
// and then capped below 0.5 by a contradiction: a claim term whose polarity
// differs (negation cue in scope on one side only), an antonym of a claim
// term in the text (rose/fell) unless negated, or a claim quantity whose
// kind the text states with other values only. A text putting the claim's
// two names on the other sides of its verb ('Larkspur Labs sued Halvard
// Capital' for 'Halvard Capital sued Larkspur Labs'; passives read) also
// stays below 0.5, as neutral.
//
// Term weights are IDF-like: from corpus statistics when the caller gives
// them (TermStats), otherwise from a built-in English table (SemCor tag
// counts from WordNet's cntlist). Everything is deterministic.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lede {

// Document frequency source for term weights: `df(word)` is the number of
// documents (sentences) holding the word, `docs` the total. Words are given
// lower-cased as written in the claim.
struct TermStats {
  double docs = 0;
  std::function<double(std::string_view word)> df;
};

enum class QuantKind : uint8_t { Number, Money, Percent, Year, Ordinal };

struct ClaimQuantity {
  QuantKind kind = QuantKind::Number;
  double value = 0;     // Money: currency units; Percent: fraction (2% -> 0.02)
  std::string currency; // Money: ISO 4217 code ('USD')
  std::string text;     // as written ('$7 billion')
};

struct ClaimTerm {
  uint64_t stem = 0;       // hash of the Snowball stem
  std::string word;        // first form seen, lower case
  float weight = 0;        // for relevance: corpus IDF when given, else English
  float base_weight = 0;   // English weight: judges contradictions the same in any corpus
  bool entity = false;     // capitalised name or code in the claim
  bool negated = false;    // inside a negation cue's scope in the claim
  bool neg_head = false;   // the first content word after the cue ('will not appeal')
};

// The analysis of a claim, immutable once built (shared across threads).
struct Claim;

// Analyses `claim` (UTF-8, any length: only the kMaxTerms heaviest terms are
// kept). With `stats` (the table form) the analysis also holds the claim's
// character 4-grams (char_grams.hpp) for score_claim's corpus mode. Never throws except std::bad_alloc.
std::shared_ptr<const Claim> analyse_claim(std::string_view claim, const TermStats *stats = nullptr);

// The claim's content terms and quantities, for callers and tests.
const std::vector<ClaimTerm> &claim_terms(const Claim &c);
const std::vector<ClaimQuantity> &claim_quantities(const Claim &c);
// True when the claim has no content term and no quantity: every score is 0.
bool claim_is_empty(const Claim &c);

enum class Stance : uint8_t { Neutral, Supports, Contradicts };
const char *stance_name(Stance s);

struct ClaimScore {
  double score = 0;       // final, in [0,1]
  double relevance = 0;   // score before contradiction caps, in [0,1]
  double coverage = 0;
  double bigrams = 0;
  double focus = 0;
  double entities = 1;    // 1 when the claim names nothing
  double f = 0;           // F-measure of coverage and focus
  double own = 0;         // relevance from the text alone (before corpus evidence)
  double chargrams = 0;   // character 4-gram cosine (table form only, else 0)
  double text_weight = 0; // summed weight of the text's content words
  double claim_weight = 0; // summed weight of the claim's terms (and numbers)
  int numbers_agree = 0, numbers_conflict = 0, numbers_missing = 0;
  bool negation_conflict = false;
  bool antonym_conflict = false;
  bool role_swap = false; // the claim's two names on the other sides of its verb ('B sued A' for 'A sued B')
  Stance stance = Stance::Neutral;
};

// Scores `text` (UTF-8) against the claim. Allocation-free after warm-up
// (per-thread scratch). Never throws except std::bad_alloc.
// `corpus_relevance` in [0,1] (negative: none) is evidence from a corpus
// index — BM25 over the claim's words divided by the BM25 of a text holding
// each of them once — blended into the relevance before any contradiction
// cap, so a contradiction still scores below 0.5. In that mode the cosine
// of the claim's and the text's character 4-grams also closes half of the
// relevance's gap to 1 (the claim must be analysed with stats).
// `terms` (table form), when given, gets the text's content words that are
// not the claim's appended (for claim_feedback).
struct TextTerms {
  std::vector<std::pair<uint64_t, float>> terms; // stem hash, English weight
  double words = 0;                               // content words seen
};
ClaimScore score_claim(const Claim &c, std::string_view text, double corpus_relevance = -1,
                       TextTerms *terms = nullptr);

// Pseudo-relevance feedback for the table form. `texts` are candidate
// articles (the TextTerms of their sentences; sorted and normalised in
// place) and `scores` their best sentence's score. The best-scored texts
// (up to ten, each weighed by exp(10 (score - best score))) vote with the
// content words they say beyond the claim (share of their content words
// times the word's English weight); a text's agreement in [0,1] is the
// share of that vote, less its own, on words it also says. Evidence of the
// topic the claim is about that the claim's own words miss.
std::vector<double> claim_feedback(std::vector<TextTerms> &texts, const std::vector<double> &scores);
// A score raised by agreement: it closes up to half of the gap to the next
// line (0.5 below it, 1 above), so it never crosses 0.5 and never changes
// a stance.
double feedback_score(double score, double agreement);

// The evidence for a score as one JSON object: score and its parts,
// matched terms (claim word, text word, how), missing terms, numbers with
// agreement, entities, negation and antonym findings, stance.
std::string explain_claim(const Claim &c, std::string_view text, double corpus_relevance = -1);

// An FTS5 query for candidates: up to `max_terms` of the claim's heaviest
// words (and numbers), each a double-quoted string joined by OR, so no user
// input reaches FTS5's syntax. Empty when the claim has no usable word.
std::string claim_fts_query(const Claim &c, size_t max_terms = 32);

// The words of claim_fts_query in order (for mapping FTS5 phrase numbers
// back to words, e.g. to read per-phrase document frequencies).
std::vector<std::string> claim_query_words(const Claim &c, size_t max_terms = 32);

constexpr size_t kMaxClaimTerms = 64;

} // namespace lede
