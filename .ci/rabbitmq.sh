# Sourced by test.sh (bash): a private RabbitMQ node for the tests tagged Category=RabbitMQ.
#
#   aro_rabbitmq_start   installs rabbitmq-server if missing (Debian, as root), starts a node whose name,
#                        ports, data and logs are its own (under a temporary directory), waits until it is
#                        up and exports ARO_TEST_RABBITMQ_HOST / _PORT / _MANAGEMENT_PORT / _USERNAME / _PASSWORD.
#   aro_rabbitmq_stop    stops that node and removes its directory; call it from the caller's EXIT trap.
#
# The node never touches /var/lib/rabbitmq or the system's default ports, so it runs beside another broker
# (or another checkout's test run) on the same machine. The scripts in /usr/lib/rabbitmq/bin are called
# directly: the /usr/sbin wrappers would switch to the rabbitmq user, away from our directory and cookie.

aro_rabbitmq_bin() {
  if [ -x "/usr/lib/rabbitmq/bin/$1" ]; then
    echo "/usr/lib/rabbitmq/bin/$1"
  else
    command -v "$1"
  fi
}

aro_rabbitmq_free_port() {
  # Node.js is there anyway (the Cosmos DB test server); python3 may not be on a fresh machine.
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

aro_rabbitmq_start() {
  if [ -z "$(aro_rabbitmq_bin rabbitmq-server)" ]; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
      echo "test.sh: installing rabbitmq-server..."
      apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >/dev/null
    else
      echo "test.sh: RabbitMQ is missing; install it with: sudo apt-get install -y rabbitmq-server" >&2
      return 1
    fi
  fi

  # Erlang starts its port mapper daemon (epmd) with the first node and leaves it running; stop it again on
  # exit if this run is what started it, so nothing of ours outlives the tests.
  ARO_RABBITMQ_OWNS_EPMD=
  if ! pgrep -x epmd >/dev/null 2>&1; then
    ARO_RABBITMQ_OWNS_EPMD=1
  fi

  ARO_RABBITMQ_DIR=$(mktemp -d "${TMPDIR:-/tmp}/aro-rabbitmq.XXXXXX")
  local port management_port
  port=$(aro_rabbitmq_free_port)
  management_port=$(aro_rabbitmq_free_port)
  export RABBITMQ_NODENAME="aro-test-$$@localhost"
  export RABBITMQ_MNESIA_BASE="$ARO_RABBITMQ_DIR/mnesia"
  export RABBITMQ_LOG_BASE="$ARO_RABBITMQ_DIR/log"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$ARO_RABBITMQ_DIR/enabled_plugins"
  export RABBITMQ_CONFIG_FILE="$ARO_RABBITMQ_DIR/rabbitmq"
  # The inter-node (distribution) port defaults to the AMQP port + 20000; keep it free-picked as well.
  export RABBITMQ_DIST_PORT
  RABBITMQ_DIST_PORT=$(aro_rabbitmq_free_port)
  cat >"$RABBITMQ_CONFIG_FILE.conf" <<EOF
listeners.tcp.default = 127.0.0.1:$port
management.tcp.port = $management_port
management.tcp.ip = 127.0.0.1
# Test machines have small disks; the default 50 MB limit would block publishers.
disk_free_limit.absolute = 10MB
EOF
  "$(aro_rabbitmq_bin rabbitmq-plugins)" enable --offline rabbitmq_management >/dev/null

  "$(aro_rabbitmq_bin rabbitmq-server)" >"$ARO_RABBITMQ_DIR/server.out" 2>&1 &
  ARO_RABBITMQ_PID=$!
  # await_startup waits for a node that is booting, but fails at once while the node is not reachable yet.
  local attempt
  for attempt in $(seq 1 60); do
    if "$(aro_rabbitmq_bin rabbitmqctl)" -q await_startup --timeout 60 >/dev/null 2>&1; then
      break
    fi
    if [ "$attempt" = 60 ] || ! kill -0 "$ARO_RABBITMQ_PID" 2>/dev/null; then
      echo "test.sh: RabbitMQ did not start; its output:" >&2
      cat "$ARO_RABBITMQ_DIR/server.out" >&2
      return 1
    fi
    sleep 1
  done

  export ARO_TEST_RABBITMQ_HOST=127.0.0.1
  export ARO_TEST_RABBITMQ_PORT=$port
  export ARO_TEST_RABBITMQ_MANAGEMENT_PORT=$management_port
  export ARO_TEST_RABBITMQ_USERNAME=guest
  export ARO_TEST_RABBITMQ_PASSWORD=guest
  echo "test.sh: RabbitMQ $RABBITMQ_NODENAME on 127.0.0.1:$port (management :$management_port)"
}

aro_rabbitmq_stop() {
  if [ -n "${ARO_RABBITMQ_PID:-}" ]; then
    "$(aro_rabbitmq_bin rabbitmqctl)" -q stop >/dev/null 2>&1 || kill "$ARO_RABBITMQ_PID" 2>/dev/null || true
    wait "$ARO_RABBITMQ_PID" 2>/dev/null || true
    ARO_RABBITMQ_PID=
  fi
  if [ -n "${ARO_RABBITMQ_DIR:-}" ]; then
    rm -rf "$ARO_RABBITMQ_DIR"
    ARO_RABBITMQ_DIR=
  fi
  if [ -n "${ARO_RABBITMQ_OWNS_EPMD:-}" ]; then
    # epmd refuses to stop while a node is still registered, which lasts a moment after the node stopped.
    local attempt
    for attempt in $(seq 1 20); do
      if [ "$(epmd -kill 2>/dev/null)" = "Killed" ] || ! pgrep -x epmd >/dev/null 2>&1; then
        break
      fi
      sleep 0.5
    done
    ARO_RABBITMQ_OWNS_EPMD=
  fi
}
