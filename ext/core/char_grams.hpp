// char_grams.hpp — character 4-gram vectors of a text and their cosine.
//
// A lexical signal beside claim_match's word matching: hashed character
// 4-grams (across word boundaries, so 'wind farm' and 'windfarm' share
// most of theirs) weighted by tf (1 + ln count) and an IDF over WordNet's
// glosses (ext/data/claim_chargram_idf.bin, made by
// tools/gen_claim_wordnet.py with the same normalisation and hash), unit
// length. It finds what stems miss: 'paedophile' and 'pedophiles',
// hashtags, names in other spellings. Used by claim_match's table form.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace lede {

// (hashed 4-gram, weight), sorted by the hash, weights of unit length.
using GramVector = std::vector<std::pair<uint16_t, float>>;

// The text's vector: ASCII letters and digits lower-cased, other letters
// and digits (is_alnum) kept as written, anything else one space; words that are links (http://, https://,
// www., pic.twitter.com/) dropped. Reuses `out`'s storage.
void char_gram_vector(std::string_view text, GramVector &out);

// Cosine of two vectors (both unit length): in [0,1].
double gram_cosine(const GramVector &a, const GramVector &b);

} // namespace lede
