#!/usr/bin/env bash
# Builds tongsin, imports the project's own sample pages into demo.db, and searches them.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${TONGSIN_DEMO_DB:-demo.db}
dotnet build src/Tongsin.App -c Release -nologo -v quiet
tongsin() { dotnet src/Tongsin.App/bin/Release/net10.0/tongsin.dll "$@"; }
tongsin import --db "$db" tests/Tongsin.Tests/Fixtures/kcnawatch
echo
tongsin sources --db "$db"
echo
tongsin search --db "$db" sanctions
echo
echo "The archive is in $db. Try: dotnet run --project src/Tongsin.App -- search --db $db \"first quarter\""
