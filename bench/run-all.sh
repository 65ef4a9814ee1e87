#!/usr/bin/env bash
# Runs every benchmark with its default arguments, one after the other (never two at once: they
# share the cores and the benchmark database), and keeps the output in target/bench-all.log.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
LOG=target/bench-all.log
: > "$LOG"
for script in intake-benchmark import-benchmark customer-import-benchmark llm-gateway-benchmark llm-agent-benchmark shadow-scoring-benchmark case-book-benchmark llm-throughput-benchmark \
              licensing-benchmark support-benchmark retrieval-benchmark embedding-benchmark win-back-campaign-benchmark trace-metrics-benchmark \
              what-if-benchmark two-nodes-benchmark inbox-burst-benchmark metrics/promtool-check; do
  echo "=== bench/$script.sh ($(date -u +%FT%TZ))" | tee -a "$LOG"
  bash "bench/$script.sh" 2>&1 | grep -v '^\[' | tee -a "$LOG"
  echo "=== exit ${PIPESTATUS[0]}" | tee -a "$LOG"
done
