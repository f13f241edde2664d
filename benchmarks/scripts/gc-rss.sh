#!/usr/bin/env bash
# RSS of the all-in-one RP, idle and after a burst of reads, under each garbage collector configuration,
# measured one after the other in the same run (compare them with each other, not with another machine).
# Usage: benchmarks/scripts/gc-rss.sh [path to a built aro-rp directory]   (default: builds Release into a temp dir)
set -euo pipefail
. "$(dirname "$0")/rp-process.sh"
rp_dir=$(aro_rp_dir "${1:-}")

measure() {
  local name=$1; shift
  local port cloud data pid sub
  port=$(free_port); cloud=$(free_port); data=$(mktemp -d)
  env "$@" ARO_LISTEN_URL="https://localhost:$port" ARO_LOCAL_CLOUD_URL="https://localhost:$cloud" ARO_DATA_DIR="$data" \
    Serilog__MinimumLevel__Default=Warning "$rp_dir/aro-rp" >"$data/out.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do curl -ksf "https://localhost:$port/healthz" >/dev/null && break; sleep 0.5; done
  sleep 10
  local idle; idle=$(rss_kb "$pid")
  sub=$(cat /proc/sys/kernel/random/uuid)
  curl -ksf -X PUT "https://localhost:$port/subscriptions/$sub?api-version=2.0" -H 'Content-Type: application/json' \
    -d "{\"state\":\"Registered\",\"properties\":{\"tenantId\":\"$sub\"}}" >/dev/null
  # 4,000 list requests, 8 at a time, 50 per curl process so connections are reused.
  seq 1 80 | xargs -P 8 -I{} sh -c "curl -ks -o /dev/null $(printf 'https://localhost:%s/subscriptions/%s/providers/Microsoft.RedHatOpenShift/openShiftClusters?api-version=2020-04-30 ' $(yes "$port $sub" | head -50 | tr '\n' ' ')) >/dev/null"
  local loaded peak; loaded=$(rss_kb "$pid"); peak=$(hwm_kb "$pid")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
  printf '| %s | %d | %d | %d |\n' "$name" $((idle / 1024)) $((loaded / 1024)) $((peak / 1024))
}

echo "| configuration | idle RSS (MB) | RSS after load (MB) | peak RSS (MB) |"
echo "| --- | ---: | ---: | ---: |"
measure "Server GC (SDK default for web apps, DATAS on)" DOTNET_gcServer=1
measure "Server GC, DATAS off (.NET 8 behaviour)" DOTNET_gcServer=1 DOTNET_GCDynamicAdaptationMode=0
measure "Workstation, concurrent" DOTNET_gcServer=0 DOTNET_gcConcurrent=1
measure "Workstation, concurrent, GCConserveMemory=5" DOTNET_gcServer=0 DOTNET_gcConcurrent=1 DOTNET_GCConserveMemory=5
