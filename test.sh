#!/usr/bin/env bash
# Runs every test of Aro.Messaging: the one command a new developer (and CI) needs after cloning.
# It installs and starts whatever the tests need: the .NET SDK named in global.json must be there; ignition-validate,
# the Cosmos DB test server and RabbitMQ are installed when missing, and the servers run for as long as the tests do.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET SDK 10 is required (https://dotnet.microsoft.com/download)." >&2
  exit 1
fi

# Ignition configs are checked with the real validator (Debian package "ignition").
if ! command -v ignition-validate >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "test.sh: installing ignition (ignition-validate)..."
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ignition >/dev/null
  else
    echo "test.sh: ignition-validate is missing; install it with: sudo apt-get install -y ignition" >&2
    exit 1
  fi
fi

# The official API specifications the contract tests replay live beside the repository.
if [ ! -d ../shared/specs ]; then
  echo "test.sh: ../shared/specs is missing; the API contract tests read the official swagger from there." >&2
  exit 1
fi

# The Cosmos DB tests run against the Cosmos DB test server (npm package @vercel/cosmosdb-server), kept in .tools.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "test.sh: installing Node.js (for the Cosmos DB test server)..."
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  else
    echo "test.sh: Node.js is missing; install it with: sudo apt-get install -y nodejs npm" >&2
    exit 1
  fi
fi
cosmos_server=.tools/node_modules/@vercel/cosmosdb-server/lib/cli.js
if [ ! -f "$cosmos_server" ]; then
  echo "test.sh: installing the Cosmos DB test server (@vercel/cosmosdb-server) into .tools..."
  npm install --prefix .tools --no-audit --no-fund --loglevel=error @vercel/cosmosdb-server@1.0.1 >/dev/null
fi

log=$(mktemp)
# shellcheck source=.ci/rabbitmq.sh
. .ci/rabbitmq.sh
cosmos_log=$(mktemp)
cosmos_pid=
cleanup() {
  if [ -n "$cosmos_pid" ]; then
    kill "$cosmos_pid" 2>/dev/null || true
    wait "$cosmos_pid" 2>/dev/null || true
  fi
  aro_rabbitmq_stop
  rm -f "$log" "$cosmos_log"
}
trap cleanup EXIT

# Port 0: the server takes a free port and says which once it listens.
node "$cosmos_server" -p 0 --host 127.0.0.1 >"$cosmos_log" 2>&1 &
cosmos_pid=$!
cosmos_port=
for _ in $(seq 1 300); do
  cosmos_port=$(sed -n 's/^Ready to accept HTTPS connections at .*:\([0-9][0-9]*\)$/\1/p' "$cosmos_log")
  if [ -n "$cosmos_port" ] || ! kill -0 "$cosmos_pid" 2>/dev/null; then
    break
  fi
  sleep 0.1
done
if [ -z "$cosmos_port" ]; then
  echo "test.sh: the Cosmos DB test server did not start:" >&2
  cat "$cosmos_log" >&2
  exit 1
fi
export ARO_TEST_COSMOS_ENDPOINT="https://127.0.0.1:$cosmos_port/"
echo "test.sh: Cosmos DB test server at $ARO_TEST_COSMOS_ENDPOINT"

# A private RabbitMQ node for this run (tests of Category=RabbitMQ): installed if missing, started under a
# temporary directory, stopped on exit by cleanup.
aro_rabbitmq_start

# The compose file cannot run here (no Docker engine); where docker-compose is installed it is checked offline.
if ! command -v docker-compose >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "test.sh: installing docker-compose (to check docker-compose.yml offline)..."
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
fi
if command -v docker-compose >/dev/null 2>&1; then
  docker-compose -f docker-compose.yml config -q
  docker-compose -f docker-compose.yml -f docker-compose.servicebus.yml config -q
fi

# dotnet test only builds test projects: building the solution first keeps the benchmarks compiling.
dotnet build Aro.Messaging.sln --configuration Release

# The style .editorconfig states is kept, not just suggested (CONVENTIONS: dotnet format keeps it).
dotnet format Aro.Messaging.sln --verify-no-changes --no-restore

status=0
dotnet test Aro.Messaging.sln --configuration Release --no-build 2>&1 | tee "$log" || status=$?

# One closing line over all test assemblies, in the plain form CI tools read.
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:")  { f += $(i+1) }
         if ($i == "Passed:")  { p += $(i+1) }
         if ($i == "Skipped:") { s += $(i+1) }
       }
     }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"

exit "$status"
