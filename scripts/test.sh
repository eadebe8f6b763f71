#!/usr/bin/env bash
# Runs every PoseGen test on a Debian/Ubuntu machine with the .NET 10 SDK and Node 20.
# Installs what the tests need from the distribution when it is absent (Chromium for the browser test, the PostgreSQL
# server binaries for the throwaway cluster, redis-server for the SignalR backplane of the two-instance tests, ffmpeg for
# video, jq for the model-fetch script), builds (which restores NuGet and npm packages), runs
# `dotnet test` on the solution, and ends with the line "N passed, N failed". Results (.trx) go to TestResults/.
# Extra arguments go to `dotnet test`, e.g. scripts/test.sh --filter "FullyQualifiedName~Browser".
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DEBIAN_FRONTEND=noninteractive
# CI runs without a terminal or standard input; nothing below may prompt.
exec </dev/null

log() { printf '[test.sh] %s\n' "$*" >&2; }

# --- system packages, only when missing --------------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || [ -x /usr/bin/chromium-browser ] || [ -n "${POSEGEN_CHROMIUM:-}" ] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || [ -n "${POSEGEN_PG_BIN:-}" ] || missing+=(postgresql)
command -v redis-server >/dev/null || [ -n "${POSEGEN_REDIS_SERVER:-}" ] || missing+=(redis-server)
command -v ffmpeg >/dev/null || missing+=(ffmpeg)
# scripts/fetch-models reads the model hub's listings with jq; its tests run it.
command -v jq >/dev/null || missing+=(jq)

if [ ${#missing[@]} -gt 0 ]; then
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { log "missing ${missing[*]} and not root (no sudo): install them first"; exit 1; }
    sudo=(sudo -n)
  fi
  log "installing missing system packages for: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  packages=()
  for need in "${missing[@]}"; do
    case "$need" in
      # Debian ships the browser as "chromium"; Ubuntu's package of that name is a snap shim, "chromium-browser" too.
      chromium) packages+=(chromium) ;;
      # PostgreSQL 15 where the distribution has it (Debian 12), otherwise its default server version.
      postgresql)
        if apt-cache show postgresql-15 >/dev/null 2>&1; then packages+=(postgresql-15); else packages+=(postgresql); fi ;;
      redis-server) packages+=(redis-server) ;;
      ffmpeg) packages+=(ffmpeg) ;;
      jq) packages+=(jq) ;;
    esac
  done
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}"
fi

# --- tests -------------------------------------------------------------------------------------------------------
results_dir="$repo_root/TestResults"
mkdir -p "$results_dir"
find "$results_dir" -maxdepth 1 -name '*.trx' -delete

# A test hanging for 10 minutes has its test host killed (and reported) instead of eating CI's time budget.
started=$SECONDS
set +e
dotnet test PoseGen.sln -c Release \
  --logger "console;verbosity=normal" \
  --logger "trx;LogFilePrefix=posegen" \
  --results-directory "$results_dir" \
  --blame-hang-timeout 10m --blame-hang-dump-type none \
  "$@"
status=$?
set -e
log "dotnet test exited with $status after $((SECONDS - started)) s"

# --- counts from the .trx files (one per test project; the prefix makes each name unique to the millisecond): <Counters total=".." executed=".." passed=".." failed=".." ...>
passed=0
failed=0
shopt -s nullglob
for trx in "$results_dir"/*.trx; do
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  e="$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")"
  t="$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$counters")"
  a="$(sed -n 's/.* aborted="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
done

if [ "$status" -eq 0 ] && [ $((passed + failed)) -eq 0 ]; then
  log "no test ran"
  status=1
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A build error or a crashed test host leaves no failed test to count; still a failure.
  log "dotnet test failed before or outside the tests (build error or test host crash): see the output above"
fi

# CI keeps only the end of the output: name each failed test and the start of its message here, next to the counts.
if [ "$failed" -gt 0 ]; then
  for trx in "$results_dir"/*.trx; do
    awk '
      /<UnitTestResult / && /outcome="(Failed|Error|Timeout|Aborted)"/ {
        name = $0; sub(/.*testName="/, "", name); sub(/".*/, "", name)
        printf "[test.sh] FAILED %s\n", name; failing = 1; shown = 0; next
      }
      failing && /<\/UnitTestResult>/ { failing = 0; inside = 0 }
      failing && /<Message>/ { inside = 1 }
      failing && inside && shown < 12 { line = $0; gsub(/<\/?Message>/, "", line); print "    " line; shown++ }
      failing && /<\/Message>/ { inside = 0 }
    ' "$trx" >&2
  done
fi

echo "$passed passed, $failed failed"
exit "$status"
