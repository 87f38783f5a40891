#!/usr/bin/env bash
# Probe (issue 9, reliability): PostgreSQL stopped and started again under the running app.
#
# Starts a private PostgreSQL in a temporary folder on a free loopback port, runs the built web app against it
# (Production environment, demo county seeded), signs in as `county`, then:
#   1. GET /Dashboard                 -> 200 with the signed-in user's name
#   2. pg_ctl stop (fast)
#   3. GET /Dashboard                 -> 503, the Chinese error page, no stack trace; /health/ready 503; /health/live 200
#   4. pg_ctl start
#   5. GET /Dashboard                 -> 200, still signed in (no restart of the app); /health/ready 200
# Prints one PASS/FAIL line per check and exits non-zero when a check fails.
#
# Usage: scripts/probe-postgres-restart.sh [--no-build]
#   --no-build     use src/SchoolSafety.Web/bin/Release/net10.0 as it is (default: dotnet build -c Release first)
# Environment: PGBIN (default: newest /usr/lib/postgresql/*/bin), KEEP=1 keeps the temporary folder (logs),
#   APP_DLL=/path/SchoolSafety.Web.dll runs that build instead (no build), e.g. an older commit's to compare.
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=1
[ "${1:-}" = "--no-build" ] && BUILD=0
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/pg_ctl" ]; then echo "FAIL: no PostgreSQL binaries (apt-get install postgresql)"; exit 2; fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
PG_PORT=$(free_port)
APP_PORT=$(free_port)
WORK=$(mktemp -d /tmp/probe-pg-restart-XXXXXX)
chmod 755 "$WORK"
mkdir -p "$WORK/pg"
BASE="http://127.0.0.1:$APP_PORT"
JAR="$WORK/cookies.txt"
APP_PID=""
FAILED=0

# PostgreSQL refuses to run as root: run its tools as the postgres user when we are root.
as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" = 0 ] && chown postgres "$WORK/pg"

pg_start() { as_pg "$PGBIN/pg_ctl" -D "$WORK/pg/data" -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1" -l "$WORK/pg/log" -w start >/dev/null; }
pg_stop() { as_pg "$PGBIN/pg_ctl" -D "$WORK/pg/data" -m fast -w stop >/dev/null; }

cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
    as_pg "$PGBIN/pg_ctl" -D "$WORK/pg/data" -m immediate stop >/dev/null 2>&1
    if [ "${KEEP:-0}" = 1 ] || [ "$FAILED" != 0 ]; then echo "logs kept in $WORK (app.log, pg/log)"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

check() { # check NAME CONDITION-RESULT DETAIL
    if [ "$2" = 0 ]; then echo "PASS: $1"; else echo "FAIL: $1 ($3)"; FAILED=1; fi
}

# GET PATH -> sets CODE and BODY (file)
get() {
    BODY="$WORK/body.html"
    CODE=$(curl -s -o "$BODY" -w '%{http_code}' -b "$JAR" -c "$JAR" --max-time 60 "$BASE$1")
}

as_pg "$PGBIN/initdb" -D "$WORK/pg/data" -A trust -U postgres >/dev/null || { echo "FAIL: initdb"; exit 2; }
pg_start || { echo "FAIL: PostgreSQL did not start"; exit 2; }
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT ($WORK/pg)"

if [ -n "${APP_DLL:-}" ]; then
    BUILD=0 # another build of the app, e.g. an older commit's, to compare
elif [ "$BUILD" = 1 ]; then
    dotnet build "$ROOT/src/SchoolSafety.Web" -c Release --nologo -v q >"$WORK/build.log" 2>&1 || { echo "FAIL: build (see $WORK/build.log)"; FAILED=1; exit 1; }
fi
APP_DLL=${APP_DLL:-"$ROOT/src/SchoolSafety.Web/bin/Release/net10.0/SchoolSafety.Web.dll"}
[ -f "$APP_DLL" ] || { echo "FAIL: $APP_DLL missing (run without --no-build)"; FAILED=1; exit 1; }

ASPNETCORE_ENVIRONMENT=Production \
Database__Provider=PostgreSql \
ConnectionStrings__PostgreSql="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=schoolsafety_probe" \
Demo__Seed=true Demo__PrintLogins=false \
Auth__CookieSecurePolicy=SameAsRequest \
Storage__Root="$WORK/uploads" Logging__File= \
    dotnet "$APP_DLL" --contentRoot "$(dirname "$APP_DLL")/../../.." --urls "$BASE" >"$WORK/app.log" 2>&1 &
APP_PID=$!
echo "app (pid $APP_PID) on $BASE, log $WORK/app.log"

# Migrations and the demo county take a while on a busy machine.
for _ in $(seq 1 300); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready")" = 200 ] && break
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 2
done
get /health/ready
check "app ready on PostgreSQL" "$([ "$CODE" = 200 ] && echo 0 || echo 1)" "GET /health/ready -> $CODE"
[ "$CODE" = 200 ] || exit 1

