#!/usr/bin/python3
"""eval_quotes.py — quality of `quotes(text)` against PolNeAR attributions.

Runs the real SQL function (build/lede loaded into Debian's python3 sqlite3)
on every article of a split and scores it against the BRAT annotations:

  gold direct quotes  attributions whose Content holds a double quotation mark
  recall              share of gold direct quotes overlapped by a predicted
                      quote span (start, end)
  precision           share of predicted quotes that overlap any gold Content
                      (direct or indirect: a quote inside reported speech is
                      right)
  speaker accuracy    among found gold quotes, share whose best-overlapping
                      prediction has speaker_start/end overlapping the gold
                      Source span (gold quotes without a Source are left out)

    /usr/bin/python3 tools/eval_quotes.py [POLNEAR] --split dev [--ext build/lede]
        [--errors N]   print N misses / wrong speakers / false positives

POLNEAR defaults to ../shared/dev-data/polnear; when it is absent the tool
says so and exits 0. Articles annotated twice are scored on one annotator
(the first in name order). Offsets are code points into the .txt file, which
is passed unchanged, so Python str offsets compare directly.
"""
import argparse
import os
import re
import sqlite3
import sys

QUOTE_MARK = re.compile('["\u201c\u201d\u00ab\u00bb\u201e\u201f]')


def read_ann(path):
    """Attributions of one .ann file: dicts of role -> list of (start, end)."""
    spans, texts, out = {}, {}, []
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for line in lines:
        if line.startswith("T") and line.count("\t") >= 1:
            tid, info, *text = line.split("\t")
            label, _, offs = info.partition(" ")
            parts = []
            for piece in offs.split(";"):
                a, b = piece.split()
                parts.append((int(a), int(b)))
            spans[tid] = (label, parts)
            texts[tid] = text[0] if text else ""
    for line in lines:
        if line.startswith("E") and "\t" in line:
            _, args = line.split("\t", 1)
            att = {"Source": [], "Cue": [], "Content": [], "content_text": ""}
            for arg in args.split():
                role, _, tid = arg.partition(":")
                if tid in spans and role in att:
                    att[role].extend(spans[tid][1])
                    if role == "Content":
                        att["content_text"] += texts[tid]
            out.append(att)
    return out


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def any_overlap(span, spans):
    return any(overlaps(span, s) for s in spans)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("polnear", nargs="?", default="../shared/dev-data/polnear")
    ap.add_argument("--split", default="dev", choices=["train", "dev"])
    ap.add_argument("--ext", default="build/lede")
    ap.add_argument("--errors", type=int, default=0)
    args = ap.parse_args()

    root = os.path.join(args.polnear, args.split)
    if not os.path.isdir(os.path.join(root, "text")):
        print(f"eval_quotes: no PolNeAR data at {args.polnear}; skipped")
        return 0
    conn = sqlite3.connect(":memory:")
    conn.enable_load_extension(True)
    conn.load_extension(args.ext)

    ann_dir = os.path.join(root, "attributions")
    by_article = {}
    for name in sorted(os.listdir(ann_dir)):
        if name.endswith(".ann"):
            art = name[: -len(".ann")].rsplit("_", 1)[0]
            by_article.setdefault(art, name)

    gold_n = found = spk_n = spk_ok = pred_n = pred_ok = 0
    misses, wrong, false_pos = [], [], []
    by_kind = {}
    for art, ann in sorted(by_article.items()):
        txt_path = os.path.join(root, "text", art + ".txt")
        if not os.path.exists(txt_path):
            continue
        with open(txt_path, encoding="utf-8", newline="") as f:
            text = f.read()
        gold = read_ann(os.path.join(ann_dir, ann))
        rows = conn.execute(
            "SELECT start, \"end\", speaker_start, speaker_end, quote, speaker_mention, kind, confidence, cue"
            " FROM quotes(?)", (text,)).fetchall()
        contents = [s for g in gold for s in g["Content"]]
        for r in rows:
            pred_n += 1
            if any_overlap((r[0], r[1]), contents):
                pred_ok += 1
            else:
                false_pos.append((art, r[4][:100]))
        for g in gold:
            if not g["Content"] or not QUOTE_MARK.search(g["content_text"]):
                continue
            gold_n += 1
            best, best_ov = None, 0
            for r in rows:
                ov = sum(max(0, min(r[1], b) - max(r[0], a)) for a, b in g["Content"])
                if ov > best_ov:
                    best, best_ov = r, ov
            if best is None:
                misses.append((art, g["content_text"][:100]))
                continue
            found += 1
            if not g["Source"]:
                continue
            spk_n += 1
            how = (best[6], "none" if best[2] is None else ("verb" if best[8] else "context"))
            by_kind.setdefault(how, [0, 0])[1] += 1
            if best[2] is not None and any_overlap((best[2], best[3]), g["Source"]):
                spk_ok += 1
                by_kind[how][0] += 1
            else:
                src = " / ".join(text[a:b] for a, b in g["Source"])
                ctx = text[max(0, best[0] - 90):best[0]] + "[[Q]]" + text[best[1]:best[1] + 90]
                wrong.append((art[:30], src, best[5], ctx.replace("\n", " / ")))

    def ratio(a, b):
        return a / b if b else 0.0

    print(f"split={args.split} articles={len(by_article)} gold_direct={gold_n} predicted={pred_n}")
    print(f"recall            {ratio(found, gold_n):.3f}  ({found}/{gold_n})")
    print(f"precision         {ratio(pred_ok, pred_n):.3f}  ({pred_ok}/{pred_n})")
    print(f"speaker accuracy  {ratio(spk_ok, spk_n):.3f}  ({spk_ok}/{spk_n} found quotes with a gold source)")
    for (kind, how), (ok, n) in sorted(by_kind.items()):
        print(f"  speaker right, {kind:7} {how:7} {ratio(ok, n):.3f}  ({ok}/{n})")
    if args.errors:
        for title, items in (("missed", misses), ("wrong speaker", wrong), ("false positive", false_pos)):
            print(f"\n-- {title} ({len(items)})")
            for it in items[: args.errors]:
                print("  " + " | ".join(str(x) for x in it))
    return 0


if __name__ == "__main__":
    sys.exit(main())
