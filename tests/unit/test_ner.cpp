// test_ner.cpp — the tagger's tokeniser, gazetteer and decoder (ner.hpp).
#include "ner.hpp"
#include "resources.hpp"
#include "text.hpp"

#include "lede_catch.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace lede;
using namespace lede::ner;

namespace {
std::vector<std::string> words(const std::string &s) {
  std::u32string t = decode_utf8(s);
  std::vector<Span> sp;
  split_words(t, 0, static_cast<uint32_t>(t.size()), sp);
  std::vector<std::string> out;
  for (const Span &x : sp) out.push_back(encode_utf8(std::u32string_view(t).substr(x.start, x.size())));
  return out;
}
// One sentence start: the first word.
Input input_of(const std::u32string &text) {
  std::vector<Span> sp;
  split_words(text, 0, static_cast<uint32_t>(text.size()), sp);
  Input in;
  for (const Span &s : sp) in.words.push_back(std::u32string_view(text).substr(s.start, s.size()));
  in.sentence_start.assign(in.words.size(), 0);
  if (!in.words.empty()) in.sentence_start[0] = 1;
  return in;
}
} // namespace

TEST_CASE("tagger words follow CoNLL's tokenisation", "[ner]") {
  CHECK(words("The U.S. and Mr. Smith's firm") ==
        std::vector<std::string>{"The", "U.S.", "and", "Mr.", "Smith", "'s", "firm"});
  CHECK(words("DeepSeek\xE2\x80\x99s R1, don't.") ==
        std::vector<std::string>{"DeepSeek", "\xE2\x80\x99s", "R1", ",", "do", "n't", "."});
  CHECK(words("Toronto-based GPT-4o (7,000)") ==
        std::vector<std::string>{"Toronto", "-based", "GPT-4o", "(", "7,000", ")"});
  CHECK(words("").empty());
  // An em dash is punctuation between words; an en dash joins a range.
  CHECK(words("Trump\xE2\x80\x94" "the 2015\xE2\x80\x93" "2016") ==
        std::vector<std::string>{"Trump", "\xE2\x80\x94", "the", "2015\xE2\x80\x93" "2016"});
}

TEST_CASE("the built-in model and gazetteer load", "[ner]") {
  const Tagger &t = Tagger::builtin();
  REQUIRE(t.ok());
  std::u32string a = U"germany";
  uint64_t h = lower_hash(a);
  CHECK((t.gazetteer().lookup(&h, 1) & Gazetteer::Country) != 0);
  // Registered organisations (ieee-data): whole names, and names cut from
  // a generic last word ('Cisco Systems'); not a word that opens many names.
  auto cls = [&](std::u32string w) {
    uint64_t k = lower_hash(w);
    return t.gazetteer().lookup(&k, 1);
  };
  CHECK((cls(U"apple") & Gazetteer::Org) != 0);
  CHECK((cls(U"cisco") & Gazetteer::Org) != 0);
  CHECK((cls(U"shenzhen") & Gazetteer::Org) == 0);
  CHECK((cls(U"germany") & Gazetteer::Org) == 0);
}

TEST_CASE("tagging obeys BIO and finds plain names", "[ner]") {
  std::u32string text = U"Angela Merkel visited Paris with officials from Siemens .";
  const Input in = input_of(text);
  auto tags = Tagger::builtin().tag(in);
  REQUIRE(tags.size() == in.words.size());
  for (size_t i = 0; i < tags.size(); ++i)
    CHECK(allowed(i ? tags[i - 1] : uint8_t(O), tags[i]));
  CHECK(tags[0] == B_PER);
  CHECK(tags[1] == I_PER);
  CHECK(tag_type(tags[3]) == tag_type(B_LOC));
}

TEST_CASE("a broken model tags nothing instead of failing", "[ner]") {
  Tagger t(std::string_view("LEDENER4\x01"), Gazetteer::builtin());
  CHECK_FALSE(t.ok());
  Input in;
  std::u32string w = U"Paris";
  in.words.push_back(w);
  in.sentence_start.push_back(1);
  CHECK(t.tag(in) == std::vector<uint8_t>{O});
}

TEST_CASE("word scores kept across documents change no tag", "[ner]") {
  // The articles of samples/, each one document.
  std::vector<std::u32string> texts;
  for (const auto &e : std::filesystem::directory_iterator(std::string(LEDE_SOURCE_DIR) + "/samples")) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream f(e.path(), std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    texts.push_back(decode_utf8(ss.str()));
  }
  REQUIRE(texts.size() >= 5);
  std::vector<Input> inputs;
  for (const std::u32string &t : texts) inputs.push_back(input_of(t));
  // Cold: a new tagger per article (a tagger new to the thread starts with
  // no cached word scores).
  std::vector<std::vector<uint8_t>> cold;
  size_t names = 0;
  for (const Input &in : inputs) {
    Tagger t(resource("ner-model.bin"), Gazetteer::builtin());
    REQUIRE(t.ok());
    cold.push_back(t.tag(in));
    for (uint8_t x : cold.back()) names += x != O;
  }
  CHECK(names > 100);
  // Warm: one tagger over all articles twice; the second round finds every
  // word's scores cached.
  Tagger warm(resource("ner-model.bin"), Gazetteer::builtin());
  for (const Input &in : inputs) warm.tag(in);
  for (size_t k = 0; k < inputs.size(); ++k) CHECK(warm.tag(inputs[k]) == cold[k]);
}

// Featurizer keeps what it computes from a word's characters across
// documents (by the hash of its code points): a warm featurizer must give
// every word the same features as a fresh one.
TEST_CASE("features kept across documents are the features of a fresh featurizer", "[ner]") {
  const std::u32string a = U"Apple Inc. and APPLE sold apples in Paris, France, said Tim Cook.";
  const std::u32string b = U"In Paris, Tim Cook's apple (Apple) met France's Macron; apples  sold.";
  const Input ia = input_of(a), ib = input_of(b);
  Featurizer warm(Gazetteer::builtin());
  warm.prepare(ia);
  warm.prepare(ib);
  Featurizer fresh(Gazetteer::builtin());
  fresh.prepare(ib);
  REQUIRE(warm.size() == fresh.size());
  size_t scored = 0;
  for (size_t i = 0; i < fresh.size(); ++i) {
    INFO(i);
    CHECK(warm.trivially_outside(i) == fresh.trivially_outside(i));
    if (fresh.trivially_outside(i)) continue;
    ++scored;
    CHECK(std::vector<uint64_t>(warm.context_begin(i), warm.context_end(i)) ==
          std::vector<uint64_t>(fresh.context_begin(i), fresh.context_end(i)));
    CHECK(std::vector<uint64_t>(warm.word_begin(warm.type_of(i)), warm.word_end(warm.type_of(i))) ==
          std::vector<uint64_t>(fresh.word_begin(fresh.type_of(i)), fresh.word_end(fresh.type_of(i))));
  }
  CHECK(scored > 5);
}
