#!/usr/bin/env bash
# Urgent-path throughput with the model answering at once vs after a delay, and whether other work
# on the job executor is starved meanwhile (not a test).
# usage: bench/llm-throughput-benchmark.sh [perKind=100] [delayMs=500]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -Dai.djl.offline=true -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.circuitos.bench.LlmThroughputBenchmark "${1:-100}" "${2:-500}" 2>&1 | grep -E '^model delay'
