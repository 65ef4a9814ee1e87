#!/usr/bin/env bash
# The agent loop's own cost per model call and per tool call, and a failover's added latency, against fake models
# answering at once (not a test).
# usage: bench/llm-agent-benchmark.sh [loops=2000]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.circuitos.bench.LlmAgentBenchmark "${1:-2000}"
