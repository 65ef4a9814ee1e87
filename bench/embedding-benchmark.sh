#!/usr/bin/env bash
# Embedding cost per support-ticket text (not a test): all-MiniLM-L6-v2 in full precision and quantized, one text per
# ONNX run and padded batches, single thread; each against the full-precision vectors and the retrieval-quality check.
# usage: bench/embedding-benchmark.sh [texts=400] [batch=8]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -Dai.djl.offline=true -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.circuitos.bench.EmbeddingBenchmark "${1:-400}" "${2:-8}" 2>&1 | grep -E '^embedding:'
