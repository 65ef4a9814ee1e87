#!/usr/bin/env bash
# Licensing qualification latency on PostgreSQL (not a test): applications paced at R/s for S seconds,
# LLM faked at 0 ms; prints p50/p99 of webhook → band decided and webhook → rep's task created.
# usage: bench/licensing-benchmark.sh [rate=50] [seconds=20]
set -euo pipefail
cd "$(dirname "$0")/.."
DB=circuitos_bench_licensing
psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB" -c "create database $DB"
mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -Dai.djl.offline=true -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.circuitos.bench.LicensingBenchmark "jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres" "${1:-50}" "${2:-20}" 2>&1 \
  | grep -E '^[0-9]+ applications|^sent'
