#!/usr/bin/env bash
# Runs every test of Aro.Messaging: the one command a new developer (and CI) needs after cloning.
# It installs and starts whatever the tests need: the .NET SDK named in global.json, ignition-validate and a RabbitMQ node.
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

log=$(mktemp)

# --- RabbitMQ (tests of Category=RabbitMQ) ------------------------------------------------------------
# A private broker for this run: installed if missing, started under a temporary directory, stopped on exit.
# shellcheck source=.ci/rabbitmq.sh
. .ci/rabbitmq.sh
trap 'aro_rabbitmq_stop; rm -f "$log"' EXIT
aro_rabbitmq_start
# --- end RabbitMQ --------------------------------------------------------------------------------------

# dotnet test only builds test projects: building the solution first keeps the benchmarks compiling.
dotnet build Aro.Messaging.sln --configuration Release

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
