#!/usr/bin/python3
"""store_variants.py — what other shadow-table layouts would cost.

A diagnostic for the lead, not part of the benchmark table: replays the
rows of a lede database (articles_doc, articles_sentence) into fresh
databases with variants of the storage layout, in transactions of 1000
articles, and prints time and size per variant. Run it under callgrind
(see README.md) for stable instruction counts: each variant closes its
connection, so --dump-after=sqlite3_close_v2 gives one part per variant.

Variants:
  base         the layout storage.cpp creates today: doc, sentence with
               UNIQUE(article_id, idx), FTS5 external content on sentences
  columnsize0  base with FTS5 columnsize=0 (no per-sentence docsize row)
  no_unique    base without the UNIQUE(article_id, idx) index on sentences
               (e.g. a sentence id that encodes article and index)
  fts_only     only the FTS5 index, one row per sentence (contentless)
  fts_per_doc  only the FTS5 index, one row per article body (contentless)

Usage:
  /usr/bin/python3 bench/ingest/run.py --mb 1 --contenders lede --tmp /tmp/sv --keep
  /usr/bin/python3 bench/ingest/store_variants.py /tmp/sv/lede.db base columnsize0 no_unique
"""

import os
import sqlite3
import sys
import time

TOKENIZE = "porter unicode61 remove_diacritics 2"
DOC = ("CREATE TABLE doc(id INTEGER PRIMARY KEY, source TEXT NOT NULL UNIQUE, title TEXT,"
       " published TEXT, byline TEXT, section TEXT, body TEXT NOT NULL, words INTEGER NOT NULL, raw)")
SENT = ("CREATE TABLE sent(id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL, idx INTEGER NOT NULL,"
        " text TEXT NOT NULL, start INTEGER NOT NULL, \"end\" INTEGER NOT NULL, UNIQUE(article_id, idx))")
FTS = f"CREATE VIRTUAL TABLE fts USING fts5(text, content='sent', content_rowid='id', tokenize='{TOKENIZE}')"
CONTENTLESS = f"CREATE VIRTUAL TABLE fts USING fts5(text, content='', tokenize='{TOKENIZE}')"
FILL = [
    "INSERT INTO doc SELECT * FROM src.articles_doc WHERE id BETWEEN ?1 AND ?2",
    "INSERT INTO sent SELECT * FROM src.articles_sentence WHERE article_id BETWEEN ?1 AND ?2",
    "INSERT INTO fts(rowid, text) SELECT id, text FROM sent WHERE article_id BETWEEN ?1 AND ?2 ORDER BY id",
]
VARIANTS = {
    "base": ([DOC, SENT, FTS], FILL),
    "columnsize0": ([DOC, SENT, FTS[:-1] + ", columnsize=0)"], FILL),
    "no_unique": ([DOC, SENT.replace(", UNIQUE(article_id, idx)", ""), FTS], FILL),
    "fts_only": ([CONTENTLESS], ["INSERT INTO fts(rowid, text) SELECT id, text FROM src.articles_sentence"
                                 " WHERE article_id BETWEEN ?1 AND ?2 ORDER BY id"]),
    "fts_per_doc": ([CONTENTLESS], ["INSERT INTO fts(rowid, text) SELECT id, body FROM src.articles_doc"
                                    " WHERE id BETWEEN ?1 AND ?2 ORDER BY id"]),
}


def run(src, name, batch=1000):
    schema, fill = VARIANTS[name]
    path = os.path.join(os.path.dirname(os.path.abspath(src)), f"variant-{name}.db")
    if os.path.exists(path):
        os.remove(path)
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("ATTACH ? AS src", (src,))
    for sql in schema:
        con.execute(sql)
    max_id = con.execute("SELECT max(id) FROM src.articles_doc").fetchone()[0] or 0
    t = time.perf_counter()
    for lo in range(1, max_id + 1, batch):
        con.execute("BEGIN")
        for sql in fill:
            con.execute(sql, (lo, lo + batch - 1))
        con.execute("COMMIT")
    secs = time.perf_counter() - t
    con.close()
    print(f"{name:12s} {secs:7.2f} s {os.path.getsize(path) / 1e6:8.1f} MB")
    os.remove(path)


def main():
    if len(sys.argv) < 2 or not os.path.exists(sys.argv[1]):
        sys.exit(__doc__)
    names = sys.argv[2:] or list(VARIANTS)
    for n in names:
        if n not in VARIANTS:
            sys.exit(f"store_variants.py: unknown variant '{n}' (known: {', '.join(VARIANTS)})")
    for n in names:
        run(sys.argv[1], n)


if __name__ == "__main__":
    main()
