#!/usr/bin/python3
"""run.py — ingest benchmark: lede against FTS5 on the same text, same run.

Goal (bench/ingest/README.md): lede's ingest (parse, sentences, store,
index) takes at most 1.5x the time of an FTS5 table indexing the same raw
text, and peak RSS stays flat as the corpus grows.

One process, one fresh database file per contender in a temporary
directory, the same articles in the same order, one transaction per
--batch articles. Contenders (--contenders, in this order by default):

  null         SELECT length(?2) per article: the driver's own cost
               (JSON decoding is outside the timer; this is Python's
               execute + bind). Subtract it mentally from every row.
  fts5         CREATE VIRTUAL TABLE f USING fts5(source, raw)
  fts5-porter  the same with lede's tokenizer
               (tokenize='porter unicode61 remove_diacritics 2')
  lede-lean    CREATE VIRTUAL TABLE articles USING lede(quotes=off,
               entities=off): parse, sentences, store, index (the
               foundation issue's scope, target 1.5x fts5)
  lede         CREATE VIRTUAL TABLE articles USING lede; (everything;
               target 2x fts5 with quotes and entities)
  lede-noquotes  lede(quotes=off), on request: what quotes add to ingest
               INSERT INTO articles(source, raw) VALUES (?, ?)
  lede-store   a diagnostic, run right after lede in each round: the same
               shadow-table writes replayed in plain SQL from lede's
               database (INSERT ... SELECT per batch into the same schema:
               articles_doc, articles_sentence, articles_quote, articles_entity, then the FTS5 index over
               the body). What storing and indexing lede's output
               costs SQLite without any analysis; the table's notes split
               it into doc / sentence / fts / commit.

Only the SQLite calls (execute, BEGIN, COMMIT) are timed; reading and
decoding the input is not. Memory: before each contender VmHWM is reset
(/proc/self/clear_refs, '5'), and VmRSS / VmHWM are read when 25, 50, 75
and 100 % of the input bytes have been inserted; flat means the 25 % and
100 % figures are close. Every contender runs --repeat times (order
rotated each round); the table gives the best and median time.

Usage (from the repository root, after building build/lede.so):
  /usr/bin/python3 bench/ingest/run.py --mb 100
  /usr/bin/python3 bench/ingest/run.py --polnear ../shared/dev-data/polnear
  /usr/bin/python3 bench/ingest/run.py --input /tmp/in.jsonl --contenders fts5,lede
  /usr/bin/python3 bench/ingest/run.py --mb 2 --results bench/ingest/results.md

--results appends a Markdown block (machine, commit, table) to a file.
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
import generate  # noqa: E402

CONTENDERS = {
    "null": (None, "SELECT length(?2)"),
    "fts5": ("CREATE VIRTUAL TABLE f USING fts5(source, raw)",
             "INSERT INTO f(source, raw) VALUES (?1, ?2)"),
    "fts5-porter": ("CREATE VIRTUAL TABLE f USING fts5(source, raw,"
                    " tokenize='porter unicode61 remove_diacritics 2')",
                    "INSERT INTO f(source, raw) VALUES (?1, ?2)"),
    "lede": ("CREATE VIRTUAL TABLE articles USING lede",
             "INSERT INTO articles(source, raw) VALUES (?1, ?2)"),
    # The foundation's scope: parse, sentences, store, index; no quotes or
    # entities (a search-only corpus).
    "lede-lean": ("CREATE VIRTUAL TABLE articles USING lede(quotes=off, entities=off)",
                  "INSERT INTO articles(source, raw) VALUES (?1, ?2)"),
    # Everything but quotes: lede / lede-noquotes is what quotes cost
    # (issue: at most +25 %). Not in the default list.
    "lede-noquotes": ("CREATE VIRTUAL TABLE articles USING lede(quotes=off)",
                      "INSERT INTO articles(source, raw) VALUES (?1, ?2)"),
}
CHECKPOINTS = (25, 50, 75, 100)
# lede-store recreates the shadow FTS table as storage.cpp declares it.
LEDE_FTS = ("CREATE VIRTUAL TABLE articles_fts USING fts5(body, content='articles_doc',"
            " content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')")


def proc_status():
    """(VmRSS, VmHWM) of this process in MB."""
    out = {}
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(("VmRSS:", "VmHWM:")):
                k, v = line.split(":")
                out[k] = int(v.split()[0]) / 1024
    return out.get("VmRSS", 0.0), out.get("VmHWM", 0.0)


def reset_hwm():
    """Resets VmHWM to the current RSS (Linux >= 4.0); False if refused."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


