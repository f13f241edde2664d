# Sourced by the RSS scripts: a built all-in-one RP, free ports, and a process's memory from /proc.
# aro_rp_dir [dir]: the directory of a Release build of src/Aro.Rp: the one given, else a fresh build in a temp dir.
aro_rp_dir() {
  local dir=${1:-}
  if [[ -z "$dir" ]]; then
    dir=$(mktemp -d)
    dotnet build -c Release "$(dirname "${BASH_SOURCE[0]}")/../../src/Aro.Rp" -o "$dir" >/dev/null
  fi
  echo "$dir"
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
# rss_kb PID / hwm_kb PID: resident set now and at its highest, in KiB; rss_mb / hwm_mb the same in MiB.
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
hwm_kb() { awk '/^VmHWM/ {print $2}' "/proc/$1/status"; }
rss_mb() { echo $(( $(rss_kb "$1") / 1024 )); }
hwm_mb() { echo $(( $(hwm_kb "$1") / 1024 )); }
# stop_processes PID...: asks them to stop, then kills what is still running 15 s later (an RP with a backlog of
# creates may take long to drain its consumers), and reaps them.
stop_processes() {
  (( $# > 0 )) || return 0
  kill "$@" 2>/dev/null || true
  local _ p alive
  for _ in $(seq 1 30); do
    alive=
    for p in "$@"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [[ -n "$alive" ]] || break
    sleep 0.5
  done
  kill -9 "$@" 2>/dev/null || true
  wait "$@" 2>/dev/null || true
}
# wait_until_ready URL: until the role answers its readiness probe (URL/healthz/ready), for at most a minute.
wait_until_ready() {
  local _
  for _ in $(seq 1 120); do curl -ksf "$1/healthz/ready" >/dev/null && return 0; sleep 0.5; done
}
# wait_until_listening URL: until anything answers HTTP there (the local cloud has no probe), for at most a minute.
wait_until_listening() {
  local _
  for _ in $(seq 1 120); do curl -ks -o /dev/null "$1/" && return 0; sleep 0.5; done
}
# . .ci/rabbitmq.sh: aro_rabbitmq_start / aro_rabbitmq_stop, a private RabbitMQ node.
. "$(dirname "${BASH_SOURCE[0]}")/../../.ci/rabbitmq.sh"
# rabbitmq_for_split_rp: starts a private RabbitMQ node and points the RP roles started afterwards at it, with the
# SQLite store they share through ARO_DATA_DIR; stop it with aro_rabbitmq_stop.
rabbitmq_for_split_rp() {
  aro_rabbitmq_start >/dev/null
  export ARO_TRANSPORT=rabbitmq ARO_RABBITMQ_HOST=$ARO_TEST_RABBITMQ_HOST ARO_RABBITMQ_PORT=$ARO_TEST_RABBITMQ_PORT \
    ARO_RABBITMQ_USERNAME=$ARO_TEST_RABBITMQ_USERNAME ARO_RABBITMQ_PASSWORD=$ARO_TEST_RABBITMQ_PASSWORD ARO_STORE=sqlite
}
