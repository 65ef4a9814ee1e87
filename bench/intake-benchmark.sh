#!/usr/bin/env bash
# Intake benchmark on PostgreSQL (not a test): starts the jar on a fresh database, fires N signed
# webhooks from C concurrent clients, compares with the engine's own REST start rate, stops the jar.
# usage: bench/intake-benchmark.sh [N=2000] [C=16]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000}
C=${2:-16}
PORT=${BENCH_PORT:-18080}
DB=circuitos_bench

psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB" -c "create database $DB"
mvn -q -B -DskipTests package
mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath

# the demo CRM secret and demo users are DEMO VALUES, used here only to drive the benchmark
CIRCUITOS_WEBHOOKS_SOURCES_CRM_SECRET=whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1jcm0tc2VjcmV0LTAx \
java ${BENCH_APP_OPTS:--Xmx2g} -jar target/circuitos.jar \
  --spring.profiles.active=postgres \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" \
  --circuitos.identity.demo-users=true \
  --circuitos.webhooks.sources.crm.rate-limit-per-minute=100000000 \
  --server.port="$PORT" > target/bench-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null || { echo "app did not start, see target/bench-app.log" >&2; exit 1; }

java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.circuitos.bench.IntakeBenchmark \
  "http://127.0.0.1:$PORT" "$N" "$C"
