#!/usr/bin/env bash
# demo.sh — the main job: set up, build, load every article in samples/
# into build/samples.db and print the reports in sql/reports/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh build >/dev/null
rm -f build/samples.db
sqlite3 build/samples.db <<'SQL'
.load ./build/lede
.read sql/load_samples.sql
.read sql/reports/overview.sql
SQL
for report in who_said_what entities; do
  [ -f "sql/reports/$report.sql" ] || continue
  sqlite3 build/samples.db ".load ./build/lede" ".read sql/reports/$report.sql"
done
for claim in 'OpenAI could lose $7 billion this year' 'Northgate Bank profit fell'; do
  echo "Claim: $claim"
  sqlite3 build/samples.db ".load ./build/lede" ".param set :claim '$claim'" ".read sql/reports/claim.sql"
done
echo
echo "The corpus is in build/samples.db: sqlite3 build/samples.db -cmd '.load ./build/lede'"
