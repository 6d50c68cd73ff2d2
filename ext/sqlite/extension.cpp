// extension.cpp — the entry points, and the list of what they register.
//
//   sqlite3_lede_init         everything (.load ./build/lede)
//   sqlite3_lede_noread_init  everything except reading files from disk,
//                             for hosts that run untrusted SQL
#include "registry.hpp"

SQLITE_EXTENSION_INIT1

namespace {

int register_all(sqlite3 *db, char **err, bool can_read_files) {
  using namespace lede::sql;
  struct Entry {
    const char *what;
    int rc;
  };
  const Entry entries[] = {
      {"lede (articles module)", register_articles(db, can_read_files)},
      {"sentences", register_sentences(db)},
      {"quotes", register_quotes(db)},
      {"entity_mentions", register_entity_mentions(db)},
      {"lede_version", register_version(db)},
      {"claim_match", register_claim_match(db)},
  };
  for (const auto &e : entries) {
    if (e.rc != SQLITE_OK) {
      if (err) *err = sqlite3_mprintf("lede: cannot register %s: %s", e.what, sqlite3_errstr(e.rc));
      return e.rc;
    }
  }
  return SQLITE_OK;
}

} // namespace

extern "C" {

__attribute__((visibility("default"))) int sqlite3_lede_init(sqlite3 *db, char **err,
                                                             const sqlite3_api_routines *api) {
  SQLITE_EXTENSION_INIT2(api);
  return register_all(db, err, true);
}

__attribute__((visibility("default"))) int sqlite3_lede_noread_init(sqlite3 *db, char **err,
                                                                    const sqlite3_api_routines *api) {
  SQLITE_EXTENSION_INIT2(api);
  return register_all(db, err, false);
}

} // extern "C"
