#!/usr/bin/env bash
# Bulk import benchmark on PostgreSQL (not a test): uploads a generated CSV of N closed-lost
# opportunities to POST /api/imports/opportunity.closed_lost and prints rows/s.
# usage: bench/import-benchmark.sh [N=5000]   (IMPORT_EXECUTOR_ON=no: the run with the job executor off only)
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
  sleep 1 # PostgreSQL publishes a transaction's counters shortly after it ends
  psql -h 127.0.0.1 -U postgres -d "$BENCH_DB" -Atc "select coalesce(sum(n_tup_ins), 0) from pg_stat_user_tables"
}

# run_import on|off: a fresh database, the jar with its job executor on or off, one upload of the CSV
run_import() {
  local executor=$1
  bench_start_app --camunda.bpm.job-execution.enabled=$([ "$executor" = on ] && echo true || echo false)
  local before
  before=$(inserts)
  local start end
  start=$(date +%s.%N)
  curl -sf -u demo:demo -F "file=@$CSV" "$BENCH_URL/api/imports/opportunity.closed_lost" > target/bench-import-report.json
  end=$(date +%s.%N)
  local rows
  rows=$(( $(inserts) - before ))
  head -c 200 target/bench-import-report.json; echo
  awk -v n="$N" -v s="$start" -v e="$end" -v x="$executor" -v r="$rows" \
    'BEGIN { printf "job executor %s: imported %d rows in %.2f s = %.1f rows/s; %.1f database rows inserted per started instance by then\n", x, n, e - s, n / (e - s), r / n }'
  kill "$BENCH_APP_PID"
  wait "$BENCH_APP_PID" 2>/dev/null || true
}

# off: the import alone; on: the import while the agents work on what it started
run_import off
if [ "${IMPORT_EXECUTOR_ON:-yes}" = yes ]; then
  run_import on
fi
