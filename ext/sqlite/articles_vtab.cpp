// articles_vtab.cpp — the `lede` module: a corpus of news articles.
//
//   CREATE VIRTUAL TABLE articles USING lede;
//   CREATE VIRTUAL TABLE search USING lede(quotes = off, entities = off);
//   INSERT INTO articles(source, raw) VALUES ('a.txt', '...');
//   INSERT INTO articles(path) VALUES ('samples/a.txt');   -- source = path
//   DELETE FROM articles WHERE id = 3;
//   UPDATE articles SET raw = '...' WHERE id = 3;          -- re-extracts
//   UPDATE articles SET source = 'b.txt' WHERE id = 3;
//   INSERT INTO articles(articles) VALUES ('rebuild');     -- re-extract all
//   INSERT INTO articles(articles) VALUES ('optimize');    -- merge the FTS index
//   INSERT INTO articles(articles) VALUES ('integrity-check'); -- check it
//
// Schema given to sqlite3_declare_vtab (column numbers are the k* below):
//
//   CREATE TABLE x(id INTEGER, source TEXT, title TEXT, published TEXT,
//                  byline TEXT, section TEXT, body TEXT, words INTEGER,
//                  raw TEXT HIDDEN, path TEXT HIDDEN, "<name>" HIDDEN)
//
// `id` is the rowid. The last column, named after the table as in FTS5,
// takes commands. The state lives in shadow tables (storage.hpp).
//
// xBestIndex plans (idxNum): 0 full scan in id order; 1 id = ?; 2 source =
// ?. ORDER BY id is consumed.
//
// Writes are atomic: the whole pipeline (parse, sentences, entities,
// quotes) runs before the first shadow-table write, and a duplicate source
// is detected before it too, so a failing row returns SQLITE_CONSTRAINT or
// an error with nothing written (SQLITE_VTAB_CONSTRAINT_SUPPORT), and the
// statement journal of INSERT ... SELECT undoes earlier rows.
//
// Reading files (`path`) makes the table SQLITE_VTAB_DIRECTONLY: a view or
// trigger in an untrusted database must not be able to read a file on the
// user's disk just by being queried (csv.c makes the same choice). The
// noread entry point registers the module without that ability, and its
// tables may be used anywhere.
#include "registry.hpp"

#include "raii.hpp"
#include "storage.hpp"

#include "analysis.hpp"
#include "text.hpp"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <sys/stat.h>

