// test_wordset.cpp — WordSet (wordset.hpp): membership of fixed word lists.
#include "wordset.hpp"

#include "lede_catch.hpp"

#include <string>

using lede::WordSet;

TEST_CASE("WordSet: members, near misses, the empty word") {
  const WordSet s{"ceo", "cfo", "co-founder", "q&a", "a"};
  CHECK(s.has("ceo"));
  CHECK(s.has("co-founder"));
  CHECK(s.has("q&a"));
  CHECK(s.has("a"));
  CHECK_FALSE(s.has("cto"));  // same length
  CHECK_FALSE(s.has("ce"));   // prefix
  CHECK_FALSE(s.has("ceos")); // longer
  CHECK_FALSE(s.has("CEO"));  // callers fold case first
  CHECK_FALSE(s.has(""));
  CHECK_FALSE(s.has(std::string(100, 'a')));
}

TEST_CASE("WordSet: many words, filled by insert") {
  std::vector<std::string> words;
  for (int i = 0; i < 500; ++i) words.push_back("w" + std::to_string(i));
  WordSet s(words.size());
  for (const std::string &w : words) s.insert(w);
  for (const std::string &w : words) CHECK(s.has(w));
  CHECK_FALSE(s.has("w500"));
  CHECK_FALSE(s.has("w"));
}