# Sign in as the county user.
get /Account/Login
TOKEN=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$BODY" | head -1 | sed 's/.*value="//; s/"$//')
CODE=$(curl -s -o "$WORK/login.html" -w '%{http_code}' -b "$JAR" -c "$JAR" --max-time 60 \
    --data-urlencode "UserName=county" --data-urlencode "Password=Demo@12345" --data-urlencode "__RequestVerificationToken=$TOKEN" \
    "$BASE/Account/Login")
check "sign in as county" "$([ "$CODE" = 302 ] && echo 0 || echo 1)" "POST /Account/Login -> $CODE"

get /Dashboard
check "database up: GET /Dashboard 200, signed in" "$([ "$CODE" = 200 ] && grep -q '李明' "$BODY" && echo 0 || echo 1)" "-> $CODE"

T0=$(date +%s.%N)
pg_stop
echo "PostgreSQL stopped (pg_ctl -m fast stop)"

get /Dashboard
cp "$BODY" "$WORK/down.html" # the page users saw, kept with KEEP=1
check "database down: GET /Dashboard 503" "$([ "$CODE" = 503 ] && echo 0 || echo 1)" "-> $CODE"
check "database down: Chinese error page (数据库暂时无法连接)" "$(grep -q '数据库暂时无法连接' "$BODY" && echo 0 || echo 1)" "$(head -c 200 "$BODY" | tr '\n' ' ')"
check "database down: no stack trace or exception text in the page" "$(grep -Eqi 'exception|npgsql|stack| at SchoolSafety' "$BODY" && echo 1 || echo 0)" "the page names an exception"
RETRY_AFTER=$(curl -s -D - -o /dev/null -b "$JAR" --max-time 60 "$BASE/Dashboard" | tr -d '\r' | awk -F': ' 'tolower($1)=="retry-after"{print $2}')
check "database down: Retry-After header" "$([ -n "$RETRY_AFTER" ] && echo 0 || echo 1)" "none"
get /health/ready
check "database down: /health/ready 503" "$([ "$CODE" = 503 ] && echo 0 || echo 1)" "-> $CODE"
get /health/live
check "database down: /health/live 200 (the process answers)" "$([ "$CODE" = 200 ] && echo 0 || echo 1)" "-> $CODE"
check "database down: app process still running" "$(kill -0 "$APP_PID" 2>/dev/null && echo 0 || echo 1)" "the app exited"

pg_start || { echo "FAIL: PostgreSQL did not start again"; FAILED=1; exit 1; }
echo "PostgreSQL started again (pg_ctl start)"

get /Dashboard
check "database back: first GET /Dashboard 200, still signed in, no app restart" "$([ "$CODE" = 200 ] && grep -q '李明' "$BODY" && echo 0 || echo 1)" "-> $CODE"
get /health/ready
check "database back: /health/ready 200" "$([ "$CODE" = 200 ] && echo 0 || echo 1)" "-> $CODE"
check "same app process throughout (pid $APP_PID)" "$(kill -0 "$APP_PID" 2>/dev/null && echo 0 || echo 1)" "the app exited"
echo "503s logged by the app while down: $(grep -c 'Database unavailable' "$WORK/app.log")"

if [ "$FAILED" = 0 ]; then echo "PASS: all checks"; else echo "FAIL: some checks failed"; fi
exit "$FAILED"
