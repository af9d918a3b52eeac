#!/usr/bin/env bash
# Usage: publish the two builds to $BUILD_DIR/tongsin-base and $BUILD_DIR/tongsin-new (dotnet publish src/Tongsin.App -c Release -o ...), then run this.
# Alternating imports of the real corpora into new SQLite archives: the build before this work (18b7475) and the current one;
# for the current one, the import's own time (to the summary line) and the analysers' run after it are split by timestamps.
set -u
corpora=${CORPORA:-$(cd "$(dirname "$0")/../../.." && pwd)/shared/corpora}
files="$corpora/kcna-co-jp-1997-2018.jsonl.gz $corpora/kcna-kp-2023-2024.jsonl.gz $corpora/rodong-2021-2022.jsonl.gz"
for f in $files; do [ -f "$f" ] || { echo "skipped: $f is not there (set CORPORA)"; exit 0; }; done
for run in 1 2 3; do
  for build in base new; do
    rm -f /tmp/alt-$build.db*
    s=$(date +%s.%N)
    ${BUILD_DIR:-/tmp}/tongsin-$build/tongsin import --db /tmp/alt-$build.db $files 2>/dev/null | while IFS= read -r line; do echo "$(date +%s.%N) $line"; done > /tmp/alt-$build.out
    e=$(date +%s.%N)
    summary=$(grep " files:" /tmp/alt-$build.out | head -1)
    t=${summary%% *}
    echo "$build run $run: total $(echo "$e - $s" | bc) s, summary at $(echo "$t - $s" | bc) s; ${summary#* }"
  done
done
