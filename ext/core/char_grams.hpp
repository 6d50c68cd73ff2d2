// char_grams.hpp — character 4-gram vectors of a text and their cosine.
//
// A lexical signal beside claim_match's word matching: hashed character
// 4-grams (across word boundaries, so 'wind farm' and 'windfarm' share
// most of theirs) weighted by an IDF over WordNet's glosses
// (ext/data/claim_chargram_idf.bin, made by tools/gen_claim_wordnet.py with
// the same normalisation and hash). It finds what stems miss: 'paedophile'
// and 'pedophiles', hashtags, names in other spellings. Used by
// claim_match's table form, where every candidate sentence is compared with
// one claim: the claim's side is built once (GramVector, tf 1 + ln count),
// each text is streamed through once without building its vector.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace lede {

// A claim's 4-grams: (hashed 4-gram, weight) sorted by the hash, unit
// length, with a bitmap of the hashes present for fast rejection.
struct GramVector {
  std::vector<std::pair<uint16_t, float>> v;
  std::vector<uint64_t> present; // 1024 words: bit h set when h is in v
};

// The text's vector: ASCII letters and digits lower-cased, other letters
// and digits (is_alnum) kept as written, anything else one space; words
// that are links (http://, https://, www., pic.twitter.com/) dropped.
void char_gram_vector(std::string_view text, GramVector &out);

// Cosine of the claim's vector and `text` (normalised as above; on the
// text's side each occurrence of a 4-gram counts once, weighted by its
// IDF). In [0,1]; 0 when either side has no 4-gram.
double gram_cosine(const GramVector &claim, std::string_view text);

} // namespace lede
