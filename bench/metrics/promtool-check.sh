#!/usr/bin/env bash
# Starts the jar on the embedded default (demo events give every agent a few runs), scrapes
# /actuator/prometheus with the scrape credential and checks it with promtool (Debian: prometheus).
# Usage: bench/metrics/promtool-check.sh   (after mvn -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v promtool > /dev/null || { echo "promtool is not installed: apt-get install prometheus (Debian)" >&2; exit 2; }
PORT=${PORT:-8093}
WORK=$(mktemp -d)
(cd "$WORK" && exec java -jar "$OLDPWD/target/circuitos.jar" --server.port="$PORT" \
    --circuitos.metrics.scrape-password=scrape-DEMO-ONLY > app.log 2>&1) &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs "localhost:$PORT/actuator/health" | grep -q UP && break; sleep 1; done
sleep 10   # let the demo runs reach their hand-offs
curl -fs -u prometheus:scrape-DEMO-ONLY "localhost:$PORT/actuator/prometheus" > "$WORK/metrics.txt"
echo "series: $(grep -c '^circuitos_' "$WORK/metrics.txt") circuitos_* lines of $(grep -vc '^#' "$WORK/metrics.txt")"
grep -E '^circuitos_(agent_runs_started|agent_decisions|agent_handoffs|llm_calls|webhooks)_total' "$WORK/metrics.txt" | head -20
promtool check metrics < "$WORK/metrics.txt" && echo "promtool check metrics: OK"
grep '^circuitos_model_psi' "$WORK/metrics.txt" | head -5
promtool check rules ops/prometheus/alerts.yml && (cd ops/prometheus && promtool test rules alerts.test.yml)
