#!/usr/bin/env bash
# What shadow scoring adds per case, and the model comparison report on labelled cases (not a test).
# usage: bench/shadow-scoring-benchmark.sh [cases=5000] [challengers=2] [labelled=10000]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.circuitos.bench.ShadowScoringBenchmark "${1:-5000}" "${2:-2}" "${3:-10000}"
