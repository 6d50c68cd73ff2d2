#!/usr/bin/python3
"""smoke.py — lede from Debian's /usr/bin/python3 and its stdlib sqlite3.

    /usr/bin/python3 tests/python/smoke.py build/lede

What a Python user does: load the extension, make a corpus from a file and
from a string, read every table back, and get named errors. Exit status 0
when every check holds; each failed check is printed.
"""
import sqlite3
import sys

failures = []
passed = [0]


def check(cond, what):
    if cond:
        passed[0] += 1
    else:
        failures.append(what)
        print("FAIL:", what)


def main(ext):
    con = sqlite3.connect(":memory:")
    con.enable_load_extension(True)
    con.load_extension(ext)
    con.enable_load_extension(False)

    check(con.execute("SELECT lede_version()").fetchone()[0] == open("VERSION").read().strip(),
          "lede_version() is the VERSION file")
    dbg = con.execute("SELECT lede_debug()").fetchone()[0]
    check("sqlite: " + sqlite3.sqlite_version in dbg, "lede_debug() names the SQLite version")

    con.execute("CREATE VIRTUAL TABLE articles USING lede")
    con.execute("INSERT INTO articles(path) VALUES ('samples/eu-ai-fine.txt')")
    raw = "Budget Vote Delayed\n\nBy Ana Diaz\n\n\u201cWe need more time,\u201d said Mayor Lee Park. It costs $7.5 billion."
    con.execute("INSERT INTO articles(source, raw) VALUES (?, ?)", ("inline", raw))
    rows = con.execute("SELECT id, source, title, byline, words FROM articles ORDER BY id").fetchall()
    check(len(rows) == 2, "two articles stored")
    check(rows[1][2:4] == ("Budget Vote Delayed", "Ana Diaz"), f"title and byline parsed: {rows[1]}")
    check(con.execute("SELECT raw FROM articles WHERE id = 2").fetchone()[0] == raw, "raw is byte-exact")

    body = con.execute("SELECT body FROM articles WHERE id = 2").fetchone()[0]
    for idx, text, start, end in con.execute(
            "SELECT idx, text, start, \"end\" FROM sentences WHERE article_id = 2"):
        check(body[start:end] == text, f"sentence {idx} offsets are code points into body")

    n = con.execute("SELECT count(*) FROM sentences('One. Two. Three.')").fetchone()[0]
    check(n == 3, "sentences('text') splits the given text")
    for table in ("quotes", "entity_mentions"):
        cols = [d[0] for d in con.execute(f"SELECT * FROM {table} LIMIT 0").description]
        check(cols[0] == "article_id", f"{table} has article_id first: {cols}")
        con.execute(f"SELECT * FROM {table}('\u201cIt works,\u201d she said.')").fetchall()

    try:
        con.execute("INSERT INTO articles(source, raw) VALUES ('inline', 'again')")
        check(False, "a duplicate source is an error")
    except sqlite3.Error as e:
        check("articles: source 'inline'" in str(e), f"duplicate error names the source: {e}")
    try:
        con.execute("INSERT INTO articles(path) VALUES ('no/such/file.txt')")
        check(False, "a missing file is an error")
    except sqlite3.Error as e:
        check("no/such/file.txt" in str(e), f"missing file error names the path: {e}")

    # The noread entry point registers everything but file reading.
    con2 = sqlite3.connect(":memory:")
    con2.enable_load_extension(True)
    con2.execute("SELECT load_extension(?, 'sqlite3_lede_noread_init')", (ext,))
    con2.execute("CREATE VIRTUAL TABLE articles USING lede")
    con2.execute("INSERT INTO articles(source, raw) VALUES ('a', 'Text. More.')")
    try:
        con2.execute("INSERT INTO articles(path) VALUES ('samples/eu-ai-fine.txt')")
        check(False, "noread refuses path")
    except sqlite3.Error as e:
        check("reading files is disabled" in str(e), f"noread error says why: {e}")
    # Without file reading, views over the corpus are allowed.
    con2.execute("CREATE VIEW v AS SELECT title FROM articles")
    check(con2.execute("SELECT count(*) FROM v").fetchone()[0] == 1, "views work with noread")

    # A corpus made by lede 0.1 (schema version 1, before the family-name
    # tables) gains them when opened, filled from its stored names.
    import os
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "old.db")
        c = sqlite3.connect(path)
        c.enable_load_extension(True)
        c.load_extension(ext)
        c.execute("CREATE VIRTUAL TABLE news USING lede")
        c.execute("INSERT INTO news(source, raw) VALUES ('a', 'Harbor Board Picks Chair\n\n"
                  "The harbor board elected Ingrid Whitcombe as its chair on Monday.')")
        c.commit()
        c.close()
        plain = sqlite3.connect(path)  # no extension: the shadow tables are ordinary tables
        plain.executescript("DROP TABLE news_fullname; DROP TABLE news_surname; DROP TABLE news_givenname; DROP TABLE news_lone;"
                            "UPDATE news_config SET value = 1 WHERE key = 'version';")
        plain.commit()
        plain.close()
        # Read-only, it is read as it is (no upgrade can be written).
        ro = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        ro.enable_load_extension(True)
        ro.load_extension(ext)
        check(ro.execute("SELECT count(*) FROM news").fetchone()[0] == 1, "a version 1 corpus reads read-only")
        check(ro.execute("SELECT value FROM news_config WHERE key = 'version'").fetchone()[0] == 1,
              "read-only, the version 1 corpus stays as it is")
        ro.close()
        c = sqlite3.connect(path)
        c.enable_load_extension(True)
        c.load_extension(ext)
        c.execute("INSERT INTO news(source, raw) VALUES ('b', 'Permits\n\n"
                  "The backlog of harbor permits fell by a third, said Whitcombe, who chairs the board.')")
        check(c.execute("SELECT value FROM news_config WHERE key = 'version'").fetchone()[0] == 2,
              "a version 1 corpus is upgraded to version 2")
        check(c.execute("SELECT entity, articles FROM news_surname").fetchall() == [("Ingrid Whitcombe", 1)],
              "the upgrade counts the stored full names")
        got = c.execute("SELECT entity FROM entity_mentions WHERE corpus = 'news' AND article_id = 2"
                        " AND type = 'PERSON'").fetchall()
        check(got == [("Ingrid Whitcombe",)], f"after the upgrade a lone family name takes the full name: {got}")
        c.close()

    print(f"smoke: {passed[0]} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "build/lede"))
