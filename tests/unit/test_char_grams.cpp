// test_char_grams.cpp — character 4-gram vectors and their cosine
// (claim_match's table form).
#include "lede_catch.hpp"

#include "char_grams.hpp"

#include <string>

namespace {
double cosine(const std::string &a, const std::string &b) {
  lede::GramVector va;
  lede::char_gram_vector(a, va);
  return lede::gram_cosine(va, b);
}
} // namespace

TEST_CASE("char_grams: same text after normalisation scores 1, unrelated text near 0") {
  CHECK(cosine("Ferry fares will rise", "FERRY fares -- will rise!") == Approx(1.0).margin(1e-5));
  CHECK(cosine("Ferry fares will rise", "The museum closes in March") < 0.1);
  CHECK(cosine("", "anything") == 0.0);
  CHECK(cosine("anything", "") == 0.0);
  // The claim's side weighs repeats by 1 + ln count, the text's by count.
  CHECK(cosine("ferry ferry ferry", "ferry ferry ferry") > 0.9);
  CHECK(cosine("abc", "abc") == 0.0); // shorter than one gram
}

TEST_CASE("char_grams: spellings and compounds that stems miss still share grams") {
  CHECK(cosine("paedophiles arrested", "pedophile arrested") > 0.5);
  CHECK(cosine("#WindFarm opposition", "wind farm opposition") > 0.6);
  CHECK(cosine("paedophiles arrested", "pedophile arrested") > cosine("paedophiles arrested", "burglar arrested"));
}

TEST_CASE("char_grams: links are dropped, other scripts kept as letters") {
  CHECK(cosine("Ferry fares rise https://t.co/abcdef pic.twitter.com/xyz", "Ferry fares rise") ==
        Approx(1.0).margin(1e-5));
  CHECK(cosine("Zürich Straße", "Zürich Straße") == Approx(1.0).margin(1e-5));
  CHECK(cosine("Zürich Straße", "Zurich Strasse") < 1.0);
  // Punctuation between words is one space: an em dash is not a letter.
  CHECK(cosine("ferry fares \xE2\x80\x94 rise", "ferry fares rise") == Approx(1.0).margin(1e-5));
}
