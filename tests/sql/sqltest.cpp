// sqltest.cpp — golden SQL test runner.
//
//   lede_sqltest --ext build/lede [--update] tests/sql/articles.sql
//
// Runs every statement of a .sql file against a fresh in-memory database
// with the extension loaded, and compares the whole transcript with
// <file>.expected next to it: each statement echoed ("sql> " first line,
// "...> " continuation lines), then its column names and rows ('|'
// between values, NULL as NULL, reals with up to 6 significant digits), or
// "Error: <message>" when it fails. Comment lines are echoed as written.
// --update (or LEDE_UPDATE_GOLDEN=1) rewrites the expected file instead,
// for review with git diff.
//
// Directives understood, like the sqlite3 shell's:
//   .read FILE          run FILE's statements, printing only their results
//   .print TEXT         print TEXT
//   .param set NAME SQL bind NAME (:x, @x, $x) to the value of SQL
//   .mode/.headers/.width/.nullvalue  ignored (reports carry them for the shell)
//   -- lede-test: noread   (first line) load through sqlite3_lede_noread_init
#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string slurp(const std::string &path, bool &ok) {
  std::ifstream in(path, std::ios::binary);
  ok = static_cast<bool>(in);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string fmt_real(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

struct Runner {
  sqlite3 *db = nullptr;
  std::string out;
  std::map<std::string, std::string> params; // name -> SQL expression

  void run_statement(const std::string &sql, bool echo) {
    if (echo) {
      std::istringstream ls(sql);
      std::string line;
      bool first = true;
      while (std::getline(ls, line)) {
        out += (first ? "sql> " : "...> ") + line + "\n";
        first = false;
      }
    }
    const char *tail = sql.c_str();
    while (tail && *tail) {
      sqlite3_stmt *st = nullptr;
      const char *next = nullptr;
      int rc = sqlite3_prepare_v2(db, tail, -1, &st, &next);
      if (rc != SQLITE_OK) {
        out += std::string("Error: ") + sqlite3_errmsg(db) + "\n";
        return;
      }
      tail = next;
      if (!st) continue; // whitespace or comment
      bind_params(st);
      int ncol = sqlite3_column_count(st);
      bool header = false;
      while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!header && ncol > 0) {
          for (int c = 0; c < ncol; ++c) out += (c ? "|" : "") + std::string(sqlite3_column_name(st, c));
          out += "\n";
          header = true;
        }
        for (int c = 0; c < ncol; ++c) {
          if (c) out += "|";
          switch (sqlite3_column_type(st, c)) {
          case SQLITE_NULL: out += "NULL"; break;
          case SQLITE_INTEGER: out += std::to_string(sqlite3_column_int64(st, c)); break;
          case SQLITE_FLOAT: out += fmt_real(sqlite3_column_double(st, c)); break;
          case SQLITE_BLOB: {
            out += "x'";
            const auto *b = static_cast<const unsigned char *>(sqlite3_column_blob(st, c));
            int n = sqlite3_column_bytes(st, c);
            char hex[3];
            for (int i = 0; i < n; ++i) {
              std::snprintf(hex, sizeof hex, "%02x", b[i]);
              out += hex;
            }
            out += "'";
            break;
          }
          default: {
            const char *t = reinterpret_cast<const char *>(sqlite3_column_text(st, c));
            out.append(t, static_cast<size_t>(sqlite3_column_bytes(st, c)));
          }
          }
        }
        out += "\n";
      }
      if (rc != SQLITE_DONE) out += std::string("Error: ") + sqlite3_errmsg(db) + "\n";
      sqlite3_finalize(st);
      if (rc != SQLITE_DONE) return;
    }
  }

  void bind_params(sqlite3_stmt *st) {
    int n = sqlite3_bind_parameter_count(st);
    for (int i = 1; i <= n; ++i) {
      const char *name = sqlite3_bind_parameter_name(st, i);
      if (!name) continue;
      auto it = params.find(name + 1);
      if (it == params.end()) continue;
      sqlite3_stmt *v = nullptr;
      std::string q = "SELECT " + it->second;
      if (sqlite3_prepare_v2(db, q.c_str(), -1, &v, nullptr) == SQLITE_OK && sqlite3_step(v) == SQLITE_ROW)
        sqlite3_bind_value(st, i, sqlite3_column_value(v, 0));
      sqlite3_finalize(v);
    }
  }

  void directive(const std::string &line, bool echo) {
    if (echo) out += "sql> " + line + "\n";
    std::istringstream ls(line);
    std::string cmd;
    ls >> cmd;
    if (cmd == ".read") {
      std::string file;
      ls >> file;
      bool ok = false;
      std::string text = slurp(file, ok);
      if (!ok) {
        out += "Error: cannot open \"" + file + "\"\n";
        return;
      }
      run_script(text, false);
    } else if (cmd == ".print") {
      std::string rest;
      std::getline(ls, rest);
      if (!rest.empty() && rest[0] == ' ') rest.erase(0, 1);
      if (rest.size() >= 2 && (rest.front() == '\'' || rest.front() == '"') && rest.back() == rest.front())
        rest = rest.substr(1, rest.size() - 2);
      out += rest + "\n";
    } else if (cmd == ".param" || cmd == ".parameter") {
      std::string sub, name, value;
      ls >> sub >> name;
      std::getline(ls, value);
      if (sub == "set" && name.size() > 1) params[name.substr(1)] = value;
      else if (sub == "clear") params.clear();
    } else if (cmd == ".mode" || cmd == ".headers" || cmd == ".header" || cmd == ".width" ||
               cmd == ".nullvalue" || cmd == ".timer" || cmd == ".bail" || cmd == ".echo" ||
               cmd == ".separator") {
      // presentation only
    } else {
      out += "Error: unknown directive " + cmd + "\n";
    }
  }

  // Splits a script into comments, directives and complete statements.
  void run_script(const std::string &text, bool echo) {
    std::istringstream in(text);
    std::string line, pending;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (pending.empty()) {
        std::string trimmed = line.substr(0, line.find_last_not_of(" \t") + 1);
        if (trimmed.empty()) {
          if (echo) out += "\n";
          continue;
        }
        if (trimmed.rfind("--", 0) == 0) {
          if (echo) out += trimmed + "\n";
          continue;
        }
        if (trimmed[0] == '.') {
          directive(trimmed, echo);
          continue;
        }
      }
      pending += line + "\n";
      if (sqlite3_complete(pending.c_str())) {
        while (!pending.empty() && (pending.back() == '\n' || pending.back() == ' ')) pending.pop_back();
        run_statement(pending, echo);
        pending.clear();
      }
    }
    if (!pending.empty()) run_statement(pending, echo);
  }
};

} // namespace

