#!/usr/bin/env bash
# The read path's rate under load, as issue 16 measured it: wrk (2 threads, 16 connections) against the RP's frontend
# and against a bare Kestrel app serving the very same bytes (ReadPathBenchmarks' two apps, SQLite, 30 provisioned
# clusters), alternated in rounds within one run so that both see the same machine. Prints each round's requests a
# second and the RP's rate as a fraction of the bare app's (the issue's target: at least 0.5), then the median.
# Needs wrk (Debian: apt-get install wrk). Plain HTTP on loopback: TLS would cost both apps the same.
# Usage: benchmarks/scripts/read-throughput.sh [get|list] [rounds, default 5] [seconds a round, default 5]
set -euo pipefail
what=${1:-get}; rounds=${2:-5}; seconds=${3:-5}
[[ "$what" == get || "$what" == list ]] || { echo "the path to measure is get or list, not '$what'" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 1; }
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mktemp)
dotnet run -c Release --project "$root/benchmarks/Aro.Benchmarks" -- --serve-read-path >"$out" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 1 600); do grep -q '^bare-list ' "$out" && break; kill -0 $server 2>/dev/null || { cat "$out" >&2; exit 1; }; sleep 0.5; done
rp=$(awk -v k="rp-$what" '$1 == k { print $2 }' "$out")
bare=$(awk -v k="bare-$what" '$1 == k { print $2 }' "$out")
rate() { wrk -t2 -c16 -d"${seconds}s" "$1" | awk '/^Requests\/sec/ { print $2 }'; }
# Warm-up: JIT, tiered compilation and the JSON remembered per cluster.
rate "$rp" >/dev/null; rate "$bare" >/dev/null
echo "| round | bare app (req/s) | RP (req/s) | RP ÷ bare |"
echo "| ---: | ---: | ---: | ---: |"
ratios=()
for round in $(seq 1 "$rounds"); do
  b=$(rate "$bare"); r=$(rate "$rp")
  ratio=$(python3 -c "print(f'{$r / $b:.2f}')")
  ratios+=("$ratio")
  echo "| $round | $b | $r | $ratio |"
done
echo "median RP ÷ bare ($what): $(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')"
