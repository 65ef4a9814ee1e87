#!/usr/bin/env bash
# Durable-inbox benchmark on PostgreSQL (not a test): a burst of RATE signed closed-lost webhooks a second for SECONDS
# seconds at the jar (job executor on, agents working), then from the tables: every delivery answered 202 started
# exactly once, and how long draining took. Second run: the same burst, the app killed with kill -9 mid-drain and
# started again; again 0 lost and 0 duplicated.
# Both the app and the sender warm up first on 3,000 deliveries of their own (drained before the burst).
# usage: bench/inbox-burst-benchmark.sh [RATE=1000] [SECONDS=10]   (KILL_RUN=no: the first run only)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
RATE=${1:-1000}
SECONDS_=${2:-10}
JDBC="jdbc:postgresql://127.0.0.1:5432/$BENCH_DB?user=postgres"

mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
bench() { java -cp "$CP" io.circuitos.bench.InboxBurstBenchmark "$@"; }
# the burst is deeper than the default max-depth would allow while the agents work (lib.sh lifts the crm source's rate limit)
LIMITS=(--circuitos.webhooks.inbox.max-depth=100000)

echo "== burst: $RATE/s for $SECONDS_ s"
bench_start_app "${LIMITS[@]}"
rm -f target/bench-burst-1.txt.started
bench send "$BENCH_URL" "$RATE" "$SECONDS_" target/bench-burst-1.txt "$JDBC" &
SENDER=$!
until [ -f target/bench-burst-1.txt.started ]; do sleep 0.1; done
cpu0=$(bench_cpu_seconds circuitos.jar)
wait "$SENDER"
cpu1=$(bench_cpu_seconds circuitos.jar)
awk -v a="$cpu0" -v b="$cpu1" -v n=$((RATE * SECONDS_)) 'BEGIN { printf "app CPU while the burst was sent: %.1f s, %.2f ms a delivery\n", b - a, (b - a) * 1000 / n }'
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
