#!/usr/bin/env bash
# Fault suite, CSV fuzz (not a test): starts the jar on a fresh PostgreSQL database and uploads N
# malformed CSV files to the bulk start and the customer import; fails on any 5xx or on a refused
# upload that wrote rows. Bounded in count, 127.0.0.1 only.
# usage: bench/fault/csv-fuzz.sh [N=1000]
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
N=${1:-1000}

mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
bench_start_app --camunda.bpm.job-execution.enabled=false
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.circuitos.fault.CsvFuzz "$BENCH_URL" "$N" \
  "jdbc:postgresql://127.0.0.1:5432/$BENCH_DB?user=postgres"
