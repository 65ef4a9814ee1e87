#!/usr/bin/env bash
# What the decision trail and the agent metrics cost (not a test), on PostgreSQL:
# 1. the intake benchmark with the history-event metrics handler on and off, alternating on/off/on/off
#    on fresh databases (one run: the machine is noisy, so compare the pairs);
# 2. the trace endpoint's latency for a 50-activity run and a real lost-opportunity run.
# usage: bench/trace-metrics-benchmark.sh [N=1500] [C=8] [TRACE_CALLS=500] [PAIRS=2]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
N=${1:-1500}
C=${2:-8}
CALLS=${3:-500}
PAIRS=${4:-2}

mvn -q -B -DskipTests package
mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
: > target/bench-app.log
for mode in $(for _ in $(seq 1 "$PAIRS"); do echo true false; done); do
  psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $BENCH_DB" -c "create database $BENCH_DB"
  bench_start_app_again --circuitos.metrics.agents.enabled=$mode
  echo "== agent metrics handler enabled=$mode"
  java -cp "$CP" io.circuitos.bench.IntakeBenchmark "$BENCH_URL" "$N" "$C" | grep -E '^(webhook intake|engine REST start rate|intake / REST|all [0-9]+ banded)'
  if [ "$mode" = true ]; then
    # the handler times itself: its seconds against the app's CPU seconds (utime + stime) over the whole run
    HANDLER=$(curl -fs -u demo:demo "$BENCH_URL/actuator/prometheus" | awk '/^circuitos_agent_metrics_handler_seconds_total/ {print $2}')
    CPU=$(awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$BENCH_APP_PID/stat")
    awk -v h="$HANDLER" -v c="$CPU" 'BEGIN {printf "metrics handler: %.3f s of %.1f s app CPU = %.3f %%\n", h, c, 100 * h / c}'
  fi
  kill $BENCH_APP_PID; wait $BENCH_APP_PID 2>/dev/null || true
done
psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $BENCH_DB" -c "create database $BENCH_DB"
bench_start_app_again
java -cp "$CP" io.circuitos.bench.IntakeBenchmark "$BENCH_URL" 200 4 > /dev/null
KEY=$(psql -h 127.0.0.1 -U postgres -d "$BENCH_DB" -Atc "select business_key_ from act_hi_procinst where proc_def_key_ = 'lost-opportunity' limit 1")
echo "== trace latency"
java -cp "$CP" io.circuitos.bench.TraceBenchmark "$BENCH_URL" "$CALLS" "$KEY"
