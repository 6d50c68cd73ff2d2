// derived_vtab.cpp — see derived_vtab.hpp.
#include "derived_vtab.hpp"

#include <cstring>
#include <memory>

namespace lede::sql {
namespace {

enum Plan { kDoc = 1, kCorpus = 2, kArticle = 4, kIndexed0 = 8, kIndexed1 = 16 };
constexpr int kSlots = 5;

struct Vtab : sqlite3_vtab {
  sqlite3 *db;
  const DerivedTable *t;
};

struct Cursor : sqlite3_vtab_cursor {
  bool text_mode = false;
  Stmt st;                // corpus form
  std::vector<Row> rows;  // text form
  size_t pos = 0;
  int64_t rowid = 0;
  bool eof = true;
  // body_text_col: the current article's body and a forward walker
  // from code-point offsets to byte offsets.
  Stmt body_st;
  int64_t body_id = -1;
  std::string body;
  size_t walk_byte = 0;
  int64_t walk_cp = 0;

  size_t byte_at(int64_t cp) {
    if (cp < walk_cp) walk_byte = 0, walk_cp = 0;
    while (walk_cp < cp && walk_byte < body.size()) {
      unsigned char c = static_cast<unsigned char>(body[walk_byte]);
      walk_byte += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      ++walk_cp;
    }
    return std::min(walk_byte, body.size());
  }
};

Vtab *vt(sqlite3_vtab *p) { return static_cast<Vtab *>(p); }
Cursor *cur(sqlite3_vtab_cursor *p) { return static_cast<Cursor *>(p); }

int xConnect(sqlite3 *db, void *aux, int, const char *const *, sqlite3_vtab **out, char **err) noexcept {
  return guard(err, [&] {
    const auto *t = static_cast<const DerivedTable *>(aux);
    std::string decl = std::string("CREATE TABLE x(") + t->columns + ", doc HIDDEN, corpus HIDDEN)";
    int rc = sqlite3_declare_vtab(db, decl.c_str());
    if (rc != SQLITE_OK) fail(rc, format("%s: cannot declare the table: %s", t->name, sqlite3_errmsg(db)));
    sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
    auto v = std::make_unique<Vtab>();
    std::memset(static_cast<sqlite3_vtab *>(v.get()), 0, sizeof(sqlite3_vtab));
    v->db = db;
    v->t = t;
    *out = v.release();
    return SQLITE_OK;
  });
}

int xDisconnect(sqlite3_vtab *p) noexcept {
  delete vt(p);
  return SQLITE_OK;
}

int xBestIndex(sqlite3_vtab *p, sqlite3_index_info *info) noexcept {
  const DerivedTable *t = vt(p)->t;
  const int doc_col = t->ncols, corpus_col = t->ncols + 1;
  const int slot_col[kSlots] = {doc_col, corpus_col, t->article_id_col, t->indexed_cols[0], t->indexed_cols[1]};
  int idx[kSlots] = {-1, -1, -1, -1, -1};
  bool doc_unusable = false;
  for (int i = 0; i < info->nConstraint; ++i) {
    const auto &c = info->aConstraint[i];
    if (c.op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    int slot = -1;
    for (int s = 0; s < kSlots && slot < 0; ++s)
      if (slot_col[s] >= 0 && c.iColumn == slot_col[s]) slot = s;
    if (slot < 0) continue;
    if (!c.usable) {
      if (slot == 0) doc_unusable = true;
      continue;
    }
    // The shadow query compares with BINARY; another collation would make
    // it stricter than the user's test.
    if (slot >= 3 && sqlite3_stricmp(sqlite3_vtab_collation(info, i), "BINARY") != 0) continue;
    idx[slot] = i;
  }
  if (doc_unusable && idx[0] < 0) return SQLITE_CONSTRAINT;
  // The second indexed column helps only behind the first.
  if (idx[3] < 0) idx[4] = -1;
  int plan = 0, argv_index = 0;
  for (int s = 0; s < kSlots; ++s) {
    if (idx[s] < 0) continue;
    plan |= 1 << s;
    info->aConstraintUsage[idx[s]].argvIndex = ++argv_index;
    info->aConstraintUsage[idx[s]].omit = s < 2; // the others are re-checked by SQLite
  }
  info->idxNum = plan;
  info->estimatedCost = (plan & kDoc) ? 100 : (plan & kArticle) ? 50 : (plan & kIndexed0) ? 200 : 100000;
  info->estimatedRows = (plan & kArticle) ? 50 : (plan & kIndexed0) ? 100 : 10000;
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

// Checks that `corpus` names a lede corpus in some attached schema.
void check_corpus(sqlite3 *db, const DerivedTable *t, const std::string &corpus) {
  Stmt st(db, format("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = '%q_doc'", corpus.c_str()),
          t->name);
  Stmt tmp(db, format("SELECT 1 FROM temp.sqlite_schema WHERE type = 'table' AND name = '%q_doc'",
                      corpus.c_str()),
           t->name);
  if (!st.step(db, t->name) && !tmp.step(db, t->name))
    fail(SQLITE_ERROR, format("%s: no corpus named '%s' (create one with CREATE VIRTUAL TABLE %s USING lede)",
                              t->name, corpus.c_str(), corpus.c_str()));
}

int xFilter(sqlite3_vtab_cursor *pc, int plan, const char *, int argc, sqlite3_value **argv) noexcept {
  Cursor *c = cur(pc);
  Vtab *v = vt(pc->pVtab);
  const DerivedTable *t = v->t;
  return guard(&v->zErrMsg, [&] {
    int a = 0;
    sqlite3_value *doc = (plan & kDoc) && a < argc ? argv[a++] : nullptr;
    sqlite3_value *corpus = (plan & kCorpus) && a < argc ? argv[a++] : nullptr;
    sqlite3_value *article = (plan & kArticle) && a < argc ? argv[a++] : nullptr;
    sqlite3_value *keys[2] = {nullptr, nullptr};
    for (int k = 0; k < 2; ++k)
      if ((plan & (kIndexed0 << k)) && a < argc) keys[k] = argv[a++];
    c->rows.clear();
    c->pos = 0;
    c->rowid = 0;
    c->st = Stmt();
    if (doc) {
      c->text_mode = true;
      // A BLOB (readfile() returns one) is read as UTF-8 bytes, as an
      // inserted raw document is: invalid sequences become U+FFFD.
      int type = sqlite3_value_type(doc);
      if (type != SQLITE_NULL) {
        const char *p = type == SQLITE_BLOB ? static_cast<const char *>(sqlite3_value_blob(doc))
                                            : reinterpret_cast<const char *>(sqlite3_value_text(doc));
        std::string_view text(p ? p : "", static_cast<size_t>(sqlite3_value_bytes(doc)));
        t->rows_from_text(text, c->rows);
      }
      c->eof = c->rows.empty();
      return SQLITE_OK;
    }
    c->text_mode = false;
    std::string name = "articles";
    if (corpus) {
      if (sqlite3_value_type(corpus) != SQLITE_TEXT)
        fail(SQLITE_MISMATCH, format("%s: corpus must be text, got %s", t->name, type_name(corpus)));
      name = reinterpret_cast<const char *>(sqlite3_value_text(corpus));
    }
    check_corpus(v->db, t, name);
    c->body_id = -1;
    if (t->body_text_col >= 0)
      c->body_st = Stmt(v->db, format("SELECT body FROM \"%w_doc\" WHERE id = ?1", name.c_str()), t->name);
    std::string sql = format("SELECT %s FROM \"%w_%s\"", t->select_list, name.c_str(), t->shadow_suffix);
    int nbind = 0;
    if (article) sql += format(" WHERE article_id = ?%d", ++nbind);
    for (int k = 0; k < 2; ++k)
      if (keys[k]) {
        const char *joiner = nbind ? "AND" : "WHERE";
        ++nbind;
        sql += format(" %s \"%w\" = ?%d", joiner, t->indexed_names[k], nbind);
      }
    sql += " ORDER BY article_id, idx";
    c->st = Stmt(v->db, sql, t->name);
    nbind = 0;
    if (article) c->st.bind(++nbind, article);
    for (sqlite3_value *key : keys)
      if (key) c->st.bind(++nbind, key);
    c->eof = !c->st.step(v->db, t->name);
    return SQLITE_OK;
  });
}

int xNext(sqlite3_vtab_cursor *pc) noexcept {
  Cursor *c = cur(pc);
  Vtab *v = vt(pc->pVtab);
  return guard(&v->zErrMsg, [&] {
    ++c->rowid;
    if (c->text_mode) c->eof = ++c->pos >= c->rows.size();
    else c->eof = !c->st.step(v->db, v->t->name);
    return SQLITE_OK;
  });
}

int xEof(sqlite3_vtab_cursor *pc) noexcept { return cur(pc)->eof; }

int body_slice(Cursor *c, const DerivedTable *t, sqlite3_context *ctx) noexcept {
  char *err = nullptr;
  int rc = guard(&err, [&] {
    int64_t id = c->st.int64(t->article_id_col);
    if (id != c->body_id) {
      c->body_st.reset().bind(1, id);
      sqlite3 *db = sqlite3_db_handle(c->body_st.get());
      c->body.assign(c->body_st.step(db, t->name) ? c->body_st.text(0) : std::string_view());
      c->body_st.reset();
      c->body_id = id;
      c->walk_byte = 0;
      c->walk_cp = 0;
    }
    size_t b = c->byte_at(c->st.int64(t->start_col));
    size_t e = c->byte_at(c->st.int64(t->end_col));
    result_text(ctx, std::string_view(c->body).substr(b, e > b ? e - b : 0));
    return SQLITE_OK;
  });
  if (rc != SQLITE_OK) {
    sqlite3_result_error(ctx, err ? err : "lede: cannot read the article body", -1);
    sqlite3_free(err);
  }
  return rc;
}

int xColumn(sqlite3_vtab_cursor *pc, sqlite3_context *ctx, int col) noexcept {
  Cursor *c = cur(pc);
  const DerivedTable *t = vt(pc->pVtab)->t;
  if (col >= t->ncols) return SQLITE_OK; // hidden inputs read back as NULL
  if (!c->text_mode) {
    if (col == t->body_text_col) return body_slice(c, t, ctx);
    sqlite3_result_value(ctx, c->st.value(col));
    return SQLITE_OK;
  }
  const Cell &cell = c->rows[c->pos][static_cast<size_t>(col)];
  switch (cell.kind) {
  case Cell::Null: sqlite3_result_null(ctx); break;
  case Cell::Int: sqlite3_result_int64(ctx, cell.i); break;
  case Cell::Real: sqlite3_result_double(ctx, cell.r); break;
  case Cell::Text: result_text(ctx, cell.s); break;
  }
  return SQLITE_OK;
}

int xRowid(sqlite3_vtab_cursor *pc, sqlite_int64 *rowid) noexcept {
  *rowid = cur(pc)->rowid;
  return SQLITE_OK;
}

sqlite3_module make_module() {
  sqlite3_module m;
  std::memset(&m, 0, sizeof m);
  m.iVersion = 1;
  m.xCreate = nullptr; // eponymous only
  m.xConnect = xConnect;
  m.xBestIndex = xBestIndex;
  m.xDisconnect = xDisconnect;
  m.xDestroy = xDisconnect;
  m.xOpen = xOpen;
  m.xClose = xClose;
  m.xFilter = xFilter;
  m.xNext = xNext;
  m.xEof = xEof;
  m.xColumn = xColumn;
  m.xRowid = xRowid;
  return m;
}

const sqlite3_module kModule = make_module();

} // namespace

int register_derived(sqlite3 *db, const DerivedTable *table) {
  return sqlite3_create_module_v2(db, table->name, &kModule, const_cast<DerivedTable *>(table), nullptr);
}

} // namespace lede::sql
