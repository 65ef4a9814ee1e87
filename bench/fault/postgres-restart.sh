#!/usr/bin/env bash
# Fault suite, database restart under load (not a test): 3,000 deliveries from a retrying sender while
# PostgreSQL is restarted after AT of them. Passes when nothing is lost or duplicated and the app answered
# only 202 and 503 (never 500) meanwhile, recovering without a restart. Bounded, 127.0.0.1 only.
# usage: bench/fault/postgres-restart.sh [N=3000] [AT=1000] [DOWN_SECONDS=5]
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
N=${1:-3000}
AT=${2:-1000}
DOWN=${3:-5}
PROGRESS=target/fault-progress
CLUSTER=$(ls /etc/postgresql | head -n 1)

mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
echo 0 > "$PROGRESS"
bench_start_app
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.circuitos.fault.RetryingSender "$BENCH_URL" "$N" 4 \
  "$PROGRESS" "jdbc:postgresql://127.0.0.1:5432/$BENCH_DB?user=postgres" true > target/fault-sender.log 2>&1 &
SENDER=$!
until [ "$(cat "$PROGRESS")" -ge "$AT" ]; do sleep 0.2; done
echo "restarting PostgreSQL after $(cat "$PROGRESS") acknowledged deliveries"
pg_ctlcluster --skip-systemctl-redirect "$CLUSTER" main stop -m fast
sleep "$DOWN"
pg_ctlcluster --skip-systemctl-redirect "$CLUSTER" main start
RC=0; wait "$SENDER" || RC=$?
tail -2 target/fault-sender.log
echo "servlet errors (500) in the app log: $(grep -c "ERROR.*Servlet.service" target/bench-app.log || true)"
[ "$RC" -eq 0 ] && echo "postgres-restart PASSED" || { echo "postgres-restart FAILED"; exit 1; }
