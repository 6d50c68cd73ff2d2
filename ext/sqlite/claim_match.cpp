// claim_match.cpp — placeholder until claim matching lands (issue 5):
// registers nothing yet.
#include "registry.hpp"

namespace lede::sql {
int register_claim_match(sqlite3 *) { return SQLITE_OK; }
} // namespace lede::sql
