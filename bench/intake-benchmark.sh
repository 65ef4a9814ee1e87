#!/usr/bin/env bash
# Intake benchmark on PostgreSQL (not a test): starts the jar on a fresh database, fires N signed
# webhooks from C concurrent clients, compares with the engine's own REST start rate, stops the jar.
# usage: bench/intake-benchmark.sh [N=2000] [C=16]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
N=${1:-2000}
C=${2:-16}

mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
bench_start_app
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.circuitos.bench.IntakeBenchmark "$BENCH_URL" "$N" "$C"
