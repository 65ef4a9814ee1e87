# Shared by the benchmark scripts: build, start the jar on a fresh PostgreSQL database, stop it on exit.
# DEMO VALUES: the demo secrets, the bench admin and the demo users drive the benchmarks only.
BENCH_PORT=${BENCH_PORT:-18080}
BENCH_DB=${BENCH_DB:-circuitos_bench}
BENCH_URL="http://127.0.0.1:$BENCH_PORT"

bench_start_app() {
  psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $BENCH_DB" -c "create database $BENCH_DB"
  [ -n "${BENCH_NO_BUILD:-}" ] || mvn -q -B -DskipTests package
  : > target/bench-app.log
  bench_start_app_again "$@"
}

# starts the built jar on the existing benchmark database (after a crash, say)
bench_start_app_again() {
  bench_start_node "$BENCH_PORT" "$@"
  BENCH_APP_PID=$BENCH_NODE_PID
}

# starts one more node of the built jar on the benchmark database: bench_start_node PORT [--option=value ...];
# sets BENCH_NODE_PID; every node started is stopped on exit
BENCH_NODE_PIDS=""
bench_start_node() {
  local port=$1
  shift
  CIRCUITOS_ADMIN_USER=benchadmin CIRCUITOS_ADMIN_PASSWORD=bench-admin-DEMO-ONLY \
  CIRCUITOS_WEBHOOKS_SOURCES_CRM_SECRET=whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1jcm0tc2VjcmV0LTAx \
  CIRCUITOS_WEBHOOKS_SOURCES_FORMS_SECRET=whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1mb3Jtcy1zZWNyZXQtMDE= \
  CIRCUITOS_WEBHOOKS_SOURCES_HELPDESK_SECRET=whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1oZWxwZGVzay1zZWNyZXQtMDE= \
  CIRCUITOS_WEBHOOKS_SOURCES_BILLING_SECRET=whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1iaWxsaW5nLXNlY3JldC0wMQ== \
  CIRCUITOS_WEBHOOKS_SOURCES_EMAIL_SECRET=whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1lbWFpbC1zZWNyZXQtMDE= \
  CIRCUITOS_WEBHOOKS_SOURCES_CHAT_SECRET=whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1jaGF0LXNlY3JldC0wMQ== \
  java ${BENCH_APP_OPTS:--Xmx2g} -jar target/circuitos.jar \
    --spring.profiles.active=postgres \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$BENCH_DB" \
    --circuitos.identity.demo-users=true \
    --circuitos.webhooks.sources.crm.rate-limit-per-minute=100000000 \
    --server.port="$port" "$@" >> target/bench-app.log 2>&1 &
  BENCH_NODE_PID=$!
  BENCH_NODE_PIDS="$BENCH_NODE_PIDS $BENCH_NODE_PID"
  trap 'for p in $BENCH_NODE_PIDS; do kill $p 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null && return 0
    if ! kill -0 "$BENCH_NODE_PID" 2>/dev/null; then
      echo "the app on port $port stopped before it was ready, see target/bench-app.log" >&2
      return 1
    fi
    sleep 1
  done
  echo "the app did not start on port $port, see target/bench-app.log" >&2
  return 1
}

# CPU seconds (user + system) used so far by the processes whose command line matches $1
bench_cpu_seconds() {
  awk -v t="$(bench_cpu_ticks $(pgrep -f "$1"))" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f\n", t / hz }'
}

# CPU clock ticks (user + system) the given processes have used: bench_cpu_ticks PID...
bench_cpu_ticks() {
  local ticks=0
  for pid in "$@"; do
    ticks=$((ticks + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$ticks"
}
