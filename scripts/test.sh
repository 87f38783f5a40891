#!/usr/bin/env bash
# Runs every test of the solution: the single test command (also used by CI via .ci/run).
#
#   scripts/test.sh                                   # everything
#   scripts/test.sh --filter "FullyQualifiedName~Foo"  # extra args go to every `dotnet test`
#
# On a fresh Debian 12 machine it installs (via apt) what is missing: PostgreSQL server,
# Chromium and a CJK font. It starts a private, throw-away PostgreSQL on a free port
# (tests create their own databases in it), builds the solution in Release, runs every
# test project under tests/*/ and writes TRX files to artifacts/test-results/.
# The last line of output is always "N passed, N failed"; the exit code is non-zero if the
# build failed, any test failed, or no test passed.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
REPO_ROOT=$(pwd)
RESULTS_DIR="$REPO_ROOT/artifacts/test-results"

export DEBIAN_FRONTEND=noninteractive
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { echo "==> $*"; }
warn() { echo "==> WARNING: $*" >&2; }

# ---------------------------------------------------------------- state and cleanup
PG_BIN=""
PG_TMP=""
PG_STARTED=0

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_postgres() {
  if [ "$PG_STARTED" -eq 1 ] && [ -n "$PG_TMP" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m fast -w stop >/dev/null 2>&1 || true
    PG_STARTED=0
  fi
  if [ -n "$PG_TMP" ] && [ -d "$PG_TMP" ]; then
    rm -rf "$PG_TMP"
  fi
  PG_TMP=""
}
trap stop_postgres EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Prints the final summary line and exits (used for early failures so the last line is stable).
finish_early() {
  stop_postgres
  echo "0 passed, 0 failed"
  exit 1
}

# ---------------------------------------------------------------- 1. system packages
SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi

apt_retry() { # apt_retry <apt-get args...>: retries while another process holds the apt/dpkg lock
  local try
  for try in $(seq 1 60); do
    if $SUDO apt-get -o DPkg::Lock::Timeout=5 "$@"; then return 0; fi
    echo "==>   apt-get $1 failed (attempt $try/60), retrying in 5 s..." >&2
    sleep 5
  done
  return 1
}

find_pg_bin() {
  local initdb
  initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
  [ -n "$initdb" ] && dirname "$initdb"
}

log "Checking system packages"
missing=()
[ -n "$(find_pg_bin)" ] || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)

if [ "${#missing[@]}" -gt 0 ]; then
  log "Installing missing packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ] && [ -z "$SUDO" ]; then
    warn "not root and no sudo: cannot install ${missing[*]}"
  elif ! apt_retry update -q; then
    warn "apt-get update kept failing"
  elif ! apt_retry install -y -q --no-install-recommends "${missing[@]}"; then
    warn "apt-get install ${missing[*]} kept failing"
  else
    log "Installed: ${missing[*]}"
  fi
else
  log "All system packages present (postgresql, chromium, fonts-wqy-microhei)"
fi

PG_BIN=$(find_pg_bin)
if [ -z "$PG_BIN" ]; then
  echo "==> ERROR: no PostgreSQL server found under /usr/lib/postgresql/*/bin" >&2
  finish_early
fi
if [ -x /usr/bin/chromium ]; then
  export SCHOOLSAFETY_TEST_CHROMIUM=/usr/bin/chromium
else
  warn "/usr/bin/chromium missing; browser tests will fail"
  export SCHOOLSAFETY_TEST_CHROMIUM=/usr/bin/chromium
fi

