// quotes.cpp — placeholder until quote extraction lands (issue 3): no quotes.
#include "quotes.hpp"

namespace lede {
std::vector<Quote> extract_quotes(const Document &, const std::vector<EntityMention> &) { return {}; }
} // namespace lede