def db_bytes(path):
    return sum(os.path.getsize(p) for p in (path, path + "-journal", path + "-wal")
               if os.path.exists(p))


def run_one(name, input_path, total_bytes, tmp, lede_so, batch):
    """Ingests input_path into a fresh database with contender `name`.
    Returns a dict of figures."""
    create, insert = CONTENDERS[name]
    db_path = os.path.join(tmp, f"{name}.db")
    for p in (db_path, db_path + "-journal", db_path + "-wal"):
        if os.path.exists(p):
            os.remove(p)
    con = sqlite3.connect(db_path, isolation_level=None)
    if name.startswith("lede"):
        con.enable_load_extension(True)
        con.load_extension(lede_so)
        con.enable_load_extension(False)
    if create:
        con.execute(create)
    hwm_reset = reset_hwm()
    rss0, _ = proc_status()
    marks = [total_bytes * c / 100 for c in CHECKPOINTS]
    mem = []
    done_bytes = n = 0
    elapsed = 0.0
    clock = time.perf_counter
    execute = con.execute
    with open(input_path, encoding="utf-8") as fh:
        t = clock()
        execute("BEGIN")
        elapsed += clock() - t
        for line in fh:
            row = json.loads(line)
            source, raw = row["source"], row["raw"]
            t = clock()
            execute(insert, (source, raw))
            n += 1
            if n % batch == 0:
                execute("COMMIT")
                execute("BEGIN")
            elapsed += clock() - t
            done_bytes += len(raw.encode("utf-8"))
            while len(mem) < len(marks) - 1 and done_bytes >= marks[len(mem)]:
                mem.append(proc_status())
        t = clock()
        execute("COMMIT")
        elapsed += clock() - t
    mem.append(proc_status())
    extra = {}
    if name == "lede":
        extra["sentences"] = con.execute("SELECT count(*) FROM articles_sentence").fetchone()[0]
    con.close()
    return {"name": name, "articles": n, "bytes": done_bytes, "seconds": elapsed,
            "db_bytes": db_bytes(db_path) if create else 0, "rss0": rss0, "mem": mem,
            "hwm_reset": hwm_reset, **extra}


def run_store(tmp, total_bytes, batch):
    """lede-store: replays the rows of tmp/lede.db into a fresh database
    with the same shadow schema, `batch` articles per transaction."""
    src = os.path.join(tmp, "lede.db")
    db_path = os.path.join(tmp, "lede-store.db")
    for p in (db_path, db_path + "-journal"):
        if os.path.exists(p):
            os.remove(p)
    con = sqlite3.connect(db_path, isolation_level=None)
    con.execute("ATTACH ? AS src", (src,))
    for (sql,) in con.execute("SELECT sql FROM src.sqlite_master WHERE sql IS NOT NULL AND"
                              " type IN ('table', 'index') AND name GLOB 'articles_*' AND"
                              " name NOT GLOB 'articles_fts*' ORDER BY rowid").fetchall():
        con.execute(sql)
    con.execute(LEDE_FTS)
    max_id = con.execute("SELECT max(id) FROM src.articles_doc").fetchone()[0] or 0
    steps = {
        "doc": "INSERT INTO articles_doc SELECT * FROM src.articles_doc WHERE id BETWEEN ?1 AND ?2",
        "sentence": "INSERT INTO articles_sentence SELECT * FROM src.articles_sentence"
                    " WHERE article_id BETWEEN ?1 AND ?2",
        "quote": "INSERT INTO articles_quote SELECT * FROM src.articles_quote"
                 " WHERE article_id BETWEEN ?1 AND ?2",
        "entity": "INSERT INTO articles_entity SELECT * FROM src.articles_entity"
                  " WHERE article_id BETWEEN ?1 AND ?2",
        "fts": "INSERT INTO articles_fts(rowid, body) SELECT id, body FROM articles_doc"
               " WHERE id BETWEEN ?1 AND ?2 ORDER BY id",
    }
    parts = dict.fromkeys(list(steps) + ["commit"], 0.0)
    hwm_reset = reset_hwm()
    rss0, _ = proc_status()
    clock = time.perf_counter
    mem, marks = [], [max_id * c / 100 for c in CHECKPOINTS]
    for lo in range(1, max_id + 1, batch):
        hi = lo + batch - 1
        con.execute("BEGIN")
        for key, sql in steps.items():
            t = clock()
            con.execute(sql, (lo, hi))
            parts[key] += clock() - t
        t = clock()
        con.execute("COMMIT")
        parts["commit"] += clock() - t
        while len(mem) < len(marks) - 1 and min(hi, max_id) >= marks[len(mem)]:
            mem.append(proc_status())
    mem.append(proc_status())
    n = con.execute("SELECT count(*) FROM articles_doc").fetchone()[0]
    con.close()
    return {"name": "lede-store", "articles": n, "bytes": total_bytes, "seconds": sum(parts.values()),
            "db_bytes": db_bytes(db_path), "rss0": rss0, "mem": mem, "hwm_reset": hwm_reset,
            "parts": parts}


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def machine():
    cpu = sh("lscpu | sed -n 's/^Model name: *//p' | head -1") or platform.processor()
    mem_kb = int(sh("sed -n 's/^MemTotal: *\\([0-9]*\\).*/\\1/p' /proc/meminfo") or 0)
    osname = sh(". /etc/os-release && echo $PRETTY_NAME") or platform.platform()
    gxx = sh("g++ --version | head -1")
    commit = sh(f"git -C {ROOT} rev-parse --short=12 HEAD")
    dirty = sh(f"git -C {ROOT} status --porcelain -- ext CMakeLists.txt bench")
    return {
        "cpu": cpu, "cores": os.cpu_count(), "ram_gb": round(mem_kb / 1024 / 1024, 1),
        "os": osname, "kernel": platform.release(), "gxx": gxx,
        "sqlite": sqlite3.sqlite_version, "python": platform.python_version(),
        "commit": commit + ("+dirty" if dirty else ""),
        "load": os.getloadavg()[0],
    }


