// lede_version.cpp — lede_version() and lede_debug().
//
//   SELECT lede_version();  -- '0.1.0', from the VERSION file
//   SELECT lede_debug();    -- version, commit, build type, SQLite and
//                           -- utf8proc versions, one 'key: value' a line
#include "registry.hpp"

#include "raii.hpp"

#include "build_info.hpp"
#include "text.hpp"

#include <string>

namespace lede::sql {
namespace {

void version(sqlite3_context *ctx, int, sqlite3_value **) {
  sqlite3_result_text(ctx, LEDE_VERSION, -1, SQLITE_STATIC);
}

void debug(sqlite3_context *ctx, int, sqlite3_value **) {
  guard_fn(ctx, [&] {
    std::string s = std::string("version: ") + LEDE_VERSION + "\ncommit: " + LEDE_COMMIT +
                    "\nbuild: " + LEDE_BUILD_TYPE + "\nsqlite: " + sqlite3_libversion() +
                    "\nutf8proc: " + lede::utf8proc_version_string();
    result_text(ctx, s);
  });
}

} // namespace

int register_version(sqlite3 *db) {
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  int rc = sqlite3_create_function_v2(db, "lede_version", 0, flags, nullptr, version, nullptr, nullptr,
                                      nullptr);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2(db, "lede_debug", 0, flags, nullptr, debug, nullptr, nullptr, nullptr);
  return rc;
}

} // namespace lede::sql
