#!/usr/bin/env bash
# Peak resident set of `tongsin import` on hostile input and, when given, on a real corpus
# (docs/benchmarks.md, "Import memory bounds"). Usage: bash scripts/import-memory.sh [CORPUS.jsonl.gz]
# Needs GNU time (/usr/bin/time) and about 1.3 GB of free space in $TMPDIR.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/tongsin-memory.XXXXXX")
trap 'rm -rf "$work"' EXIT
dotnet publish "$root/src/Tongsin.App" -c Release -o "$work/out" -nologo -v quiet >/dev/null
record='{"source":"Voice of Korea (EN)","title":"One","published":"2025-01-02","body":["x"]}'
head -c 3G /dev/zero | tr '\0' '\n' | gzip -9 >"$work/bomb.txt.gz"
{ echo "$record"; head -c 3G /dev/zero | tr '\0' '\n'; } | gzip -9 >"$work/bomb.jsonl.gz"
{ printf '{"source":"Voice of Korea (EN)","title":"'; head -c 1200M /dev/zero | tr '\0' 'a'; printf '","published":"2025-01-02","body":["x"]}\n'; } >"$work/line.jsonl"
{ printf '{"source":"Voice of Korea (EN)","title":"Fifty","published":"2025-01-02","body":["'; head -c 50M /dev/zero | tr '\0' 'a'; printf '"]}\n'; } >"$work/record50.jsonl"
python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
with open(f"{w}/lines.txt", "w") as f:
    f.write("February 13, 2025Feb 13, 2025\nKCNA Korean Central News Agency (EN)\n\nTiny Paragraphs\n\n"
            "Date: 12/02/2025 | Source: Korean Central News Agency (EN)\n\n")
    f.write("a.\n" * (22_000_000))
with open(f"{w}/tags.html", "w") as f:
    f.write('<!DOCTYPE html><html><head><link rel="canonical" href="http://www.kcna.kp/en/article/q/x.kcmsf"></head><body>')
    f.write("<p>a</p>" * 8_250_000 + "</body></html>")
with open(f"{w}/record15.jsonl", "w") as f:
    f.write(json.dumps({"source": "Voice of Korea (EN)", "title": "Fifteen", "published": "2025-01-02", "body": ["a"] * 3_000_000}) + "\n")
PY
for input in bomb.txt.gz bomb.jsonl.gz line.jsonl record50.jsonl record15.jsonl lines.txt tags.html "$@"; do
  case $input in /*) path=$input ;; *) path=$work/$input ;; esac
  rm -f "$work"/a.db*
  /usr/bin/time -f '%M %e' -o "$work/time" "$work/out/tongsin" import --db "$work/a.db" "$path" >"$work/out.txt" 2>"$work/err.txt" || true
  read -r kb seconds < <(tail -n 1 "$work/time")
  printf '%s: %s MB peak, %s s, %s; %s\n' "$(basename "$path")" $((kb / 1024)) "$seconds" \
    "$(tail -n 1 "$work/out.txt")" "$(grep -m1 '^error: ' "$work/err.txt" | sed "s|$work/||" || echo 'no error')"
done
