#!/usr/bin/env bash
# Usage: publish the two builds to $BUILD_DIR/tongsin-base and $BUILD_DIR/tongsin-new (dotnet publish src/Tongsin.App -c Release -o ...), then run this.
# Alternating imports of the real corpora into new SQLite archives: the build before this work (18b7475) and the current one;
# for the current one, the import's own time (to the summary line) and the analysers' run after it are split by timestamps.
# The archives and outputs go to $OUT-base.db, $OUT-new.db ... (default /tmp/alt), so two runs at once can keep apart.
# RUNS sets how many times each build imports (3); with IMPORT_ONLY=1 an import is stopped once it has printed
# its summary, leaving out the analysers that run after it (they take many minutes since there are six).
set -u
out=${OUT:-/tmp/alt}
runs=${RUNS:-3}
corpora=${CORPORA:-$(cd "$(dirname "$0")/../../.." && pwd)/shared/corpora}
files="$corpora/kcna-co-jp-1997-2018.jsonl.gz $corpora/kcna-kp-2023-2024.jsonl.gz $corpora/rodong-2021-2022.jsonl.gz"
for f in $files; do [ -f "$f" ] || { echo "skipped: $f is not there (set CORPORA)"; exit 0; }; done
for run in $(seq 1 $runs); do
  for build in base new; do
    rm -f $out-$build.db* $out-$build.out
    s=$(date +%s.%N)
    ${BUILD_DIR:-/tmp}/tongsin-$build/tongsin import --db $out-$build.db $files 2>/dev/null > >(while IFS= read -r line; do echo "$(date +%s.%N) $line"; done > $out-$build.out) &
    pid=$!
    if [ -n "${IMPORT_ONLY:-}" ]; then
      until grep -q " files:" $out-$build.out 2>/dev/null || ! kill -0 $pid 2>/dev/null; do sleep 0.2; done
      kill $pid 2>/dev/null
    fi
    wait $pid
    sleep 0.5
    e=$(date +%s.%N)
    summary=$(grep " files:" $out-$build.out | head -1)
    t=${summary%% *}
    echo "$build run $run: total $(echo "$e - $s" | bc) s, summary at $(echo "$t - $s" | bc) s; ${summary#* }"
  done
done
