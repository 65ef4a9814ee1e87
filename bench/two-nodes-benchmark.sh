#!/usr/bin/env bash
# Two nodes on one PostgreSQL (not a test): N signed opportunity.closed_lost webhooks from C clients,
# first against one node, then spread over two (every tenth sent to both at once with one webhook-id).
# Prints per phase: opportunities banded per second, what the delivery and job-log tables prove (each
# delivery once, no job executed twice, jobs per node) and the CPU seconds per opportunity of each
# node and of PostgreSQL. On this machine both nodes share its 2 cores with the database.
# usage: bench/two-nodes-benchmark.sh [N=1500] [C=8]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
N=${1:-1500}
C=${2:-8}
JDBC="jdbc:postgresql://127.0.0.1:5432/$BENCH_DB?user=postgres"
PORT_A=18081
PORT_B=18082

mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $BENCH_DB" -c "create database $BENCH_DB"
mvn -q -B -DskipTests package
: > target/bench-app.log

drive() {
  local label=$1
  shift
  local a0 b0 pg0 a1 b1 pg1
  a0=$(bench_cpu_seconds "server.port=$PORT_A")
  b0=$(bench_cpu_seconds "server.port=$PORT_B")
  pg0=$(bench_cpu_seconds "postgres: .*$BENCH_DB")
  java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.circuitos.bench.TwoNodeBenchmark "$JDBC" "$N" "$C" "$@" \
    2>&1 | grep -E 'node\(s\):'
  a1=$(bench_cpu_seconds "server.port=$PORT_A")
  b1=$(bench_cpu_seconds "server.port=$PORT_B")
  pg1=$(bench_cpu_seconds "postgres: .*$BENCH_DB")
  awk -v l="$label" -v n="$N" -v a="$a1" -v a0="$a0" -v b="$b1" -v b0="$b0" -v p="$pg1" -v p0="$pg0" \
    'BEGIN { a -= a0; b -= b0; p -= p0; t = a + b + p; share = (t > 0) ? 100 * p / t : 0;
             printf "%s: CPU per opportunity: node A %.1f ms, node B %.1f ms, PostgreSQL %.1f ms (database share %.0f %%)\n",
             l, 1000 * a / n, 1000 * b / n, 1000 * p / n, share }'
}

bench_start_node "$PORT_A" --camunda.bpm.generic-properties.properties.hostname=node-a
drive "one node" "http://127.0.0.1:$PORT_A"
bench_start_node "$PORT_B" --camunda.bpm.generic-properties.properties.hostname=node-b
drive "two nodes" "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B"
