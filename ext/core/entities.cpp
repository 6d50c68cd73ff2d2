// entities.cpp — placeholder until the tagger lands (issue 4): no mentions.
#include "entities.hpp"

namespace lede {
std::vector<EntityMention> extract_entities(const Document &, const AliasMap &, const std::string &) {
  return {};
}
} // namespace lede
