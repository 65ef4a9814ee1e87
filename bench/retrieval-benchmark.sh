#!/usr/bin/env bash
# Knowledge-base retrieval latency per query: embed the question in process (all-MiniLM-L6-v2) and
# search the in-memory index for the top 3 articles (not a test).
# usage: bench/retrieval-benchmark.sh [queries=2000]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -Dai.djl.offline=true -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.circuitos.bench.RetrievalBenchmark "${1:-2000}" 2>&1 | grep -E '^retrieval:'
