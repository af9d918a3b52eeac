#!/usr/bin/env bash
# Runs every test. Installs and starts what the tests need, stops it afterwards, and ends with
# one line: "N passed, M failed, K skipped", summed from the test runs' own result files.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results=$(mktemp -d)
pgdir=$(mktemp -d "${TMPDIR:-/tmp}/tongsin-pg.XXXXXX")
# The throwaway PostgreSQL server goes, whatever happens to the run.
cleanup() { bash scripts/pg.sh stop "$pgdir" >/dev/null 2>&1 || rm -rf "$pgdir"; rm -rf "$results"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# The browser tests drive Debian's Chromium.
command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 \
  || echo "chromium could not be installed; the browser tests will fail"

# The PostgreSQL tests run against a cluster of their own (scripts/pg.sh installs PostgreSQL when it
# is missing); without one they fail, saying why: they are never skipped.
if pgenv=$(bash scripts/pg.sh start "$pgdir"); then
  eval "$pgenv"
else
  echo "PostgreSQL could not be started; the PostgreSQL tests will fail"
fi

# The test projects and everything they reference (bench/ has a harness of its own).
for project in tests/*/; do
  built=0
  output=$(dotnet build "$project" -c Release -nologo -v quiet 2>&1) || built=$?
  echo "$output" | grep -E "error|Warn|Elapsed" || true
  if [ "$built" -ne 0 ]; then
    echo "build failed: $project"
    echo "0 passed, 1 failed"
    exit 1
  fi
done

status=0
for project in tests/*/; do
  name=$(basename "$project")
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$results/$name.trx" --logger "console;verbosity=normal" \
    || status=1
done

for shots in tests/*/bin/Release/*/screenshots; do
  [ -d "$shots" ] && echo "screenshots of the pages: $root/$shots"
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then failed=1; status=1; echo "no test ran"; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