def fmt_table(results, base):
    """Markdown table: one row per contender (best of repeats)."""
    head = ("| contender | articles | MB | best s | median s | MB/s | x fts5 | DB MB |"
            " RSS MB at 25/50/75/100 % | peak (HWM) MB |")
    lines = [head, "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|"]
    base_t = min(r["seconds"] for r in results[base]) if base in results else None
    for name, runs in results.items():
        best = min(runs, key=lambda r: r["seconds"])
        med = statistics.median(r["seconds"] for r in runs)
        mb = best["bytes"] / 1e6
        ratio = f"{best['seconds'] / base_t:.2f}" if base_t and name != "null" else "-"
        rss = "/".join(f"{m[0]:.0f}" for m in best["mem"])
        peak = max(m[1] for m in best["mem"])
        dbmb = f"{best['db_bytes'] / 1e6:.0f}" if best["db_bytes"] else "-"
        lines.append(f"| {name} | {best['articles']} | {mb:.1f} | {best['seconds']:.2f} | {med:.2f} |"
                     f" {mb / best['seconds']:.2f} | {ratio} | {dbmb} | {rss} | {peak:.0f} |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    src = ap.add_mutually_exclusive_group()
    src.add_argument("--input", metavar="FILE", help="JSONL from generate.py ({source, raw} per line)")
    src.add_argument("--polnear", metavar="PATH", help="real texts under PATH (see generate.py)")
    ap.add_argument("--mb", type=float, help="synthetic size (default 100), or cycle polnear to this size")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch", type=int, default=1000, help="articles per transaction (default 1000)")
    ap.add_argument("--contenders", default="null,fts5,fts5-porter,lede-lean,lede,lede-store")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--lede", default=os.path.join(ROOT, "build", "lede.so"))
    ap.add_argument("--tmp", help="directory for the databases (default: a new one under $TMPDIR)")
    ap.add_argument("--keep", action="store_true", help="keep the databases and input")
    ap.add_argument("--results", metavar="FILE", help="append a Markdown block to FILE")
    ap.add_argument("--label", default="", help="a note for the results block")
    a = ap.parse_args()

    names = [c.strip() for c in a.contenders.split(",") if c.strip()]
    for c in names:
        if c not in CONTENDERS and c != "lede-store":
            sys.exit(f"run.py: unknown contender '{c}' (known: {', '.join(CONTENDERS)})")
    if "lede-store" in names and "lede" not in names:
        sys.exit("run.py: lede-store replays lede's database: add lede to --contenders")
    if "lede" in names and not os.path.exists(a.lede):
        sys.exit(f"run.py: {a.lede} not found; build it first (cmake -S . -B build &&"
                 " make -C build -j2 lede) or pass --lede")
    if a.polnear and not generate.polnear_files(a.polnear):
        print(f"run.py: no texts under {a.polnear}; skipping", file=sys.stderr)
        return 0

    tmp = a.tmp or tempfile.mkdtemp(prefix="lede-bench-ingest-")
    os.makedirs(tmp, exist_ok=True)
    try:
        if a.input:
            input_path, what = a.input, f"input {a.input}"
        else:
            input_path = os.path.join(tmp, "input.jsonl")
            if a.polnear:
                items, what = generate.polnear(a.polnear, a.mb), f"polnear texts ({a.polnear})"
                if a.mb:
                    what += f", cycled to {a.mb:g} MB"
            else:
                mb = a.mb if a.mb is not None else 100.0
                items, what = generate.synthetic(mb, a.seed), f"synthetic, seed {a.seed}"
            t = time.perf_counter()
            with open(input_path, "w", encoding="utf-8") as fh:
                for source, raw in items:
                    fh.write(json.dumps({"source": source, "raw": raw}, ensure_ascii=False) + "\n")
            print(f"# input written in {time.perf_counter() - t:.1f} s: {input_path}", file=sys.stderr)
        total = n_articles = 0
        with open(input_path, encoding="utf-8") as fh:
            for line in fh:
                total += len(json.loads(line)["raw"].encode("utf-8"))
                n_articles += 1
        print(f"# {what}: {n_articles} articles, {total / 1e6:.2f} MB; batch {a.batch};"
              f" contenders {', '.join(names)} x{a.repeat}", file=sys.stderr)

        results = {n: [] for n in names}
        rotated = [n for n in names if n != "lede-store"]
        for rnd in range(a.repeat):
            order = rotated[rnd % len(rotated):] + rotated[:rnd % len(rotated)]
            if "lede-store" in names:
                order.insert(order.index("lede") + 1, "lede-store")
            for name in order:
                if name == "lede-store":
                    r = run_store(tmp, total, a.batch)
                else:
                    r = run_one(name, input_path, total, tmp, a.lede, a.batch)
                results[name].append(r)
                print(f"#   round {rnd + 1} {name}: {r['seconds']:.2f} s,"
                      f" {r['bytes'] / 1e6 / r['seconds']:.2f} MB/s", file=sys.stderr)
                if not a.keep and not (name == "lede" and "lede-store" in names):
                    drop = [name] + (["lede"] if name == "lede-store" else [])
                    for d in drop:
                        for p in (f"{d}.db", f"{d}.db-journal", f"{d}.db-wal"):
                            if os.path.exists(os.path.join(tmp, p)):
                                os.remove(os.path.join(tmp, p))
    finally:
        if not a.keep and not a.tmp:
            shutil.rmtree(tmp, ignore_errors=True)

    m = machine()
    base = "fts5" if "fts5" in results else None
    table = fmt_table(results, base)
    notes = []
    if "null" in results:
        nb = min(r["seconds"] for r in results["null"])
        per_row = nb / max(1, results["null"][0]["articles"]) * 1e6
        notes.append(f"driver overhead (null): {per_row:.1f} us per article")
        if base:
            bt = min(r["seconds"] for r in results[base])
            notes.append(f"= {100 * nb / bt:.1f} % of fts5 time")
            if "lede" in results:
                lt = min(r["seconds"] for r in results["lede"])
                notes.append(f"lede / fts5 net of the driver: {(lt - nb) / (bt - nb):.2f}")
    if "lede-store" in results:
        best = min(results["lede-store"], key=lambda r: r["seconds"])
        notes.append("lede-store split: " + ", ".join(f"{k} {v:.2f} s" for k, v in best["parts"].items()))
    if "lede" in results and "sentences" in results["lede"][0]:
        notes.append(f"lede sentences indexed: {results['lede'][0]['sentences']}")
    if not all(r["hwm_reset"] for runs in results.values() for r in runs):
        notes.append("VmHWM could not be reset: peaks include earlier contenders")
    date = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    header = (f"{date}, commit {m['commit']}, {what}, {n_articles} articles, {total / 1e6:.1f} MB,"
              f" batch {a.batch}, repeat {a.repeat}\n"
              f"{m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM, {m['os']} ({m['kernel']}),"
              f" {m['gxx']}, SQLite {m['sqlite']}, Python {m['python']}, load avg at end {m['load']:.2f}")
    out = header + "\n\n" + table + "\n\n" + "; ".join(notes) + "\n"
    print(out)
    if a.results:
        with open(a.results, "a", encoding="utf-8") as fh:
            fh.write(f"\n### {a.label or 'run'}\n\n{out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
