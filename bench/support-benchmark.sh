#!/usr/bin/env bash
# Support escalation latency on PostgreSQL (not a test): tickets paced at R/s for S seconds,
# LLM faked at 0 ms; prints p50/p99 of webhook → ticket routed (retrieval, LLM answer, risk score, routing table).
# usage: bench/support-benchmark.sh [rate=50] [seconds=20]
set -euo pipefail
cd "$(dirname "$0")/.."
DB=circuitos_bench_support
psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB" -c "create database $DB"
mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -Xmx2g -Dai.djl.offline=true -Dweka.packageManager.loadPackages=false -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.circuitos.bench.SupportBenchmark "jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres" "${1:-50}" "${2:-20}" 2>&1 \
  | grep -E '^[0-9]+ tickets|^sent'
