#!/usr/bin/python3
"""generate.py — input for the ingest benchmark (bench/ingest/).

Two sources of articles, one output format:

  synthetic (default): a seeded generator that composes news pages from the
      project's own samples/*.txt. It cuts the samples into pools (body
      paragraphs, sentences, quote paragraphs, headlines, subheads, page
      furniture, byline names, sections) and builds each article from a
      random header layout (date banner, section label, headline, date line
      in one of several formats, byline variants including an empty
      'Written by'), a body of whole and re-composed paragraphs with
      subheads, 'Key Takeaways' boxes and newsletter prompts, and a trailing
      'Recent News' list. Every article differs from every other; all of it
      stays in the genre lede parses. The same seed and size give the same
      bytes.

  --polnear PATH: the real articles in PATH/*/text/*.txt (or PATH/*.txt),
      read in sorted order, never copied anywhere but the output you name.
      With --mb the set is cycled until the size is reached (source names
      get a '#<pass>' suffix so they stay unique); without it each file is
      used once. PATH missing: a message and exit status 0 with no output
      (callers skip).

Output (one of):
  --jsonl FILE   one {"source": ..., "raw": ...} object per line ('-': stdout)
  --out DIR      one .txt file per article

Usage:
  /usr/bin/python3 bench/ingest/generate.py --mb 100 --jsonl /tmp/in.jsonl
  /usr/bin/python3 bench/ingest/generate.py --mb 2 --out /tmp/articles --seed 7
  /usr/bin/python3 bench/ingest/generate.py --polnear ../shared/dev-data/polnear --jsonl /tmp/p.jsonl

Size is counted in UTF-8 bytes of `raw` (1 MB = 10^6 bytes); the last
article crosses the limit.
"""

import argparse
import glob
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.normpath(os.path.join(HERE, "..", "..", "samples"))

BULLET = re.compile(r"^(?:[-•*]|\d+\.)\s")
FURNITURE = re.compile(r"newsletter|inbox|our series|Subscribe|Sign up", re.I)
QUOTE_CHARS = "\"“”‘’«»'"
# No sentence break after these (the samples use all of them before a
# capitalised word).
ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep|St|Gen|Prof|Inc|Ltd|Co|Corp|No|Jan|Feb|Mar|Apr|Jun|Jul|"
    r"Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|a\.m|p\.m|e\.g|i\.e|vs|[A-Z])\.)$")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# Invented names added to the byline pool taken from samples/expected.tsv.
EXTRA_FIRST = ["Aisha", "Bram", "Corinne", "Dmitri", "Elif", "Fergus", "Gulnara", "Hugo", "Ifeoma",
               "Jonas", "Keiko", "Lorcan", "Mireille", "Nikhil", "Odile", "Pavel", "Rania", "Soren",
               "Thandiwe", "Ulrike", "Viktor", "Wanjiru", "Xavier", "Yusuf", "Zofia"]
EXTRA_LAST = ["Abernethy", "Baptiste", "Castellanos", "Drummond", "Eriksen", "Fairweather",
              "Grünewald", "Halloran", "Iwasaki", "Jovanović", "Kowalski", "Lindqvist", "Mbeki",
              "Nakamura", "Ó Briain", "Petrakis", "Quintero", "Rasmussen", "Szabo", "Tremblay",
              "Uzoma", "Valcourt", "Whitfield", "Yilmaz", "Zamora"]
EXTRA_SECTIONS = ["World", "Politics", "Technology", "Business", "Science", "Health", "Local",
                  "Markets", "Opinion", "Climate", "Education", "Tech | AI"]
ROLES = ["Staff Writer", "Business Correspondent", "Technology Reporter", "Political Editor",
         "Reuters", "Senior Correspondent", "Contributor"]


def split_sentences(par):
    """Sentences of a paragraph with no quotation marks (a rough splitter:
    good enough to recompose paragraphs; lede does the real splitting)."""
    out, start = [], 0
    for m in re.finditer(r"[.!?](?=\s+[A-Z0-9])", par):
        if ABBREV.search(par[start:m.end()]):
            continue
        out.append(par[start:m.end()].strip())
        start = m.end()
    tail = par[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if len(s.split()) >= 4]


