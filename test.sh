#!/usr/bin/env bash
# Runs every test of the repository on a fresh Debian machine with only the .NET SDK: installs what the tests need
# (nats-server, which the NATS tests start themselves; Node.js and npm with the packages of samples/node-sender,
# which a NATS test runs; Debian's chromium, which the dashboard's browser tests drive), runs `dotnet test`, and ends
# with the line "N passed, N failed".
#   ./test.sh                  everything
#   ./test.sh --install-only   only the installs (CI calls it before its other checks)
#   ./test.sh [dotnet test args...], e.g. ./test.sh --filter FullyQualifiedName~Sqlite
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 PATH="$PATH:/usr/sbin"

readonly RESULTS_DIR=${TEST_RESULTS_DIR:-artifacts/test-results}

apt_install() {
  local sudo=()
  (( $(id -u) == 0 )) || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

ensure_tools() {
  local missing=()
  command -v nats-server >/dev/null || missing+=(nats-server)
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  [[ -x ${ATTRFANOUT_CHROMIUM:-/usr/bin/chromium} ]] || missing+=(chromium)
  if (( ${#missing[@]} )); then
    echo "== installing ${missing[*]} (the NATS tests start their own nats-server and run the Node.js example; the dashboard tests drive chromium)"
    apt_install "${missing[@]}"
  fi

  if [[ ! -d samples/node-sender/node_modules ]]; then
    echo "== installing the Node.js example's packages (npm ci)"
    (cd samples/node-sender && npm ci --no-audit --no-fund)
  fi
}

ensure_tools
[[ ${1:-} == --install-only ]] && exit 0

rm -rf "$RESULTS_DIR"
status=0
dotnet test AttrFanout.sln -c Release --logger trx --results-directory "$RESULTS_DIR" "$@" || status=$?
totals=$(.ci/trx-totals.sh "$RESULTS_DIR") || { echo "no test results under $RESULTS_DIR" >&2; exit 1; }
echo "$totals"
exit "$status"
