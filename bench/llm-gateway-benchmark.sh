#!/usr/bin/env bash
# LLM gateway overhead against a fake Ollama answering at once (not a test).
# usage: bench/llm-gateway-benchmark.sh [calls=3000]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.circuitos.bench.LlmGatewayBenchmark "${1:-3000}"
