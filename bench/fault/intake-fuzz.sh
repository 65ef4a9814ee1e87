#!/usr/bin/env bash
# Fault suite, intake fuzz (not a test): starts the jar on a fresh PostgreSQL database and fires N validly
# signed but malformed webhooks (and 10 % unsigned garbage) at every source; fails on any 5xx or on a
# delivery row for a rejected request. Bounded in count, 127.0.0.1 only.
# usage: bench/fault/intake-fuzz.sh [N=10000]
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
N=${1:-10000}

mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
# failed authentications from this one address are not what this run measures
bench_start_app --circuitos.webhooks.failed-authentications-per-minute=100000000 \
  --circuitos.webhooks.sources.forms.rate-limit-per-minute=100000000 --circuitos.webhooks.sources.helpdesk.rate-limit-per-minute=100000000 \
  --circuitos.webhooks.sources.billing.rate-limit-per-minute=100000000 --circuitos.webhooks.sources.email.rate-limit-per-minute=100000000
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.circuitos.fault.IntakeFuzz "$BENCH_URL" "$N" \
  "jdbc:postgresql://127.0.0.1:5432/$BENCH_DB?user=postgres"
