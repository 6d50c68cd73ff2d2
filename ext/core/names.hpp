// names.hpp — canonical names, shared by entity_mentions and quotes.
//
// Within one article a short form resolves to the fullest form of the same
// name ('Altman' -> 'Sam Altman'); titles ('CEO', 'Dr.') and possessives
// ('DeepSeek’s') are stripped; organisation suffixes ('OpenAI, Inc.') and a
// leading 'the' are normalised; built-in aliases ('U.S.' -> 'United States')
// and user aliases apply first. One mechanism: quotes' speakers go through
// the same NameIndex that entity_mentions filled.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lede {

// Strips what never belongs to a name: possessive 's / ’s, leading titles
// ('CEO', 'Dr.', 'President'), a leading 'the', org suffixes (', Inc.').
std::string clean_name(std::string_view mention, std::string_view type);

// A name written in capitals ('SAN FRANCISCO', 'JOHN O'NEILL', 'SÃO
// PAULO') in Title Case ('San Francisco', 'John O'Neill', 'São Paulo');
// text with a lower-case letter, or a single capital, is returned as is.
std::string title_case_caps(std::string_view utf8);

// True when `folded` (a fold_for_match word) is a title or role that comes
// before a person's name ('ceo', 'dr.', 'president', 'chief', 'officer').
bool is_title_word(std::string_view folded);

// The names seen in one article, for resolving short forms.
//
// Usage (entities.cpp, and quotes for speakers): `add` every cleaned name
// mention of the article first, then ask `canonical` for each mention.
// Only PERSON names resolve to longer forms ('Altman' -> 'Sam Altman',
// 'Sam' -> 'Sam Altman'); for other types a shorter name is often another
// entity ('Microsoft' vs 'Microsoft Research'), so they are returned as
// given. Among several longer forms of different people, the person the
// article names most (variants whose first words share an initial count
// together); among one person's forms, the one with the most words, then
// the most frequent. Comparison is on fold_for_match words. Cost: `add`
// and `canonical` look at no more than 64 candidates per word, so an
// article with many names stays linear.
class NameIndex {
public:
  // Records a cleaned name of `type` seen in the article (a no-op for
  // types other than PERSON, which canonical returns as given); `headline`:
  // seen in a headline in Title Case. A two-word name seen only there
  // whose last word is known only as a common word ('Obama Speech',
  // 'Clinton Plan') is the headline's words: no long form.
  void add(const std::string &name, const std::string &type, bool headline = false);
  // The fullest recorded name of `type` that `name` is a short form of
  // (its words a subsequence of the longer name's words), else `name`.
  std::string canonical(const std::string &name, const std::string &type) const;

private:
  struct Entry {
    std::string name, type;
    std::vector<std::string> words; // folded
    size_t count = 0;
    // A phrase the tagger took for a name ('Cruz Hints Trump', 'Paul Ryan
    // Joins Growing List'): no long form of the article's short names.
    bool phrase = false;
    bool headline_only = false; // seen only in Title Case headlines
    bool common_last = false;   // two words, the last known only as a common word
  };
  // Whether an entry may stand for the article's shorter names.
  static bool long_form(const Entry &e) { return !e.phrase && !(e.headline_only && e.common_last); }
  // The entry among `candidates` that `words` (folded) are a short form of.
  template <class S>
  const Entry *best_longer(const std::vector<size_t> &candidates, const std::vector<S> &words) const;
  std::vector<Entry> entries_;
  std::unordered_map<std::string, size_t> by_key_; // type + folded name
  std::unordered_map<std::string, std::vector<size_t>> by_word_; // type + folded word
};

// Names across a corpus (the storage's <corpus>_fullname, _surname,
// _givenname and _lone tables, ext/sqlite/storage.cpp): an article that
// names a person only by the family name ('Altman said') takes the full
// name the rest of the corpus gives ('Sam Altman') when one full name with
// that family name is clearly the usual one; a fuller form of that name
// ('Donald J. Trump') takes it too.
//
// The folded family name of a person's full name: its last word, before a
// generational suffix ('Sam Altman' -> 'altman', 'Martin Luther King Jr.'
// -> 'king'); "" for a name of one word, and for a name that is no
// person's however it was typed: one holding 'of', 'and', 'the', 'in' and
// such ('Butch Otter of Idaho', 'Clinton in Reno').
std::string family_name_key(std::string_view full_name);
// The folded first word of a full name that has a family name
// ('Sam Altman' -> 'sam'), else "".
std::string given_name_key(std::string_view full_name);
// Both at once, the name folded once.
struct FullNameKeys {
  std::string family, given;
};
FullNameKeys full_name_keys(std::string_view full_name);
// True when `variant` is `usual` with middle names or initials added
// ('Donald J. Trump', 'Hillary Rodham Clinton' of 'Donald Trump',
// 'Hillary Clinton'): the same first and family words, `usual` of two
// words; generational suffixes aside ('Joseph R. Biden Jr.' is no variant
// of 'Joe Biden').
bool name_variant_of(std::string_view variant, std::string_view usual);
// The folded word of a name of one word ('Altman' -> 'altman'), else "".
std::string lone_name_key(std::string_view name);
// The full name a lone word stands for, from the full names with that
// family name, each with the number of articles that name it, and the
// number of articles whose full names open with the word. Names whose
// given names share a first letter are taken for one person's variants
// ('Joe Biden' 22 articles, 'Joseph R. Biden Jr.' 9): the usual name is
// the most named of the group named in at least kFamilyDominance times as
// many articles as each other group ('Clinton' with Hillary Clinton in 40
// articles and Bill Clinton in 30: none), when the word is more often a
// family name than a given name ('John': John Smith, John Kerry ...
// against Elton John: none); else none. A name opening with a word known
// only as a common word ('Thank God', 'Morning Joe', but also 'Mitt
// Romney') counts only when kFamilyDominance articles or more name it.
// Within a group, ties go to the name of fewer words, then to the first in
// byte order.
constexpr int64_t kFamilyDominance = 3;
std::optional<std::string> dominant_full_name(const std::vector<std::pair<std::string, int64_t>> &named,
                                              int64_t as_given_name);

} // namespace lede
