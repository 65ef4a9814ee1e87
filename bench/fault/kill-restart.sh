#!/usr/bin/env bash
# Fault suite, crash under load (not a test): 3,000 deliveries from a sender that retries like a real
# webhook sender; after AT of them the app is killed with kill -9 and started again at once (same node id).
# Reports lost and duplicated deliveries (from the delivery and history tables) and the jobs the dead
# process held that are still locked 60 s after the restart ("stuck"). Bounded, 127.0.0.1 only.
# usage: bench/fault/kill-restart.sh [N=3000] [AT=1000]
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
N=${1:-3000}
AT=${2:-1000}
NODE=fault-node-1
PROGRESS=target/fault-progress
PSQL="psql -h 127.0.0.1 -U postgres -d $BENCH_DB -tA"

mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
echo 0 > "$PROGRESS"
bench_start_app --circuitos.node-id=$NODE
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.circuitos.fault.RetryingSender "$BENCH_URL" "$N" 4 \
  "$PROGRESS" "jdbc:postgresql://127.0.0.1:5432/$BENCH_DB?user=postgres" false > target/fault-sender.log 2>&1 &
SENDER=$!
until [ "$(cat "$PROGRESS")" -ge "$AT" ]; do sleep 0.2; done
kill -9 "$BENCH_APP_PID"; wait "$BENCH_APP_PID" 2>/dev/null || true
HELD=$($PSQL -c "drop table if exists fault_held_locks; create table fault_held_locks as select id_, lock_exp_time_ from act_ru_job where lock_owner_ is not null; select count(*) from fault_held_locks;" | tail -1)
echo "killed with kill -9 after $(cat "$PROGRESS") acknowledged deliveries; the dead process held $HELD job locks"
RESTART=$(date +%s)
bench_start_app_again --circuitos.node-id=$NODE
echo "restarted in $(( $(date +%s) - RESTART )) s"
sleep $(( 60 - ($(date +%s) - RESTART) > 0 ? 60 - ($(date +%s) - RESTART) : 0 ))
STUCK=$($PSQL -c "select count(*) from fault_held_locks h join act_ru_job j on j.id_ = h.id_ where j.lock_exp_time_ = h.lock_exp_time_;")
echo "60 s after the restart: $STUCK of the $HELD jobs the dead process held are still locked (stuck)"
RC=0; wait "$SENDER" || RC=$?
cat target/fault-sender.log | tail -2
[ "$STUCK" -eq 0 ] && [ "$RC" -eq 0 ] && echo "kill-restart PASSED" || { echo "kill-restart FAILED"; exit 1; }
