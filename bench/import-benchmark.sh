#!/usr/bin/env bash
# Bulk import benchmark on PostgreSQL (not a test): uploads a generated CSV of N closed-lost
# opportunities to POST /api/imports/opportunity.closed_lost and prints rows/s.
# usage: bench/import-benchmark.sh [N=5000]   (IMPORT_EXECUTOR_ON=no: the run with the job executor off only;
#        IMPORT_APP_ARGS="--circuitos.imports.batch-size=50": settings for the app)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
N=${1:-5000}

CSV=target/bench-import.csv
awk -v n="$N" 'BEGIN {
  print "opportunityId,amount,contact.email,contact.name,account.name,lossReason,contact.age,contact.job,lastContact.month,history.previousContacts,history.previousOutcome";
  srand(42);
  for (i = 1; i <= n; i++)
    printf "IMPORT-%d,%d,lead%d@bench.example,Lead %d,Company %d,price,%d,admin.,may,%d,nonexistent\n", i, int(rand()*50000), i, i, i % 300, 20 + int(rand()*50), int(rand()*3);
}' > "$CSV"
inserts() {
  sleep 1 # PostgreSQL publishes a transaction's counters shortly after it ends (and may lag more: the executor-off run counts rows)
  psql -h 127.0.0.1 -U postgres -d "$BENCH_DB" -Atc "select coalesce(sum(n_tup_ins), 0) from pg_stat_user_tables"
}
# rows_by_table: each table's rows now, for the run with the executor off (nothing deletes then, so rows = inserts)
rows_by_table() {
  psql -h 127.0.0.1 -U postgres -d "$BENCH_DB" -Atc "select relname from pg_stat_user_tables order by relname" | while read -r table; do
    echo "$table $(psql -h 127.0.0.1 -U postgres -d "$BENCH_DB" -Atc "select count(*) from $table")"
  done
}

# run_import on|off: a fresh database, the jar with its job executor on or off, one upload of the CSV
run_import() {
  local executor=$1
  bench_start_app --camunda.bpm.job-execution.enabled=$([ "$executor" = on ] && echo true || echo false) ${IMPORT_APP_ARGS:-}
  local before
  before=$(inserts)
  [ "$executor" = off ] && rows_by_table > target/bench-import-rows-before.txt
  local start end app0 pg0 app1 pg1
  app0=$(bench_cpu_ticks "$BENCH_APP_PID"); pg0=$(bench_cpu_ticks $(pgrep -x postgres))
  start=$(date +%s.%N)
  curl -sf -u demo:demo -F "file=@$CSV" "$BENCH_URL/api/imports/opportunity.closed_lost" > target/bench-import-report.json
  end=$(date +%s.%N)
  app1=$(bench_cpu_ticks "$BENCH_APP_PID"); pg1=$(bench_cpu_ticks $(pgrep -x postgres))
  local rows
  rows=$(( $(inserts) - before ))
  head -c 200 target/bench-import-report.json; echo
  if [ "$executor" = off ]; then
    rows_by_table > target/bench-import-rows-after.txt
    join target/bench-import-rows-before.txt target/bench-import-rows-after.txt | awk -v n="$N" '
      $3 > $2 { per = ($3 - $2) / n; total += per; printf "  %s: %.2f rows per start\n", $1, per }
      END { printf "rows counted per table (executor off): %.2f per started instance\n", total }'
  fi
  awk -v n="$N" -v s="$start" -v e="$end" -v x="$executor" -v r="$rows" \
    'BEGIN { printf "job executor %s: imported %d rows in %.2f s = %.1f rows/s", x, n, e - s, n / (e - s);
            if (x == "on") printf "; %.1f rows inserted per started instance by then, the agents work included (statistics, which lag)", r / n;
            printf "\n" }'
  awk -v n="$N" -v a=$((app1 - app0)) -v p=$((pg1 - pg0)) -v hz="$(getconf CLK_TCK)" -v s="$start" -v e="$end" \
    'BEGIN { printf "CPU a row: app %.2f ms, PostgreSQL %.2f ms (%.0f %% of the 2 cores while importing)\n", 1000 * a / hz / n, 1000 * p / hz / n, 100 * (a + p) / hz / (e - s) / 2 }'
  kill "$BENCH_APP_PID"
  wait "$BENCH_APP_PID" 2>/dev/null || true
}

# off: the import alone; on: the import while the agents work on what it started
run_import off
if [ "${IMPORT_EXECUTOR_ON:-yes}" = yes ]; then
  run_import on
fi
