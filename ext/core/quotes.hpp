// quotes.hpp — direct and partial quotations and who said them.
//
// Input: a Document (tokens, sentences) and the entity mentions already
// found in it (people's names, for speaker resolution). Output: one Quote
// per quotation, in text order. Scare quotes and quoted terms are not
// returned. Runs in time linear in the text.
#pragma once

#include "document.hpp"
#include "entities.hpp"

#include <optional>
#include <string>
#include <vector>

namespace lede {

struct Quote {
  Span content;                       // the quoted words, without the marks
  std::string quote;                  // UTF-8 of content
  std::optional<std::string> speaker; // canonical name, when resolved
  std::optional<std::string> speaker_mention;
  std::optional<Span> speaker_span;
  std::optional<std::string> speaker_role;
  std::optional<std::string> cue;     // lemma of the reporting verb
  std::string kind = "direct";        // "direct" or "partial"
  uint32_t sentence_idx = 0;
  double confidence = 0.0;
};

std::vector<Quote> extract_quotes(const Document &doc,
                                  const std::vector<EntityMention> &entities);

} // namespace lede
