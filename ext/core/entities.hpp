// entities.hpp — typed, canonical entity mentions.
//
// PERSON, ORG, GPE, LOC, PRODUCT from the statistical tagger plus lexicons,
// and the value types DATE, MONEY, PERCENT with a normalised value.
#pragma once

#include "document.hpp"
#include "wordset.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lede {

struct EntityMention {
  std::string entity;  // canonical name
  std::string type;    // PERSON ORG GPE LOC PRODUCT DATE MONEY PERCENT
  std::string mention; // the words as written
  Span span;
  uint32_t sentence_idx = 0;
  std::optional<std::string> value; // DATE / MONEY / PERCENT only
};

// A user alias: mention text (matched case-insensitively) -> entity, type.
struct Alias {
  std::string entity;
  std::string type;
  // Built-in aliases only: the first day (YYYY-MM-DD) the alias holds, for
  // a rename ('Facebook' -> 'Meta' from 2021-10-28); empty: always. A text
  // published earlier keeps its own name; an undated text takes the alias.
  std::string since;
};
using AliasMap = std::map<std::string, Alias>; // key: fold_for_match(alias)

// The word lists of ext/data/entity_words.txt by section ('org_head');
// a section the file lacks is an empty set.
const WordSet &entity_words(std::string_view section);

// Finds mentions in `doc`. `published` (YYYY-MM-DD or empty) anchors
// relative dates when known. `aliases` may be empty.
std::vector<EntityMention> extract_entities(const Document &doc,
                                            const AliasMap &aliases = {},
                                            const std::string &published = {});

namespace ner {
class Gazetteer;
}
// The document pass of extract_entities (docs/entities.md): corrects the
// tagger's labels `tags` (ner::Tag) of the words `w`, folded `f`, with
// `starts` marking sentence starts. Exposed for tests.
void document_name_pass(const std::vector<std::u32string_view> &w, const std::vector<std::string_view> &f,
                        const std::vector<uint8_t> &starts, std::vector<uint8_t> &tags,
                        const ner::Gazetteer &gaz);

// The end of a person's name the tagger labelled words [b, e) of `w`
// (folded `f`): before a lower-case 'in', 'at', 'on', 'upon', 'and' or
// 'or' ('Mr. Clinton in Reno', 'Clinton and Bernie Sanders'), which
// belong to organisations' names, not people's. `*next` is where a second
// name starts (after 'and' / 'or'), else 0. Exposed for tests.
size_t person_name_end(const std::vector<std::u32string_view> &w, const std::vector<std::string_view> &f, size_t b,
                       size_t e, size_t *next);

} // namespace lede
