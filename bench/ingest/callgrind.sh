#!/bin/sh
# callgrind.sh — instruction counts (Ir) per contender: the stable figure
# on a shared, noisy machine. Runs run.py once under callgrind, counting
# only inside sqlite3_step (what SQLite and lede do per statement, not the
# Python driver), one profile part per contender (dumped at each
# sqlite3_close_v2), and prints Ir per contender and per MB.
#
#   bench/ingest/callgrind.sh [MB] [OUTDIR]      default: 1 MB, a new tmp dir
#   callgrind_annotate --inclusive=yes OUTDIR/cg.out.N   for the hot spots
#
# Part N follows --contenders order: 1 null, 2 fts5, 3 fts5-porter, 4 lede,
# 5 lede-store.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
mb=${1:-1}
out=${2:-$(mktemp -d /tmp/lede-bench-callgrind-XXXXXX)}
mkdir -p "$out"
/usr/bin/python3 "$here/generate.py" --mb "$mb" --jsonl "$out/input.jsonl"
valgrind --tool=callgrind --toggle-collect=sqlite3_step --dump-after=sqlite3_close_v2 \
  --callgrind-out-file="$out/cg.out" \
  /usr/bin/python3 "$here/run.py" --input "$out/input.jsonl" \
  --contenders null,fts5,fts5-porter,lede,lede-store >"$out/run.txt" 2>&1
i=1
for name in null fts5 fts5-porter lede lede-store; do
  ir=$(sed -n 's/^totals: *//p' "$out/cg.out.$i")
  awk -v n="$name" -v ir="$ir" -v mb="$mb" \
    'BEGIN { printf "%-12s %15.0f Ir  %8.1f MIr/MB\n", n, ir, ir / mb / 1e6 }'
  i=$((i + 1))
done
echo "profiles: $out/cg.out.1 .. cg.out.5"
