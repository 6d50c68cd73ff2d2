// names.hpp — canonical names, shared by entity_mentions and quotes.
//
// Within one article a short form resolves to the fullest form of the same
// name ('Altman' -> 'Sam Altman'); titles ('CEO', 'Dr.') and possessives
// ('DeepSeek’s') are stripped; organisation suffixes ('OpenAI, Inc.') and a
// leading 'the' are normalised; built-in aliases ('U.S.' -> 'United States')
// and user aliases apply first. One mechanism: quotes' speakers go through
// the same NameIndex that entity_mentions filled.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lede {

// Strips what never belongs to a name: possessive 's / ’s, leading titles
// ('CEO', 'Dr.', 'President'), a leading 'the', org suffixes (', Inc.').
std::string clean_name(std::string_view mention, std::string_view type);

class NameIndex {
public:
  // Records a cleaned name of `type` seen in the article.
  void add(const std::string &name, const std::string &type);
  // The fullest recorded name of `type` that `name` is a short form of
  // (same last token, or a subsequence of tokens), else `name` itself.
  std::string canonical(const std::string &name, const std::string &type) const;

private:
  struct Entry {
    std::string name, type;
    std::vector<std::string> words;
  };
  std::vector<Entry> entries_;
};

} // namespace lede