# ---------------------------------------------------------------- 2. private PostgreSQL
port_in_use() {
  if command -v ss >/dev/null 2>&1; then
    [ -n "$(ss -ltnH "sport = :$1" 2>/dev/null)" ]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

log "Starting private PostgreSQL ($PG_BIN)"
PG_TMP=$(mktemp -d /tmp/schoolsafety-pg.XXXXXX) || finish_early
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$PG_TMP" || finish_early; fi

if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then PG_LOCALE=C.UTF-8; else PG_LOCALE=C; fi
if ! as_postgres "$PG_BIN/initdb" -D "$PG_TMP/data" -U postgres --auth=trust -E UTF8 \
       --locale="$PG_LOCALE" >"$PG_TMP/initdb.log" 2>&1; then
  if [ "$PG_LOCALE" != C ]; then
    rm -rf "$PG_TMP/data"
    as_postgres "$PG_BIN/initdb" -D "$PG_TMP/data" -U postgres --auth=trust -E UTF8 \
      --locale=C >"$PG_TMP/initdb.log" 2>&1 || { cat "$PG_TMP/initdb.log"; finish_early; }
  else
    cat "$PG_TMP/initdb.log"; finish_early
  fi
fi

PG_PORT=55432
for attempt in 1 2 3 4 5; do
  while port_in_use "$PG_PORT"; do PG_PORT=$((PG_PORT + 1)); done
  if as_postgres "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/log" -w -t 60 \
       -o "-p $PG_PORT -k $PG_TMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
       start >/dev/null 2>&1; then
    PG_STARTED=1
    break
  fi
  PG_PORT=$((PG_PORT + 1)) # lost a race for the port (or other failure): try the next one
done
if [ "$PG_STARTED" -ne 1 ]; then
  echo "==> ERROR: PostgreSQL did not start; server log:" >&2
  tail -n 30 "$PG_TMP/log" >&2 2>/dev/null
  finish_early
fi
export SCHOOLSAFETY_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Pooling=true"
log "PostgreSQL listening on 127.0.0.1:$PG_PORT"

# ---------------------------------------------------------------- 3. build
rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

log "Restoring dotnet tools"
if ! out=$(dotnet tool restore 2>&1); then
  echo "$out"
  echo "==> ERROR: dotnet tool restore failed" >&2
  finish_early
fi

log "Building SchoolSafety.sln (Release)"
if ! out=$(dotnet build SchoolSafety.sln -c Release -nologo -v q 2>&1); then
  echo "$out"
  echo "==> ERROR: build failed" >&2
  finish_early
fi

# ---------------------------------------------------------------- 4. tests
declare -A TEST_EXIT=()
PROJECTS=()
any_failed=0
for dir in tests/*/; do
  proj=$(ls "$dir"*.csproj 2>/dev/null | head -n 1)
  # Only test projects: the benchmark under tests/ is run by hand (docs/performance.md).
  [ -n "$proj" ] && grep -q "<IsTestProject>true</IsTestProject>" "$proj" || continue
  name=$(basename "$proj" .csproj)
  PROJECTS+=("$name")
  log "Testing $name"
  dotnet test "$proj" -c Release --no-build \
    --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS_DIR" "$@"
  rc=$?
  TEST_EXIT[$name]=$rc
  if [ "$rc" -ne 0 ]; then
    any_failed=1
    warn "$name: dotnet test exited with $rc"
  fi
done

stop_postgres

# ---------------------------------------------------------------- 5. summary
# trx_counts <file>: prints "passed failed skipped" from <ResultSummary><Counters .../>
trx_counts() {
  local f=$1
  if command -v python3 >/dev/null 2>&1 && python3 -c '' >/dev/null 2>&1; then
    python3 - "$f" <<'PY' 2>/dev/null && return 0
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
c = next(e for e in root.iter() if e.tag.split('}')[-1] == 'Counters')
g = lambda k: int(c.get(k, 0) or 0)
print(g('passed'), g('failed') + g('error') + g('timeout'), g('notExecuted'))
PY
  fi
  local counters
  counters=$(tr '\n' ' ' <"$f" | grep -o '<Counters [^>]*>' | head -n 1)
  [ -n "$counters" ] || return 1
  attr() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  local p fl e t s
  p=$(attr passed); fl=$(attr failed); e=$(attr error); t=$(attr timeout); s=$(attr notExecuted)
  echo "${p:-0} $(( ${fl:-0} + ${e:-0} + ${t:-0} )) ${s:-0}"
}

log "Summary (TRX files in ${RESULTS_DIR#"$REPO_ROOT"/})"
total_passed=0
total_failed=0
if [ "${#PROJECTS[@]}" -eq 0 ]; then
  warn "no test projects found under tests/*/"
fi
for name in "${PROJECTS[@]}"; do
  trx="$RESULTS_DIR/$name.trx"
  rc=${TEST_EXIT[$name]}
  suffix=""
  [ "$rc" -eq 0 ] || suffix=" (dotnet test exit code $rc)"
  if [ -f "$trx" ] && counts=$(trx_counts "$trx"); then
    read -r p f s <<<"$counts"
    [ "$s" -gt 0 ] && suffix=", $s skipped$suffix"
    echo "$name: $p passed, $f failed$suffix"
    total_passed=$((total_passed + p))
    total_failed=$((total_failed + f))
    [ "$f" -eq 0 ] || any_failed=1
  else
    echo "$name: no test results$suffix"
    any_failed=1
  fi
done

# Where the tests ran: by provider in the test name, Chromium for the browser project.
if command -v python3 >/dev/null 2>&1; then
  python3 - "$RESULTS_DIR" <<'PY' 2>/dev/null || true
import sys, glob, collections, xml.etree.ElementTree as ET
groups = collections.OrderedDict((g, [0, 0]) for g in
    ["on SQLite", "on PostgreSQL", "SQL Server (offline)", "in Chromium", "unit and conventions"])
for trx in glob.glob(sys.argv[1] + "/*.trx"):
    for r in ET.parse(trx).getroot().iter():
        if r.tag.split('}')[-1] != 'UnitTestResult':
            continue
        name, outcome = r.get('testName', ''), r.get('outcome', '')
        if 'BrowserTests' in trx: g = "in Chromium"
        elif 'PostgreSql' in name: g = "on PostgreSQL"
        elif 'Sqlite' in name: g = "on SQLite"
        elif 'SqlServer' in name: g = "SQL Server (offline)"
        else: g = "unit and conventions"
        groups[g][0 if outcome == 'Passed' else 1] += 0 if outcome == 'NotExecuted' else 1
for g, (p, f) in groups.items():
    print(f"  tests {g}: {p} passed, {f} failed")
PY
fi

echo "$total_passed passed, $total_failed failed"
if [ "$any_failed" -ne 0 ] || [ "$total_failed" -gt 0 ] || [ "$total_passed" -eq 0 ]; then
  exit 1
fi
exit 0
