#!/usr/bin/env bash
# RSS of the all-in-one RP with 1,000 create operations in flight (issue 16), next to the same RP idle, in one run;
# then again once every operation has settled, to see that nothing per cluster stays behind.
# The local cloud's VM writes are slowed (its /_localcloud/latency knob) so every create waits in its VM step, and
# set back to zero once all PUTs are accepted, so they settle. "GC range" is the resident part of the garbage
# collector's reserved address range (from /proc/<pid>/smaps): the managed heap's resident memory, free space inside
# its regions included, not the live objects.
# Usage: benchmarks/scripts/inflight-rss.sh [path to a built aro-rp directory] [creates, default 1000] [seconds to wait once settled, default 60]
# ARO_RSS_SEPARATE_CLOUD=1 runs the local cloud as a process of its own (`aro-rp local-cloud`) and the RP against it
# (ARO_CLOUD_ENDPOINT), as a real RP runs against Azure: the RSS columns are then the RP's alone, and the local cloud's
# own RSS is the last column.
# ARO_RSS_SPLIT=1 runs the RP as it is deployed on Azure (ADR 0004): `aro-rp frontend` and `aro-rp backend` as two
# processes over RabbitMQ (a private node, .ci/rabbitmq.sh) and a shared SQLite store, the local cloud a third; each
# process's RSS gets a column of its own, and the backend's CPU time is reported once the creates settled.
# ARO_RSS_BACKEND_ENV, with ARO_RSS_SPLIT, is environment for the backend alone (e.g. "DOTNET_TieredPGO=0").
set -euo pipefail
. "$(dirname "$0")/rp-process.sh"
rp_dir=$(aro_rp_dir "${1:-}")
creates=${2:-1000}
settled_wait=${3:-60}
# The GC reserves one large address range and commits regions inside it, which splits it into many mappings: take the
# largest mapping and every anonymous mapping contiguous with it on either side, and add up their resident memory.
gc_range_mb() {
  python3 - "$1" <<'PY'
import re, sys
maps = []
for line in open(f"/proc/{sys.argv[1]}/smaps"):
    m = re.match(r"([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(\S*)", line)
    if m: maps.append([int(m[1], 16), int(m[2], 16), 0, m[3] == ""])
    elif line.startswith("Rss:"): maps[-1][2] = int(line.split()[1])
i = max(range(len(maps)), key=lambda k: maps[k][1] - maps[k][0])
lo = hi = i
while lo > 0 and maps[lo - 1][3] and maps[lo - 1][1] == maps[lo][0]: lo -= 1
while hi + 1 < len(maps) and maps[hi + 1][3] and maps[hi][1] == maps[hi + 1][0]: hi += 1
print(sum(m[2] for m in maps[lo:hi + 1]) // 1024)
PY
}
split=${ARO_RSS_SPLIT:-}
separate=${ARO_RSS_SEPARATE_CLOUD:-$split}
cloud_pid=""
backend_pid=""
row() {
  if [[ -n "$split" ]]; then
    local f b
    f=$(rss_mb "$pid"); b=$(rss_mb "$backend_pid")
    printf '| %s | %s | %s (%s) | %s | %s | %s |\n' "$1" "$f" "$b" "$(gc_range_mb "$backend_pid")" "$((f + b))" "$2" "$(rss_mb "$cloud_pid")"
  elif [[ -n "$separate" ]]; then
    printf '| %s | %s | %s | %s | %s |\n' "$1" "$(rss_mb "$pid")" "$(gc_range_mb "$pid")" "$2" "$(rss_mb "$cloud_pid")"
  else
    printf '| %s | %s | %s | %s |\n' "$1" "$(rss_mb "$pid")" "$(gc_range_mb "$pid")" "$2"
  fi
}

port=$(free_port); cloud=$(free_port); data=$(mktemp -d)
stop_all() {
  # shellcheck disable=SC2086 # the ids of the processes that were started, unquoted so that empty ones go
  stop_processes $pid $backend_pid $cloud_pid
  [[ -z "$split" ]] || aro_rabbitmq_stop
  rm -rf "$data"
}
trap stop_all EXIT
if [[ -n "$separate" ]]; then
  ARO_LOCAL_CLOUD_URL="https://localhost:$cloud" ARO_DATA_DIR="$data" Serilog__MinimumLevel__Default=Error \
    "$rp_dir/aro-rp" local-cloud >"$data/cloud.log" 2>&1 &
  cloud_pid=$!
  wait_until_listening "https://localhost:$cloud"
  export ARO_CLOUD_ENDPOINT="https://localhost:$cloud/"
fi
if [[ -n "$split" ]]; then
  rabbitmq_for_split_rp
  backend_port=$(free_port)
  ARO_LISTEN_URL="https://localhost:$backend_port" ARO_DATA_DIR="$data" Serilog__MinimumLevel__Default=Error \
    env ${ARO_RSS_BACKEND_ENV:-} "$rp_dir/aro-rp" backend >"$data/backend.log" 2>&1 &
  backend_pid=$!
  wait_until_ready "https://localhost:$backend_port"
  ARO_LISTEN_URL="https://localhost:$port" ARO_DATA_DIR="$data" Serilog__MinimumLevel__Default=Error \
    "$rp_dir/aro-rp" frontend >"$data/out.log" 2>&1 &
else
  ARO_LISTEN_URL="https://localhost:$port" ARO_LOCAL_CLOUD_URL="https://localhost:$cloud" ARO_DATA_DIR="$data" \
    Serilog__MinimumLevel__Default=Error "$rp_dir/aro-rp" >"$data/out.log" 2>&1 &
fi
pid=$!
wait_until_ready "https://localhost:$port"
sleep 10

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ -n "$split" ]]; then
  echo "| state | frontend RSS (MB) | backend RSS (MB) (GC range resident) | frontend + backend (MB) | note | local cloud RSS (MB) |"
  echo "| --- | ---: | ---: | ---: | --- | ---: |"
