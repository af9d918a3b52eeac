#!/usr/bin/env bash
# Usage: OLD=/path/to/a/checkout/of/the/old/commit (its bench built in Release) bash bench/scripts/search-alternating.sh
# with an archive of a million articles at $DB, grown by `... -- search --articles 1000000 --archive $DB` of either build.
# Both builds alternately on the same archive file. With DOWN=1 (for an old build before SQLite migration 6),
# the new build's migration 6 (two empty tables) is taken back before each run of the old build, so the old
# build opens it; builds of the same schema need no DOWN.
db=${DB:-/tmp/tongsin-bench/grown-1m.db}
old=${OLD:?set OLD to a checkout of the old commit}
new=$(cd "$(dirname "$0")/../.." && pwd)
down() { sqlite3 $db "DROP TABLE IF EXISTS article_changes; DROP TABLE IF EXISTS analyser_state; DROP TABLE IF EXISTS article_lengths; DELETE FROM schema_migrations WHERE version = 6;"; }
for r in 1 2; do
  [ -n "${DOWN:-}" ] && down
  (cd "$old" && dotnet run -c Release --project bench/Tongsin.Bench --no-build -- search --articles 1000000 --archive $db --runs 3 > search-old-$r.md 2>/dev/null)
  (cd "$new" && dotnet run -c Release --project bench/Tongsin.Bench --no-build -- search --articles 1000000 --archive $db --runs 3 > search-new-$r.md 2>/dev/null)
done