namespace lede::sql {
namespace {

enum Col { kId, kSource, kTitle, kPublished, kByline, kSection, kBody, kWords, kRaw, kPath, kCmd };

struct ModuleOptions {
  bool can_read_files;
};

struct Vtab : sqlite3_vtab {
  sqlite3 *db;
  std::unique_ptr<Storage> storage;
  bool can_read_files;
};

struct Cursor : sqlite3_vtab_cursor {
  Stmt st;
  bool eof = true;
};

Vtab *vt(sqlite3_vtab *p) { return static_cast<Vtab *>(p); }
Cursor *cur(sqlite3_vtab_cursor *p) { return static_cast<Cursor *>(p); }

// Files larger than this are refused with a named error rather than read
// into memory (SQLite's own limit on a value is 1e9 bytes).
constexpr uint64_t kMaxFileBytes = 1000000000ull;

// Module arguments: `quotes = off`, `entities = off` (default on).
lede::AnalysisOptions parse_options(const char *name, int argc, const char *const *argv) {
  lede::AnalysisOptions o;
  for (int i = 0; i < argc; ++i) {
    std::string arg = argv[i];
    size_t eq = arg.find('=');
    auto clean = [](std::string t) {
      size_t b = t.find_first_not_of(" \t'\""), e = t.find_last_not_of(" \t'\"");
      t = b == std::string::npos ? std::string() : t.substr(b, e - b + 1);
      for (auto &c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return t;
    };
    std::string key = clean(arg.substr(0, eq)), value = eq == std::string::npos ? "" : clean(arg.substr(eq + 1));
    bool *flag = key == "quotes" ? &o.quotes : key == "entities" ? &o.entities : nullptr;
    if (!flag)
      fail(SQLITE_ERROR, format("%s: unknown option '%s' (known: quotes, entities)", name, argv[i]));
    if (value == "on" || value == "true" || value == "1" || value == "yes") *flag = true;
    else if (value == "off" || value == "false" || value == "0" || value == "no") *flag = false;
    else fail(SQLITE_ERROR, format("%s: option %s must be on or off, got '%s'", name, key.c_str(), value.c_str()));
  }
  return o;
}

int connect_or_create(sqlite3 *db, void *aux, int argc, const char *const *argv, sqlite3_vtab **out,
                      char **err, bool create) noexcept {
  return guard(err, [&] {
    const auto *opt = static_cast<const ModuleOptions *>(aux);
    const char *schema = argv[1], *name = argv[2];
    lede::AnalysisOptions options = parse_options(name, argc - 3, argv + 3);
    auto v = std::make_unique<Vtab>();
    std::memset(static_cast<sqlite3_vtab *>(v.get()), 0, sizeof(sqlite3_vtab));
    v->db = db;
    v->can_read_files = opt->can_read_files;
    v->storage = std::make_unique<Storage>(db, schema, name);
    std::string decl = format("CREATE TABLE x(id INTEGER, source TEXT, title TEXT, published TEXT,"
                              " byline TEXT, section TEXT, body TEXT, words INTEGER,"
                              " raw TEXT HIDDEN, path TEXT HIDDEN, \"%w\" HIDDEN)",
                              name);
    int rc = sqlite3_declare_vtab(db, decl.c_str());
    if (rc != SQLITE_OK) fail(rc, format("%s: cannot declare the table: %s", name, sqlite3_errmsg(db)));
    sqlite3_vtab_config(db, SQLITE_VTAB_CONSTRAINT_SUPPORT, 1);
    if (v->can_read_files) sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
    if (create) v->storage->create(options);
    else v->storage->check();
    *out = v.release();
    return SQLITE_OK;
  });
}

int xCreate(sqlite3 *db, void *aux, int argc, const char *const *argv, sqlite3_vtab **out, char **err) noexcept {
  return connect_or_create(db, aux, argc, argv, out, err, true);
}
int xConnect(sqlite3 *db, void *aux, int argc, const char *const *argv, sqlite3_vtab **out, char **err) noexcept {
  return connect_or_create(db, aux, argc, argv, out, err, false);
}

int xDisconnect(sqlite3_vtab *p) noexcept {
  delete vt(p);
  return SQLITE_OK;
}

int xDestroy(sqlite3_vtab *p) noexcept {
  int rc = guard(&p->zErrMsg, [&] {
    vt(p)->storage->destroy();
    return SQLITE_OK;
  });
  if (rc == SQLITE_OK) delete vt(p);
  return rc;
}

int xBestIndex(sqlite3_vtab *, sqlite3_index_info *info) noexcept {
  int id_eq = -1, source_eq = -1;
  for (int i = 0; i < info->nConstraint; ++i) {
    const auto &c = info->aConstraint[i];
    if (!c.usable || c.op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    if (c.iColumn == -1 || c.iColumn == kId) id_eq = i;
    else if (c.iColumn == kSource) source_eq = i;
  }
  // A unique lookup: by id (plan 1) before source (plan 2).
  const int lookup = id_eq >= 0 ? id_eq : source_eq;
  if (lookup >= 0) {
    info->idxNum = id_eq >= 0 ? 1 : 2;
    info->aConstraintUsage[lookup].argvIndex = 1;
    info->aConstraintUsage[lookup].omit = 1;
    info->estimatedCost = id_eq >= 0 ? 10 : 20;
    info->estimatedRows = 1;
    info->idxFlags = SQLITE_INDEX_SCAN_UNIQUE;
  } else {
    info->idxNum = 0;
    info->estimatedCost = 100000;
    info->estimatedRows = 100000;
  }
  if (info->nOrderBy == 1 && (info->aOrderBy[0].iColumn == kId || info->aOrderBy[0].iColumn == -1) &&
      !info->aOrderBy[0].desc)
    info->orderByConsumed = 1;
  return SQLITE_OK;
}

int xOpen(sqlite3_vtab *, sqlite3_vtab_cursor **out) noexcept {
  auto *c = new (std::nothrow) Cursor();
  if (!c) return SQLITE_NOMEM;
  *out = c;
  return SQLITE_OK;
}

int xClose(sqlite3_vtab_cursor *c) noexcept {
  delete cur(c);
  return SQLITE_OK;
}

int xFilter(sqlite3_vtab_cursor *pc, int idxNum, const char *, int argc, sqlite3_value **argv) noexcept {
  Cursor *c = cur(pc);
  Vtab *v = vt(pc->pVtab);
  return guard(&v->zErrMsg, [&] {
    const Storage &s = *v->storage;
    std::string sql = "SELECT id, source, title, published, byline, section, body, words, raw FROM " +
                      s.table("doc");
    if (idxNum == 1) sql += " WHERE id = ?1";
    else if (idxNum == 2) sql += " WHERE source = ?1";
    sql += " ORDER BY id";
    c->st = Stmt(v->db, sql, s.name().c_str());
    if (idxNum && argc > 0) c->st.bind(1, argv[0]);
    c->eof = !c->st.step(v->db, s.name().c_str());
    return SQLITE_OK;
  });
}

int xNext(sqlite3_vtab_cursor *pc) noexcept {
  Cursor *c = cur(pc);
  Vtab *v = vt(pc->pVtab);
  return guard(&v->zErrMsg, [&] {
    c->eof = !c->st.step(v->db, v->storage->name().c_str());
    return SQLITE_OK;
  });
}

int xEof(sqlite3_vtab_cursor *pc) noexcept { return cur(pc)->eof; }

int xColumn(sqlite3_vtab_cursor *pc, sqlite3_context *ctx, int col) noexcept {
  Cursor *c = cur(pc);
  if (col == kPath || col == kCmd) return SQLITE_OK; // write-only: NULL
  // During UPDATE, unchanged columns are not read: xUpdate then sees them
  // as sqlite3_value_nochange() and knows what the statement changes.
  if (col != kId && sqlite3_vtab_nochange(ctx)) return SQLITE_OK;
  sqlite3_result_value(ctx, c->st.value(col));
  return SQLITE_OK;
}

int xRowid(sqlite3_vtab_cursor *pc, sqlite_int64 *rowid) noexcept {
  *rowid = cur(pc)->st.int64(0);
  return SQLITE_OK;
}

// ---- writes --------------------------------------------------------------

std::string read_file(const Vtab &v, const std::string &path) {
  const char *who = v.storage->name().c_str();
  struct stat sb;
  if (::stat(path.c_str(), &sb) != 0)
    fail(SQLITE_ERROR, format("%s: cannot read '%s': %s", who, path.c_str(), std::strerror(errno)));
  if (S_ISDIR(sb.st_mode))
    fail(SQLITE_ERROR, format("%s: cannot read '%s': is a directory", who, path.c_str()));
  if (!S_ISREG(sb.st_mode))
    fail(SQLITE_ERROR, format("%s: cannot read '%s': not a regular file", who, path.c_str()));
  if (static_cast<uint64_t>(sb.st_size) > kMaxFileBytes)
    fail(SQLITE_TOOBIG, format("%s: cannot read '%s': %lld bytes is more than the limit of %lld", who,
                               path.c_str(), static_cast<long long>(sb.st_size),
                               static_cast<long long>(kMaxFileBytes)));
  std::ifstream in(path, std::ios::binary);
  if (!in)
    fail(SQLITE_ERROR, format("%s: cannot read '%s': %s", who, path.c_str(), std::strerror(errno)));
  std::string data(static_cast<size_t>(sb.st_size), '\0');
  in.read(data.data(), static_cast<std::streamsize>(data.size()));
  data.resize(static_cast<size_t>(in.gcount()));
  if (in.bad())
    fail(SQLITE_IOERR, format("%s: cannot read '%s': read error", who, path.c_str()));
  // A text file has no NUL bytes; PDFs, images and archives do early on.
  if (std::memchr(data.data(), 0, std::min<size_t>(data.size(), 8192)))
    fail(SQLITE_ERROR,
         format("%s: cannot read '%s': binary file (NUL bytes), not a text article", who, path.c_str()));
  return data;
}

const char *derived_name(int col) {
  switch (col) {
  case kTitle: return "title";
  case kPublished: return "published";
  case kByline: return "byline";
  case kSection: return "section";
  case kBody: return "body";
  case kWords: return "words";
  default: return "?";
  }
}

// Rejects values for derived columns: they come from raw.
void check_no_derived(const Vtab &v, sqlite3_value **cols, bool update) {
  for (int c = kTitle; c <= kWords; ++c) {
    if (update ? sqlite3_value_nochange(cols[c]) : sqlite3_value_type(cols[c]) == SQLITE_NULL)
      continue;
    fail(SQLITE_ERROR, format("%s: column %s is derived from raw and cannot be %s; %s raw instead",
                              v.storage->name().c_str(), derived_name(c), update ? "updated" : "inserted",
                              update ? "update" : "insert"));
  }
}

void rebuild(Vtab &v) {
  Storage &s = *v.storage;
  lede::AliasMap aliases = s.aliases();
  for (int64_t id : s.ids()) {
    std::string raw = s.raw(id);
    lede::Analysis a = lede::analyse_article(raw, aliases, s.options());
    s.rewrite(id, a);
  }
}

int insert_row(Vtab &v, sqlite3_value *rowid_value, sqlite3_value **cols, sqlite_int64 *out_rowid) {
  Storage &s = *v.storage;
  const char *who = s.name().c_str();
  if (sqlite3_value_type(cols[kCmd]) != SQLITE_NULL) {
    const unsigned char *t = sqlite3_value_text(cols[kCmd]);
    std::string cmd = t ? reinterpret_cast<const char *>(t) : "";
    if (cmd == "rebuild") {
      rebuild(v);
      return SQLITE_OK;
    }
    if (cmd == "optimize" || cmd == "integrity-check") {
      s.fts_command(cmd);
      return SQLITE_OK;
    }
    fail(SQLITE_ERROR, format("%s: unknown command '%s' (known: 'rebuild', 'optimize', 'integrity-check')",
                              who, cmd.c_str()));
  }
  check_no_derived(v, cols, false);
  sqlite3_value *raw = cols[kRaw], *path = cols[kPath], *source = cols[kSource];
  std::string file_data;
  std::string src;
  if (sqlite3_value_type(raw) == SQLITE_NULL) {
    if (sqlite3_value_type(path) == SQLITE_NULL)
      fail(SQLITE_ERROR, format("%s: INSERT needs raw (the document) or path (a file to read)", who));
    if (!v.can_read_files)
      fail(SQLITE_ERROR, format("%s: reading files is disabled in this connection"
                                " (loaded through sqlite3_lede_noread_init); insert raw instead",
                                who));
    if (sqlite3_value_type(path) != SQLITE_TEXT)
      fail(SQLITE_MISMATCH, format("%s: path must be text, got %s", who, type_name(path)));
    std::string p(reinterpret_cast<const char *>(sqlite3_value_text(path)),
                  static_cast<size_t>(sqlite3_value_bytes(path)));
    file_data = read_file(v, p);
    src = p;
  } else if (sqlite3_value_type(path) != SQLITE_NULL && sqlite3_value_type(source) == SQLITE_NULL) {
    src = reinterpret_cast<const char *>(sqlite3_value_text(path));
  }
  if (sqlite3_value_type(source) != SQLITE_NULL) {
    if (sqlite3_value_type(source) == SQLITE_BLOB)
      fail(SQLITE_MISMATCH, format("%s: source must be text, got blob", who));
    src.assign(reinterpret_cast<const char *>(sqlite3_value_text(source)),
               static_cast<size_t>(sqlite3_value_bytes(source)));
  }
  if (src.empty())
    fail(SQLITE_ERROR, format("%s: INSERT needs a source (a file name or URL) for raw text", who));

  int64_t id = 0;
  sqlite3_value *idv = sqlite3_value_type(rowid_value) != SQLITE_NULL ? rowid_value : cols[kId];
  if (sqlite3_value_type(idv) != SQLITE_NULL) {
    if (sqlite3_value_type(idv) != SQLITE_INTEGER)
      fail(SQLITE_MISMATCH, format("%s: id must be an integer, got %s", who, type_name(idv)));
    id = sqlite3_value_int64(idv);
  }

  // Bytes of the document: text (with any NUL bytes: sqlite3_value_bytes,
  // not strlen) or blob.
  std::string_view bytes;
  bool is_blob = false;
  if (!file_data.empty() || sqlite3_value_type(raw) == SQLITE_NULL) {
    bytes = file_data;
  } else {
    is_blob = sqlite3_value_type(raw) == SQLITE_BLOB;
    const void *p = is_blob ? sqlite3_value_blob(raw) : static_cast<const void *>(sqlite3_value_text(raw));
    bytes = std::string_view(static_cast<const char *>(p ? p : ""),
                             static_cast<size_t>(sqlite3_value_bytes(raw)));
  }

  // All the work that can fail for reasons of content happens here, before
  // anything is written.
  lede::Analysis a = lede::analyse_article(bytes, s.aliases(), s.options());

  auto existing = s.find_source(src);
  std::optional<int64_t> id_taken;
  if (id && s.exists(id)) id_taken = id;
  if (existing || id_taken) {
    if (sqlite3_vtab_on_conflict(v.db) != SQLITE_REPLACE) {
      if (existing)
        fail(SQLITE_CONSTRAINT_UNIQUE,
             format("%s: source '%s' is already in the corpus (id %lld); use INSERT OR REPLACE"
                    " to replace it",
                    who, src.c_str(), static_cast<long long>(*existing)));
      fail(SQLITE_CONSTRAINT_PRIMARYKEY,
           format("%s: id %lld is already in the corpus", who, static_cast<long long>(id)));
    }
    if (existing) s.remove(*existing);
    if (id_taken && (!existing || *existing != *id_taken)) s.remove(*id_taken);
  }
  sqlite3_value *raw_value = file_data.empty() && sqlite3_value_type(raw) != SQLITE_NULL ? raw : nullptr;
  *out_rowid = s.insert(id, src, raw_value, bytes, is_blob, a);
  return SQLITE_OK;
}

int update_row(Vtab &v, int64_t old_id, sqlite3_value *new_rowid, sqlite3_value **cols) {
  Storage &s = *v.storage;
  const char *who = s.name().c_str();
  if (sqlite3_value_type(cols[kCmd]) != SQLITE_NULL && !sqlite3_value_nochange(cols[kCmd]))
    fail(SQLITE_ERROR, format("%s: commands are given with INSERT, not UPDATE", who));
  if (sqlite3_value_int64(new_rowid) != old_id ||
      (!sqlite3_value_nochange(cols[kId]) && sqlite3_value_int64(cols[kId]) != old_id))
    fail(SQLITE_ERROR, format("%s: id cannot be changed (id %lld)", who, static_cast<long long>(old_id)));
  check_no_derived(v, cols, true);
  if (!sqlite3_value_nochange(cols[kPath]) && sqlite3_value_type(cols[kPath]) != SQLITE_NULL)
    fail(SQLITE_ERROR, format("%s: path is for INSERT; to re-read a file, delete the article and"
                              " insert it again", who));
  std::optional<lede::Analysis> a;
  sqlite3_value *raw = cols[kRaw];
  bool raw_changed = !sqlite3_value_nochange(raw);
  if (raw_changed) {
    if (sqlite3_value_type(raw) == SQLITE_NULL)
      fail(SQLITE_CONSTRAINT_NOTNULL, format("%s: raw cannot be NULL (id %lld)", who,
                                             static_cast<long long>(old_id)));
    bool is_blob = sqlite3_value_type(raw) == SQLITE_BLOB;
    const void *p = is_blob ? sqlite3_value_blob(raw) : static_cast<const void *>(sqlite3_value_text(raw));
    std::string_view bytes(static_cast<const char *>(p ? p : ""),
                           static_cast<size_t>(sqlite3_value_bytes(raw)));
    a = lede::analyse_article(bytes, s.aliases(), s.options());
  }
  std::string src;
  bool source_changed = !sqlite3_value_nochange(cols[kSource]);
  if (source_changed) {
    if (sqlite3_value_type(cols[kSource]) != SQLITE_TEXT)
      fail(SQLITE_MISMATCH, format("%s: source must be text, got %s", who, type_name(cols[kSource])));
    src = reinterpret_cast<const char *>(sqlite3_value_text(cols[kSource]));
    auto other = s.find_source(src);
    if (other && *other != old_id)
      fail(SQLITE_CONSTRAINT_UNIQUE, format("%s: source '%s' is already in the corpus (id %lld)", who,
                                            src.c_str(), static_cast<long long>(*other)));
  }
  if (source_changed) s.set_source(old_id, src);
  if (a) {
    s.set_raw(old_id, raw);
    s.rewrite(old_id, *a);
  }
  return SQLITE_OK;
}

int xUpdate(sqlite3_vtab *p, int argc, sqlite3_value **argv, sqlite_int64 *rowid) noexcept {
  Vtab &v = *vt(p);
  return guard(&p->zErrMsg, [&] {
    if (argc == 1) {
      v.storage->remove(sqlite3_value_int64(argv[0]));
      return SQLITE_OK;
    }
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return insert_row(v, argv[1], argv + 2, rowid);
    return update_row(v, sqlite3_value_int64(argv[0]), argv[1], argv + 2);
  });
}

int xShadowName(const char *suffix) noexcept { return is_shadow_suffix(suffix); }

int xRename(sqlite3_vtab *p, const char *) noexcept {
  sqlite3_free(p->zErrMsg);
  p->zErrMsg = sqlite3_mprintf("%s: renaming a corpus is not supported; create a new one and"
                               " INSERT INTO new(source, raw) SELECT source, raw FROM old",
                               vt(p)->storage->name().c_str());
  return SQLITE_ERROR;
}

sqlite3_module make_module() {
  sqlite3_module m;
  std::memset(&m, 0, sizeof m);
  m.iVersion = 3;
  m.xCreate = xCreate;
  m.xConnect = xConnect;
  m.xBestIndex = xBestIndex;
  m.xDisconnect = xDisconnect;
  m.xDestroy = xDestroy;
  m.xOpen = xOpen;
  m.xClose = xClose;
  m.xFilter = xFilter;
  m.xNext = xNext;
  m.xEof = xEof;
  m.xColumn = xColumn;
  m.xRowid = xRowid;
  m.xUpdate = xUpdate;
  m.xRename = xRename;
  m.xShadowName = xShadowName;
  return m;
}

const sqlite3_module kModule = make_module();
const ModuleOptions kRead{true}, kNoRead{false};

} // namespace

int register_articles(sqlite3 *db, bool can_read_files) {
  return sqlite3_create_module_v2(db, "lede", &kModule,
                                  const_cast<ModuleOptions *>(can_read_files ? &kRead : &kNoRead),
                                  nullptr);
}

} // namespace lede::sql
