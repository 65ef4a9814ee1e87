#!/usr/bin/env bash
# What-if replay benchmark (not a test): 10,000 recorded evaluations of lost-opportunity-band on
# PostgreSQL, then the candidate table replayed on all of them three times (target: <= 5 s).
# usage: bench/what-if-benchmark.sh [N=10000]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
DB=circuitos_bench_whatif
psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB" -c "create database $DB"
mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.circuitos.bench.WhatIfBenchmark \
  "jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres" "$N" 2>&1 | grep -E '^(recorded|what-if)'
