// sqlite_api.hpp — the SQLite extension API for every glue file.
//
// Glue files call SQLite through the routine table handed to the entry
// point (sqlite3ext.h), so the module works in any host that loads it.
// extension.cpp defines the table (SQLITE_EXTENSION_INIT1); the rest see it
// through SQLITE_EXTENSION_INIT3.
#pragma once

#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3