class Pools:
    """What the samples offer, cut into pieces."""

    def __init__(self, samples_dir):
        files = sorted(glob.glob(os.path.join(samples_dir, "*.txt")))
        if not files:
            sys.exit(f"generate.py: no samples/*.txt under {samples_dir}")
        self.paragraphs, self.quote_paragraphs, self.sentences = [], [], []
        self.headlines, self.subheads, self.furniture, self.bullets = [], [], [], []
        self.first, self.last, self.sections = list(EXTRA_FIRST), list(EXTRA_LAST), list(EXTRA_SECTIONS)
        self._read_expected(os.path.join(samples_dir, "expected.tsv"))
        for f in files:
            with open(f, encoding="utf-8", newline="") as fh:
                text = fh.read().replace("\r\n", "\n")
            self._cut(text)
        for pool in (self.subheads, self.furniture, self.headlines):
            pool[:] = sorted(set(pool))

    def _read_expected(self, path):
        if not os.path.exists(path):
            return
        with open(path, encoding="utf-8") as fh:
            next(fh)
            for line in fh:
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 5:
                    continue
                _, title, _, byline, section = cols[:5]
                if title != "NULL":
                    self.headlines.append(title)
                if section != "NULL":
                    self.sections.append(section)
                if byline != "NULL":
                    for name in byline.split(", "):
                        parts = name.split()
                        if len(parts) >= 2:
                            self.first.append(parts[0])
                            self.last.append(" ".join(parts[1:]))

    def _cut(self, text):
        lines = [l.strip() for l in text.split("\n")]

        def is_body(l):
            return (len(l.split()) >= 12 and l[-1] in ".!?\"”’»:…" and not BULLET.match(l)
                    and not FURNITURE.search(l))

        body_idx = [i for i, l in enumerate(lines) if is_body(l)]
        if not body_idx:
            return
        first, last = body_idx[0], body_idx[-1]
        for i, l in enumerate(lines):
            if not l:
                continue
            words = len(l.split())
            if BULLET.match(l):
                self.bullets.append(l)
            elif is_body(l):
                if any(c in l for c in QUOTE_CHARS if c != "'") or l.count("'") >= 2:
                    self.quote_paragraphs.append(l)
                else:
                    self.paragraphs.append(l)
                    self.sentences.extend(split_sentences(l))
            elif first < i < last:
                if words <= 8 and not l.endswith("."):
                    self.subheads.append(l)
            elif i > last:
                m = re.match(r"(.+?)\s{2,}\S+ \S+ \d{4}$", l)
                if m:  # a related-story line: 'Headline  Jan 30, 2025'
                    self.headlines.append(m.group(1))
                elif words >= 2:
                    self.furniture.append(l)
            elif FURNITURE.search(l):
                self.furniture.append(l)


class Generator:
    """Seeded composer of synthetic articles: article(i) depends only on
    (seed, i), so a run can be cut at any size and stays reproducible."""

    def __init__(self, pools, seed=1):
        self.p = pools
        self.seed = seed

    def _date(self, r):
        y, mo, d = r.choice([2023, 2024, 2025]), r.randrange(12), r.randint(1, 28)
        wd = WEEKDAYS[r.randrange(7)]
        M = MONTHS[mo]
        forms = [
            f"{M} {d}, {y}",
            f"Published on {M} {d}, {y}",
            f"{M[:3]}. {d}, {y}" if mo != 4 else f"May {d}, {y}",
            f"{d:02d}/{mo + 1:02d}/{y}",
            f"{y}-{mo + 1:02d}-{d:02d}",
            f"{mo + 1}/{d}/{y}",
            f"{d:02d} {M} {y}",
            f"{wd}, {M} {d}, {y} {r.randint(1, 12)}:{r.randrange(60):02d} {r.choice(['AM', 'PM'])} ET",
            f"Published on {M} {d}, {y} | Updated: {M} {min(d + 1, 28)}, {y}",
        ]
        return r.choice(forms), f"Today : {M[:3]} {d:02d}, {y}"

    def _name(self, r):
        return f"{r.choice(self.p.first)} {r.choice(self.p.last)}"

    def _byline(self, r):
        k = r.random()
        if k < 0.1:
            return "Written by"
        if k < 0.15:
            return None
        names = [self._name(r) for _ in range(r.choice([1, 1, 1, 2, 2, 3]))]
        if len(names) == 1:
            who = names[0]
        elif len(names) == 2:
            who = f"{names[0]} {r.choice(['and', '&'])} {names[1]}"
        else:
            who = f"{', '.join(names[:-1])} and {names[-1]}"
        prefix = r.choice(["By ", "By ", "By ", "Written by ", "By\u00a0"])
        suffix = r.choice(["", "", "", f", {r.choice(ROLES)}", f" | {r.choice(ROLES)}"])
        return prefix + who + suffix

    def _headline(self, r):
        if r.random() < 0.4:
            return r.choice(self.p.headlines)
        words = r.choice(self.p.sentences).rstrip(".!?").split()
        return " ".join(words[: r.randint(7, 13)]).rstrip(",;:")

    def _paragraph(self, r):
        k = r.random()
        if k < 0.25:
            return r.choice(self.p.quote_paragraphs)
        if k < 0.5:
            return r.choice(self.p.paragraphs)
        return " ".join(r.choice(self.p.sentences) for _ in range(r.randint(2, 4)))

    def article(self, i):
        """(source, raw) of article i."""
        r = random.Random(f"{self.seed}:{i}")
        date_line, banner = self._date(r)
        head = []
        if r.random() < 0.25:
            head.append(banner)
        section = r.choice(self.p.sections) if r.random() < 0.6 else None
        if section and r.random() < 0.2:
            section = "Section: " + section
        title = self._headline(r)
        byline = self._byline(r)
        order = r.choice(["s t b d", "s t d b", "t s b d", "t b d", "t d b", "s t b"])
        for key in order.split():
            line = {"s": section, "t": title, "b": byline, "d": date_line}[key]
            if line:
                head.append(line)
        if r.random() < 0.3:
            head.append(r.choice([f for f in self.p.furniture if "newsletter" in f.lower()]
                                 or ["Sign up for our daily newsletter"]))
        body = []
        if r.random() < 0.15:
            body.append("Key Takeaways:\n" + "\n".join(
                "- " + r.choice(self.p.sentences) for _ in range(r.randint(2, 4))))
        n = r.randint(6, 28)
        for j in range(n):
            if j and j % 6 == 0 and r.random() < 0.5 and self.p.subheads:
                body.append(r.choice(self.p.subheads))
            body.append(self._paragraph(r))
            if r.random() < 0.03 and self.p.bullets:
                body.append("\n".join(r.sample(self.p.bullets, min(len(self.p.bullets), r.randint(2, 4)))))
        tail = []
        if r.random() < 0.5:
            tail.append(r.choice(self.p.furniture))
        if r.random() < 0.5:
            tail.append(r.choice(["Recent News", "Related Articles", "Read more:",
                                  f"More from {r.choice(EXTRA_SECTIONS).split(' |')[0]}"]))
            for _ in range(r.randint(2, 4)):
                _, d = self._date(r)
                tail.append(f"{r.choice(self.p.headlines)}  {d[len('Today : '):]}")
        sep = "\n" if r.random() < 0.1 else "\n\n"  # one line per paragraph, as some pages are
        head_sep = "\n" if r.random() < 0.3 else sep
        raw = head_sep.join(head) + sep + sep.join(body) + sep + "\n".join(tail) + "\n"
        if r.random() < 0.05:
            raw = raw.replace("\n", "\r\n")
        return f"gen/s{self.seed}/{i:07d}.txt", raw


