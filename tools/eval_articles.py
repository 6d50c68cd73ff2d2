#!/usr/bin/python3
"""eval_articles.py — how well `articles` parses real news text.

    /usr/bin/python3 tools/eval_articles.py [--split dev|train] [--ext build/lede]
                                            [--data ../shared/dev-data/polnear]

Loads every PolNeAR article of the split into a corpus and compares the
parsed title with metadata.tsv's title (exact match after trimming a final
period and folding curly quotes), and counts the published dates and
bylines found (PolNeAR's text files carry neither, so any is a false
positive). Exits 0 with a message when the data is absent.
"""
import argparse, csv, os, sqlite3, sys


def fold(s):
    if s is None:
        return None
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"')):
        s = s.replace(a, b)
    s = s.strip()
    while s and s[-1] in ".'\"":
        s = s[:-1].rstrip()
    return s


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev")
    ap.add_argument("--ext", default="build/lede")
    ap.add_argument("--data", default="../shared/dev-data/polnear")
    ap.add_argument("--show", type=int, default=5, help="mismatches to print")
    a = ap.parse_args()
    meta = os.path.join(a.data, "metadata.tsv")
    if not os.path.exists(meta):
        print(f"eval_articles: no data at {a.data}; skipped")
        return 0
    con = sqlite3.connect(":memory:")
    con.enable_load_extension(True)
    con.load_extension(a.ext)
    con.execute("CREATE VIRTUAL TABLE articles USING lede")
    gold = {}
    with open(meta, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if r["compartment"] == a.split:
                gold[r["filename"]] = r
    n = ok = dates = bylines = 0
    shown = 0
    for name, r in sorted(gold.items()):
        path = os.path.join(a.data, a.split, "text", name + ".txt")
        if not os.path.exists(path):
            continue
        con.execute("INSERT INTO articles(path) VALUES (?)", (path,))
        title, pub, by = con.execute(
            "SELECT title, published, byline FROM articles WHERE source = ?", (path,)).fetchone()
        n += 1
        if fold(title) == fold(r["title"]):
            ok += 1
        elif shown < a.show:
            shown += 1
            print(f"  {name}: title {title!r} (gold {r['title']!r})")
        dates += pub is not None
        bylines += by is not None
    print(f"polnear/{a.split}: {n} articles; title exact {ok}/{n} = {ok / max(n, 1):.3f}; "
          f"false published {dates}; false byline {bylines}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
