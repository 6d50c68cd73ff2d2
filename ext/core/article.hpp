// article.hpp — parsing a news page saved as plain text.
//
// Finds the headline, the publication date, the byline and the section
// label, and keeps the story: page furniture (newsletter prompts, buttons,
// date banners, share prompts, 'Advertisement', trailing 'Recent News' /
// 'Related' lists and everything after them) is removed, while subheads,
// bullet lists and 'Key Takeaways' boxes that belong to the story stay.
// Rules come from the genre (DEVELOPERS.md), not from one sample.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lede {

struct Article {
  std::optional<std::string> title;
  std::optional<std::string> published; // ISO 8601
  std::optional<std::string> byline;    // person names, ", "-separated
  std::optional<std::string> section;
  std::string body;                     // paragraphs separated by "\n\n"
  int64_t words = 0;
};

// `text` must be valid UTF-8 (repair it with decode_utf8 first).
Article parse_article(std::string_view text);

// Number of words in `text` (runs of letters/digits, inner ' and - allowed).
int64_t count_words(std::u32string_view text);
// The same count over UTF-8, without decoding into a buffer.
int64_t count_words_utf8(std::string_view utf8);

} // namespace lede
