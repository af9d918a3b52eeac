#!/usr/bin/env bash
# Usage: publish the two builds to $BUILD_DIR/tongsin-base and $BUILD_DIR/tongsin-new (dotnet publish src/Tongsin.App -c Release -o ...), then run this.
# Alternating imports of the real corpora into new PostgreSQL databases: the build before this work (18b7475) and the current one.
set -u
url=${TONGSIN_TEST_POSTGRES:?set TONGSIN_TEST_POSTGRES to a server address, as scripts/pg.sh start prints}; base=${url%/postgres}
corpora=${CORPORA:-$(cd "$(dirname "$0")/../../.." && pwd)/shared/corpora}
files="$corpora/kcna-co-jp-1997-2018.jsonl.gz $corpora/kcna-kp-2023-2024.jsonl.gz $corpora/rodong-2021-2022.jsonl.gz"
for f in $files; do [ -f "$f" ] || { echo "skipped: $f is not there (set CORPORA)"; exit 0; }; done
for run in 1 2; do
  for build in base new; do
    db="alt_${build}_${run}"
    psql "$url" -qc "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
    s=$(date +%s.%N)
    ${BUILD_DIR:-/tmp}/tongsin-$build/tongsin import --db "$base/$db" $files 2>/dev/null | while IFS= read -r line; do echo "$(date +%s.%N) $line"; done > /tmp/altpg-$build.out
    e=$(date +%s.%N)
    summary=$(grep " files:" /tmp/altpg-$build.out | head -1)
    t=${summary%% *}
    echo "$build run $run: total $(echo "$e - $s" | bc) s, summary at $(echo "$t - $s" | bc) s; ${summary#* }"
    psql "$url" -qc "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
  done
done
