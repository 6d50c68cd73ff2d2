#!/usr/bin/python3
"""doc_examples.py — run the examples in README.md and docs/*.md.

    /usr/bin/python3 tests/python/doc_examples.py build/lede [FILE.md ...]

In each Markdown file, every ```sql block runs, in order, in one sqlite3
shell session (the real `sqlite3` program users type into, in its default
list mode); a ```output block right after a ```sql block must equal what
that block printed, errors included. `.load ./build/lede` in a block loads
the extension under test. Exit status 0 when every output matches.
LEDE_UPDATE_GOLDEN=1 rewrites the output blocks instead, for review.
"""
import glob
import os
import re
import subprocess
import sys

FENCE = re.compile(r"^```(\w*)\s*$")
UPDATE = os.environ.get("LEDE_UPDATE_GOLDEN") == "1"


def blocks(path):
    """(kind, text, line) for each fenced block."""
    out, kind, buf, start = [], None, [], 0
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            m = FENCE.match(line.rstrip("\n"))
            if m and kind is None:
                kind, buf, start = m.group(1) or "text", [], n
            elif m and line.strip() == "```":
                out.append((kind, "".join(buf), start))
                kind = None
            elif kind is not None:
                buf.append(line)
    return out


def run_file(path, ext):
    bs = blocks(path)
    sql = [(i, b) for i, b in enumerate(bs) if b[0] == "sql"]
    if not sql:
        return 0, 0
    marker = "@@lede-doc-block-{}@@"
    script = []
    for i, (kind, text, line) in sql:
        script.append(f".print {marker.format(i)}\n")
        script.append(text.replace(".load ./build/lede", f".load {ext}"))
    script.append(f".print {marker.format('end')}\n")
    env = dict(os.environ)
    # stdbuf keeps stdout and stderr (errors) in the order a user sees them.
    p = subprocess.run(["stdbuf", "-o0", "-e0", "sqlite3", "-batch", ":memory:"], input="".join(script),
                       capture_output=False, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                       env=env, cwd=os.getcwd())
    outputs, cur, buf = {}, None, []
    for line in p.stdout.splitlines(keepends=True):
        m = re.match(r"^@@lede-doc-block-(\w+)@@$", line.strip())
        if m:
            if cur is not None:
                outputs[cur] = "".join(buf)
            cur, buf = m.group(1), []
        else:
            # The shell names the script line in batch mode; a user typing
            # sees 'Runtime error: ...', which is what docs show.
            buf.append(re.sub(r"^(Parse|Runtime) error near line \d+:", r"\1 error:", line))
    passed = failed = 0
    replace = {}  # line of an output block's fence -> new text
    for i, (kind, text, line) in sql:
        if i + 1 < len(bs) and bs[i + 1][0] == "output":
            want = bs[i + 1][1]
            got = outputs.get(str(i), "")
            if got == want:
                passed += 1
            elif UPDATE:
                replace[bs[i + 1][2]] = got
                passed += 1
            else:
                failed += 1
                print(f"{path}:{bs[i + 1][2]}: output differs from the example's")
                print("--- expected\n" + want + "--- actual\n" + got, end="")
    if replace:
        rewrite(path, replace)
        print(f"{path}: updated {len(replace)} output block(s); review with git diff")
    return passed, failed


def rewrite(path, replace):
    """Replaces the bodies of the output blocks opening at the given lines."""
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    out, n = [], 0
    while n < len(lines):
        out.append(lines[n])
        if n + 1 in replace:
            out.append(replace[n + 1])
            n += 1
            while lines[n].strip() != "```":
                n += 1
            out.append(lines[n])
        n += 1
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(out)


def main():
    ext = sys.argv[1] if len(sys.argv) > 1 else "build/lede"
    files = sys.argv[2:] or ["README.md"] + sorted(glob.glob("docs/*.md"))
    total_p = total_f = 0
    for f in files:
        p, fl = run_file(f, os.path.abspath(ext))
        total_p += p
        total_f += fl
    print(f"docs: {total_p} passed, {total_f} failed")
    return 1 if total_f or total_p == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
