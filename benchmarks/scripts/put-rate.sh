#!/usr/bin/env bash
# The create PUT's rate with the backend working (issue 16: 8 at once, at least 300 a second, p99 at most 100 ms), as
# processes from a Release build rather than in the benchmark's own process: wrk keeps 8 create PUTs of new clusters in
# flight (one connection each, the next PUT as soon as one is answered) while the backend works on every accepted one.
#   all-in-one  `aro-rp` (frontend, backend, in-memory bus, SQLite) and the local cloud as a process of its own, both
#               free to use both cores: the embedded defaults.
#   split       as the RP is deployed (ADR 0004): `aro-rp frontend` alone on core 0 (taskset), `aro-rp backend`, the
#               local cloud, RabbitMQ (.ci/rabbitmq.sh) and wrk on core 1, over RabbitMQ and a shared SQLite store.
# Each create gets a virtual network of its own, made in the local cloud before the run. A warm-up round (JIT, tiered
# compilation, connections) comes first, then the measured round; prints wrk's rate and latency percentiles, the
# answers that were not 201, and how many creates had settled by the end.
# Needs wrk (Debian: apt-get install wrk).
# Usage: benchmarks/scripts/put-rate.sh [all-in-one|split] [path to a built aro-rp directory] [seconds, default 10]
set -euo pipefail
mode=${1:-all-in-one}
[[ "$mode" == all-in-one || "$mode" == split ]] || { echo "the layout is all-in-one or split, not '$mode'" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 1; }
. "$(dirname "$0")/rp-process.sh"
rp_dir=$(aro_rp_dir "${2:-}")
seconds=${3:-10}
warmup=5
# Enough networks for 500 PUTs a second over both rounds.
networks=$(( (seconds + warmup) * 500 ))

port=$(free_port); cloud=$(free_port); data=$(mktemp -d)
pids=()
stop_all() {
  stop_processes "${pids[@]}"
  [[ "$mode" != split ]] || aro_rabbitmq_stop
  rm -rf "$data"
}
trap stop_all EXIT
export ARO_DATA_DIR="$data" Serilog__MinimumLevel__Default=Error ARO_CLOUD_ENDPOINT="https://localhost:$cloud/"
core1=(); core0=()
[[ "$mode" != split ]] || { core0=(taskset -c 0); core1=(taskset -c 1); }

ARO_LOCAL_CLOUD_URL="https://localhost:$cloud" "${core1[@]}" "$rp_dir/aro-rp" local-cloud >"$data/cloud.log" 2>&1 &
pids+=($!)
wait_until_listening "https://localhost:$cloud"
if [[ "$mode" == split ]]; then
  rabbitmq_for_split_rp
  # The broker's Erlang VM on core 1, with the rest of the backend's side.
  for p in $(pgrep -f "$RABBITMQ_NODENAME"); do taskset -a -p -c 1 "$p" >/dev/null; done
  backend_port=$(free_port)
  ARO_LISTEN_URL="https://localhost:$backend_port" "${core1[@]}" "$rp_dir/aro-rp" backend >"$data/backend.log" 2>&1 &
  pids+=($!)
  wait_until_ready "https://localhost:$backend_port"
  ARO_LISTEN_URL="https://localhost:$port" "${core0[@]}" "$rp_dir/aro-rp" frontend >"$data/frontend.log" 2>&1 &
else
  ARO_LISTEN_URL="https://localhost:$port" ARO_LOCAL_CLOUD_URL="https://localhost:$cloud" "$rp_dir/aro-rp" >"$data/rp.log" 2>&1 &
fi
pids+=($!)
wait_until_ready "https://localhost:$port"

# A registered subscription and one virtual network per create, in one resource group of the local cloud.
driver="$(dirname "$0")/rp_driver.py"
sub=$(python3 "$driver" subscription "$port")
python3 "$driver" networks "$cloud" "$sub" vnets "$networks"

# One wrk thread, so the Lua counter numbers the clusters uniquely; the second round goes on from where the first
# stopped (a file keeps the count, plus the 8 PUTs that may have been sent but not counted when the round ended).
cat >"$data/put.lua" <<LUA
local sub, first = "$sub", tonumber(os.getenv("FIRST"))
local n = first
local refused = 0
request = function()
  n = n + 1
  local name = "put-" .. n
  local subnet = "/subscriptions/" .. sub .. "/resourceGroups/vnets/providers/Microsoft.Network/virtualNetworks/vnet-" .. n .. "/subnets/"
  local body = '{"location":"eastus","properties":{"clusterProfile":{"pullSecret":"","domain":"' .. name ..
    '","resourceGroupId":"/subscriptions/' .. sub .. '/resourceGroups/aro-' .. name .. '"},' ..
    '"servicePrincipalProfile":{"clientId":"11111111-1111-1111-1111-111111111111","clientSecret":"local-secret"},' ..
    '"networkProfile":{"podCidr":"10.128.0.0/14","serviceCidr":"172.30.0.0/16"},' ..
    '"masterProfile":{"vmSize":"Standard_D8s_v3","subnetId":"' .. subnet .. 'master"},' ..
    '"workerProfiles":[{"name":"worker","vmSize":"Standard_D4s_v3","diskSizeGB":128,"subnetId":"' .. subnet .. 'worker","count":3}],' ..
    '"apiserverProfile":{"visibility":"Public"},"ingressProfiles":[{"name":"default","visibility":"Public"}]}}'
  return wrk.format("PUT", "/subscriptions/" .. sub .. "/resourceGroups/" .. name ..
    "/providers/Microsoft.RedHatOpenShift/openShiftClusters/" .. name .. "?api-version=2020-04-30",
    {["Content-Type"] = "application/json"}, body)
end
response = function(status, headers, body)
  if status ~= 201 then
    refused = refused + 1
    if refused <= 3 then io.stderr:write("PUT answered " .. status .. ": " .. string.sub(body, 1, 300) .. "\n") end
  end
end
done = function(summary, latency, requests)
  local f = io.open("$data/count", "w"); f:write(first + summary.requests + 8); f:close()
  io.write(string.format("PUTs %d in %.1f s: %.0f a second; latency median %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; not 201: %d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status))
end
LUA
echo 0 >"$data/count"
round() { FIRST=$(cat "$data/count") "${core1[@]}" wrk -t1 -c8 -d"$1s" -s "$data/put.lua" "https://localhost:$port" | tail -1; }
echo "layout: $mode; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "warm-up: $(round "$warmup")"
# The CPU the process that answers the PUTs (the frontend when split) spends during the measured round.
rp_pid=${pids[-1]}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$rp_pid/stat"; }
before=$(cpu_ticks)
measured=$(round "$seconds")
ticks=$(( $(cpu_ticks) - before ))
echo "measured: $measured"
python3 - "$measured" "$ticks" "$(getconf CLK_TCK)" "$seconds" "$mode" <<'PY'
import re, sys
measured, ticks, hz, seconds, mode = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
puts = int(re.match(r"PUTs (\d+)", measured)[1])
who = "the frontend" if mode == "split" else "the RP (backend included)"
print(f"CPU of {who} in the measured round: {ticks / hz / seconds:.2f} cores, {ticks / hz * 1000 / puts:.2f} ms a PUT")
PY
(( $(cat "$data/count") <= networks )) || echo "warning: more PUTs than networks made ($networks); the last creates fail in the backend" >&2
settled=$(python3 "$driver" states "$port" "$sub")
echo "clusters at the end: $settled"