def synthetic(mb, seed=1, samples_dir=SAMPLES):
    """Yields (source, raw) until `mb` MB of raw bytes."""
    gen = Generator(Pools(samples_dir), seed)
    limit, total, i = int(mb * 1e6), 0, 0
    while total < limit:
        source, raw = gen.article(i)
        total += len(raw.encode("utf-8"))
        i += 1
        yield source, raw


def polnear_files(path):
    files = sorted(glob.glob(os.path.join(path, "*", "text", "*.txt")))
    return files or sorted(glob.glob(os.path.join(path, "*.txt")))


def polnear(path, mb=None):
    """Yields (source, raw) of the real texts under `path`; cycles them
    until `mb` MB when given. Invalid UTF-8 is replaced (the files are
    clean; this only keeps the generator total)."""
    files = polnear_files(path)
    if not files:
        return
    limit, total, rounds = (int(mb * 1e6) if mb else None), 0, 0
    while True:
        for f in files:
            with open(f, "rb") as fh:
                raw = fh.read().decode("utf-8", "replace")
            name = os.path.relpath(f, path)
            yield (name if rounds == 0 else f"{name}#{rounds}"), raw
            total += len(raw.encode("utf-8"))
            if limit is not None and total >= limit:
                return
        rounds += 1
        if limit is None:
            return


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, help="size in MB of raw text (synthetic: default 1)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--samples", default=SAMPLES, help="samples directory (default: the repo's)")
    ap.add_argument("--polnear", metavar="PATH", help="use the real texts under PATH instead")
    out = ap.add_mutually_exclusive_group(required=True)
    out.add_argument("--jsonl", metavar="FILE")
    out.add_argument("--out", metavar="DIR")
    a = ap.parse_args()
    if a.polnear:
        if not polnear_files(a.polnear):
            print(f"generate.py: no texts under {a.polnear}; skipping", file=sys.stderr)
            return 0
        items = polnear(a.polnear, a.mb)
    else:
        items = synthetic(a.mb if a.mb is not None else 1.0, a.seed, a.samples)
    n = size = 0
    if a.jsonl:
        fh = sys.stdout if a.jsonl == "-" else open(a.jsonl, "w", encoding="utf-8")
        for source, raw in items:
            fh.write(json.dumps({"source": source, "raw": raw}, ensure_ascii=False) + "\n")
            n, size = n + 1, size + len(raw.encode("utf-8"))
        if fh is not sys.stdout:
            fh.close()
    else:
        os.makedirs(a.out, exist_ok=True)
        for source, raw in items:
            name = re.sub(r"[^A-Za-z0-9._-]+", "_", source)
            with open(os.path.join(a.out, name), "w", encoding="utf-8", newline="") as fh:
                fh.write(raw)
            n, size = n + 1, size + len(raw.encode("utf-8"))
    print(f"generate.py: {n} articles, {size / 1e6:.2f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