elif [[ -n "$separate" ]]; then
  echo "| state | RP RSS (MB) | RP GC range resident (MB) | note | local cloud RSS (MB) |"
  echo "| --- | ---: | ---: | --- | ---: |"
else
  echo "| state | RSS (MB) | GC range resident (MB) | note |"
  echo "| --- | ---: | ---: | --- |"
fi
row "idle, just started" ""

# Every create parks in its VM step for a minute (well inside the saga's 10-minute step timeout).
curl -ksf -X PUT "https://localhost:$cloud/_localcloud/latency" -H 'Content-Type: application/json' \
  -d '{"operationType": "Microsoft.Compute/virtualMachines/write", "milliseconds": 60000}' >/dev/null

PYTHONPATH="$(dirname "$0")" python3 - "$port" "$cloud" "$creates" <<'PY' >"$data/driver.log"
import sys, uuid
from concurrent.futures import ThreadPoolExecutor
from rp_driver import put, put_network, put_resource_group, register_subscription
port, cloud, creates = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
sub = register_subscription(port)
def create(i):
    name = f"inflight-{i}"
    rg = f"/subscriptions/{sub}/resourceGroups/{name}-vnet"
    put_resource_group(cloud, rg)
    subnet = put_network(cloud, rg, f"{name}-vnet")
    put(port, f"/subscriptions/{sub}/resourceGroups/{name}/providers/Microsoft.RedHatOpenShift/openShiftClusters/{name}?api-version=2020-04-30", {
        "location": "eastus",
        "properties": {
            "clusterProfile": {"pullSecret": "{\"auths\":{\"registry.redhat.io\":{\"auth\":\"\"}}}", "domain": name, "resourceGroupId": f"/subscriptions/{sub}/resourceGroups/aro-{name}"},
            "servicePrincipalProfile": {"clientId": str(uuid.uuid4()), "clientSecret": "local-secret"},
            "networkProfile": {"podCidr": "10.128.0.0/14", "serviceCidr": "172.30.0.0/16"},
            "masterProfile": {"vmSize": "Standard_D8s_v3", "subnetId": f"{subnet}/master"},
            "workerProfiles": [{"name": "worker", "vmSize": "Standard_D4s_v3", "diskSizeGB": 128, "subnetId": f"{subnet}/worker", "count": 3}],
            "apiserverProfile": {"visibility": "Public"},
            "ingressProfiles": [{"name": "default", "visibility": "Public"}]}})
with ThreadPoolExecutor(8) as pool:
    list(pool.map(create, range(creates)))
print(sub)
PY
sub=$(tail -1 "$data/driver.log")
row "$creates create PUTs accepted" "all in flight"

# States of every cluster of the subscription, following nextLink.
states() { python3 "$(dirname "$0")/rp_driver.py" states "$port" "$sub"; }

# The highest RSS sampled of the RP (the frontend when split) and of the backend when split.
peak=0; backend_peak=0
sample() {
  local now
  now=$(rss_mb "$pid"); (( now > peak )) && peak=$now
  if [[ -n "$split" ]]; then now=$(rss_mb "$backend_pid"); (( now > backend_peak )) && backend_peak=$now; fi
  return 0
}
peaks() { if [[ -n "$split" ]]; then echo "highest RSS sampled: frontend $peak MB, backend $backend_peak MB"; else echo "highest RSS sampled $peak MB"; fi; }
# cpu_seconds PID: the user and system CPU time the process has used so far.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$1/stat"; }
for _ in $(seq 1 10); do sleep 3; sample; done
row "in flight, 30 s later" "$(states); $(peaks)"

curl -ksf -X PUT "https://localhost:$cloud/_localcloud/latency" -H 'Content-Type: application/json' \
  -d '{"operationType": "Microsoft.Compute/virtualMachines/write", "milliseconds": 0}' >/dev/null
started=$SECONDS
while true; do
  sleep 5
  sample
  s=$(states)
  [[ "$s" != *Creating* ]] && break
  (( SECONDS - started > 1800 )) && { echo "not settled in 30 minutes: $s"; break; }
done
row "all settled" "$s after $((SECONDS - started)) s; $(peaks), VmHWM $(hwm_mb "$pid") MB${backend_pid:+ and $(hwm_mb "$backend_pid") MB, backend CPU $(cpu_seconds "$backend_pid") s}"
sleep "$settled_wait"
row "settled, $settled_wait s later" ""
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
