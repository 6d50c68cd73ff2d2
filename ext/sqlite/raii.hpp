// raii.hpp — ownership and error plumbing shared by the glue files.
//
//   Stmt        move-only prepared statement (finalised on destruction),
//               bind/step/column helpers; prepared once with
//               SQLITE_PREPARE_PERSISTENT where it is reused.
//   SqlString   a string from sqlite3_mprintf, freed with sqlite3_free.
//   Error       the one exception type the glue throws internally: an
//               SQLite result code and a message that already names the
//               object ("articles: ...").
//   guard()     runs a callback body, mapping Error, std::bad_alloc and any
//               other exception to a result code and message, so that no
//               C++ exception ever crosses into SQLite.
#pragma once

#include "sqlite_api.hpp"

#include <cstdarg>
#include <cstdint>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace lede::sql {

struct Error : std::runtime_error {
  int code;
  Error(int c, const std::string &msg) : std::runtime_error(msg), code(c) {}
};

// printf-style message -> std::string (through sqlite3_vmprintf, so %q %Q %w work).
std::string format(const char *fmt, ...);

[[noreturn]] inline void fail(int code, const std::string &msg) { throw Error(code, msg); }

class SqlString {
public:
  explicit SqlString(char *p = nullptr) : p_(p) {}
  SqlString(SqlString &&o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
  SqlString &operator=(SqlString &&o) noexcept {
    std::swap(p_, o.p_);
    return *this;
  }
  ~SqlString() { sqlite3_free(p_); }
  const char *get() const { return p_; }
  explicit operator bool() const { return p_ != nullptr; }

private:
  char *p_;
};

class Stmt {
public:
  Stmt() = default;
  // Prepares `sql`; on failure throws Error naming `who` and SQLite's message.
  Stmt(sqlite3 *db, const std::string &sql, const char *who, bool persistent = false);
  Stmt(Stmt &&o) noexcept : s_(std::exchange(o.s_, nullptr)) {}
  Stmt &operator=(Stmt &&o) noexcept {
    std::swap(s_, o.s_);
    return *this;
  }
  Stmt(const Stmt &) = delete;
  Stmt &operator=(const Stmt &) = delete;
  ~Stmt() { sqlite3_finalize(s_); }

  sqlite3_stmt *get() const { return s_; }
  explicit operator bool() const { return s_ != nullptr; }

  Stmt &reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
    return *this;
  }
  Stmt &bind(int i, std::nullptr_t) { return check(sqlite3_bind_null(s_, i)); }
  Stmt &bind(int i, long v) { return check(sqlite3_bind_int64(s_, i, v)); }
  Stmt &bind(int i, long long v) { return check(sqlite3_bind_int64(s_, i, v)); }
  Stmt &bind(int i, int v) { return check(sqlite3_bind_int64(s_, i, v)); }
  Stmt &bind(int i, uint32_t v) { return check(sqlite3_bind_int64(s_, i, v)); }
  Stmt &bind(int i, double v) { return check(sqlite3_bind_double(s_, i, v)); }
  // Text is bound without a copy: it must outlive the step.
  Stmt &bind(int i, std::string_view v) {
    return check(sqlite3_bind_text64(s_, i, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8));
  }
  Stmt &bind(int i, sqlite3_value *v) { return check(sqlite3_bind_value(s_, i, v)); }
  template <class T> Stmt &bind_opt(int i, const T &opt) {
    return opt ? bind(i, std::string_view(*opt)) : bind(i, nullptr);
  }

  // Steps once: true for a row, false when done; throws on error.
  bool step(sqlite3 *db, const char *who);
  // Steps to completion (for writes) and resets.
  void run(sqlite3 *db, const char *who) {
    while (step(db, who)) {
    }
    sqlite3_reset(s_);
  }

  int64_t int64(int c) const { return sqlite3_column_int64(s_, c); }
  double real(int c) const { return sqlite3_column_double(s_, c); }
  bool is_null(int c) const { return sqlite3_column_type(s_, c) == SQLITE_NULL; }
  std::string_view text(int c) const {
    const char *p = reinterpret_cast<const char *>(sqlite3_column_text(s_, c));
    return p ? std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(s_, c))) : std::string_view();
  }
  sqlite3_value *value(int c) const { return sqlite3_column_value(s_, c); }

private:
  Stmt &check(int rc) {
    if (rc != SQLITE_OK) fail(rc, std::string("lede: bind failed: ") + sqlite3_errstr(rc));
    return *this;
  }
  sqlite3_stmt *s_ = nullptr;
};

// Executes one or more statements without results.
void exec(sqlite3 *db, const std::string &sql, const char *who);

// Runs `body` and maps exceptions to SQLite result codes. `msg` receives a
// message allocated with sqlite3_mprintf (or stays untouched on success).
template <class F> int guard(char **msg, F &&body) noexcept {
  try {
    return body();
  } catch (const Error &e) {
    if (msg) {
      sqlite3_free(*msg);
      *msg = sqlite3_mprintf("%s", e.what());
    }
    return e.code;
  } catch (const std::bad_alloc &) {
    return SQLITE_NOMEM;
  } catch (const std::exception &e) {
    if (msg) {
      sqlite3_free(*msg);
      *msg = sqlite3_mprintf("lede: internal error: %s", e.what());
    }
    return SQLITE_ERROR;
  } catch (...) {
    if (msg) {
      sqlite3_free(*msg);
      *msg = sqlite3_mprintf("lede: internal error");
    }
    return SQLITE_ERROR;
  }
}

// The same for scalar functions: errors go to sqlite3_result_error*.
template <class F> void guard_fn(sqlite3_context *ctx, F &&body) noexcept {
  try {
    body();
  } catch (const Error &e) {
    sqlite3_result_error(ctx, e.what(), -1);
    if (e.code != SQLITE_ERROR) sqlite3_result_error_code(ctx, e.code);
  } catch (const std::bad_alloc &) {
    sqlite3_result_error_nomem(ctx);
  } catch (const std::exception &e) {
    std::string m = std::string("lede: internal error: ") + e.what();
    sqlite3_result_error(ctx, m.c_str(), -1);
  } catch (...) {
    sqlite3_result_error(ctx, "lede: internal error", -1);
  }
}

// Name of a value's type for messages: "text", "blob", "integer", ...
const char *type_name(sqlite3_value *v);

// Sets a result from a std::string (copied).
inline void result_text(sqlite3_context *ctx, std::string_view s) {
  sqlite3_result_text64(ctx, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

} // namespace lede::sql
