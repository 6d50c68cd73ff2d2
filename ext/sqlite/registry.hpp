// registry.hpp — table of contents of the glue: one register function per
// SQL object, each defined in the file named after it. extension.cpp calls
// them in order from the entry points.
#pragma once

#include "sqlite_api.hpp"

namespace lede::sql {

// articles_vtab.cpp: the `lede` module (CREATE VIRTUAL TABLE x USING lede).
int register_articles(sqlite3 *db, bool can_read_files);
// sentences_vtab.cpp: sentences / sentences('text').
int register_sentences(sqlite3 *db);
// quotes_vtab.cpp: quotes / quotes('text').
int register_quotes(sqlite3 *db);
// entity_mentions_vtab.cpp: entity_mentions / entity_mentions('text').
int register_entity_mentions(sqlite3 *db);
// lede_version.cpp: lede_version(), lede_debug().
int register_version(sqlite3 *db);
// claim_match.cpp: claim_match(claim, text), claim_match_explain(), and the
// table form claim_match('claim').
int register_claim_match(sqlite3 *db);

} // namespace lede::sql