int main(int argc, char **argv) {
  std::string ext, file;
  bool update = std::getenv("LEDE_UPDATE_GOLDEN") && std::strcmp(std::getenv("LEDE_UPDATE_GOLDEN"), "1") == 0;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--ext" && i + 1 < argc) ext = argv[++i];
    else if (a == "--update") update = true;
    else file = a;
  }
  if (ext.empty() || file.empty()) {
    std::fprintf(stderr, "usage: lede_sqltest --ext PATH [--update] FILE.sql\n");
    return 2;
  }
  bool ok = false;
  std::string script = slurp(file, ok);
  if (!ok) {
    std::fprintf(stderr, "lede_sqltest: cannot read %s\n", file.c_str());
    return 2;
  }
  Runner r;
  if (sqlite3_open(":memory:", &r.db) != SQLITE_OK) return 2;
  sqlite3_enable_load_extension(r.db, 1);
  const char *entry = script.rfind("-- lede-test: noread", 0) == 0 ? "sqlite3_lede_noread_init" : "sqlite3_lede_init";
  char *err = nullptr;
  if (sqlite3_load_extension(r.db, ext.c_str(), entry, &err) != SQLITE_OK) {
    std::fprintf(stderr, "lede_sqltest: cannot load %s: %s\n", ext.c_str(), err ? err : "?");
    return 2;
  }
  r.run_script(script, true);
  sqlite3_close(r.db);

  std::string expected_path = file.substr(0, file.size() - 4) + ".expected";
  if (update) {
    std::ofstream o(expected_path, std::ios::binary);
    o << r.out;
    std::printf("updated %s\n", expected_path.c_str());
    return 0;
  }
  bool have = false;
  std::string expected = slurp(expected_path, have);
  if (!have) {
    std::fprintf(stderr, "lede_sqltest: no %s; run with --update to create it\n", expected_path.c_str());
    std::fwrite(r.out.data(), 1, r.out.size(), stdout);
    return 1;
  }
  if (expected == r.out) return 0;
  // Report the first differing line with context.
  std::istringstream a(expected), b(r.out);
  std::string la, lb;
  int n = 0;
  while (true) {
    bool ga = static_cast<bool>(std::getline(a, la)), gb = static_cast<bool>(std::getline(b, lb));
    ++n;
    if (!ga && !gb) break;
    if (!ga || !gb || la != lb) {
      std::fprintf(stderr, "%s:%d: golden output differs\n  expected: %s\n  actual:   %s\n", expected_path.c_str(),
                   n, ga ? la.c_str() : "<end>", gb ? lb.c_str() : "<end>");
      break;
    }
  }
  std::string actual_path = expected_path + ".actual";
  std::ofstream o(actual_path, std::ios::binary);
  o << r.out;
  std::fprintf(stderr, "whole output in %s (LEDE_UPDATE_GOLDEN=1 to accept)\n", actual_path.c_str());
  return 1;
}
