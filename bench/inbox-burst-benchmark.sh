#!/usr/bin/env bash
# Durable-inbox benchmark on PostgreSQL (not a test): a burst of RATE signed closed-lost webhooks a second for SECONDS
# seconds at the jar (job executor on, agents working), then from the tables: every delivery answered 202 started
# exactly once, and how long draining took. Second run: the same burst, the app killed with kill -9 mid-drain and
# started again; again 0 lost and 0 duplicated.
# Both the app and the sender warm up first on 3,000 deliveries of their own (drained before the burst).
# INTAKE_ONLY=yes: no draining (the node only stores), the burst alone, with the CPU the app, PostgreSQL and the sender
# spent on it: what the intake costs on its own.
# usage: bench/inbox-burst-benchmark.sh [RATE=1000] [SECONDS=10]   (KILL_RUN=no: the first run only)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
RATE=${1:-1000}
SECONDS_=${2:-10}
JDBC="jdbc:postgresql://127.0.0.1:5432/$BENCH_DB?user=postgres"

mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
INTAKE_ONLY=${INTAKE_ONLY:-no}
bench() { java -DintakeOnly="$([ "$INTAKE_ONLY" = yes ] && echo true || echo false)" -cp "$CP" io.circuitos.bench.InboxBurstBenchmark "$@"; }
# the burst is deeper than the default max-depth would allow while the agents work (lib.sh lifts the crm source's rate limit)
LIMITS=(--circuitos.webhooks.inbox.max-depth=100000)
[ "$INTAKE_ONLY" = yes ] && LIMITS+=(--circuitos.webhooks.inbox.drain=false)

echo "== burst: $RATE/s for $SECONDS_ s"
bench_start_app "${LIMITS[@]}"
rm -f target/bench-burst-1.txt.started
bench send "$BENCH_URL" "$RATE" "$SECONDS_" target/bench-burst-1.txt "$JDBC" &
SENDER=$!
until [ -f target/bench-burst-1.txt.started ]; do sleep 0.1; done
app0=$(bench_cpu_ticks "$BENCH_APP_PID"); pg0=$(bench_cpu_ticks $(pgrep -x postgres))
wait "$SENDER"
app1=$(bench_cpu_ticks "$BENCH_APP_PID"); pg1=$(bench_cpu_ticks $(pgrep -x postgres))
awk -v a=$((app1 - app0)) -v p=$((pg1 - pg0)) -v n=$((RATE * SECONDS_)) -v hz="$(getconf CLK_TCK)" 'BEGIN {
  printf "CPU while the burst was sent: app %.1f s (%.2f ms a delivery), PostgreSQL %.1f s (%.2f ms a delivery)\n", a / hz, a * 1000 / hz / n, p / hz, p * 1000 / hz / n }'
[ "$INTAKE_ONLY" = yes ] && { echo "intake only: nothing drained"; exit 0; }
bench check "$JDBC" target/bench-burst-1.txt
kill "$BENCH_APP_PID"; wait "$BENCH_APP_PID" 2>/dev/null || true

if [ "${KILL_RUN:-yes}" = yes ]; then
  echo "== the same burst, kill -9 of the app 2 s after the last delivery was answered (mid-drain), then started again"
  bench_start_app "${LIMITS[@]}"
  rm -f target/bench-burst-2.txt.started
  bench send "$BENCH_URL" "$RATE" "$SECONDS_" target/bench-burst-2.txt "$JDBC" &
  SENDER=$!
  wait "$SENDER" || true
  sleep 2
  queued=$(psql -h 127.0.0.1 -U postgres -d "$BENCH_DB" -Atc "select count(*) from circuitos_webhook_delivery where status = 'queued'")
  echo "kill -9 with $queued deliveries queued"
  kill -9 "$BENCH_APP_PID"
  wait "$BENCH_APP_PID" 2>/dev/null || true
  bench_start_app_again "${LIMITS[@]}"
  bench check "$JDBC" target/bench-burst-2.txt
fi
