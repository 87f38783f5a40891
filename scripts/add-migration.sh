#!/usr/bin/env bash
# Adds one migration with the same name for SQLite, SQL Server and PostgreSQL.
# Usage: scripts/add-migration.sh AddHazardTickets
# No database is contacted. To undo before committing, delete the three new migration files
# and restore each provider's *ModelSnapshot.cs from git (`migrations remove` needs a server).
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/SchoolSafety.Web -v q -nologo
for provider in Sqlite SqlServer PostgreSql; do
  echo "== $provider"
  dotnet ef migrations add "$name" --no-build \
    --project "src/SchoolSafety.Migrations.$provider" \
    --startup-project "src/SchoolSafety.Migrations.$provider" \
    --output-dir Migrations
done
