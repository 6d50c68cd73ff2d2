// raii.cpp — out-of-line parts of raii.hpp.
#include "raii.hpp"

namespace lede::sql {

std::string format(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  SqlString s(sqlite3_vmprintf(fmt, ap));
  va_end(ap);
  if (!s) throw std::bad_alloc();
  return std::string(s.get());
}

Stmt::Stmt(sqlite3 *db, const std::string &sql, const char *who, bool persistent) {
  int rc = sqlite3_prepare_v3(db, sql.c_str(), static_cast<int>(sql.size()),
                              persistent ? SQLITE_PREPARE_PERSISTENT : 0, &s_, nullptr);
  if (rc != SQLITE_OK) {
    std::string m = format("%s: %s", who, sqlite3_errmsg(db));
    sqlite3_finalize(s_);
    s_ = nullptr;
    fail(rc, m);
  }
}

bool Stmt::step(sqlite3 *db, const char *who) {
  int rc = sqlite3_step(s_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  std::string m = format("%s: %s", who, sqlite3_errmsg(db));
  sqlite3_reset(s_);
  fail(rc, m);
}

void exec(sqlite3 *db, const std::string &sql, const char *who) {
  char *err = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string m = format("%s: %s", who, err ? err : sqlite3_errstr(rc));
    sqlite3_free(err);
    fail(rc, m);
  }
}

const char *type_name(sqlite3_value *v) {
  switch (sqlite3_value_type(v)) {
  case SQLITE_INTEGER: return "integer";
  case SQLITE_FLOAT: return "real";
  case SQLITE_TEXT: return "text";
  case SQLITE_BLOB: return "blob";
  default: return "null";
  }
}

} // namespace lede::sql
