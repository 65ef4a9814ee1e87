#!/usr/bin/env bash
# Bulk import benchmark on PostgreSQL (not a test): uploads a generated CSV of N closed-lost
# opportunities to POST /api/imports/opportunity.closed_lost and prints rows/s.
# usage: bench/import-benchmark.sh [N=5000]
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
# the job executor stays off so the figure is the import alone, not the agents' work after it
bench_start_app --camunda.bpm.job-execution.enabled=false
START=$(date +%s.%N)
curl -sf -u demo:demo -F "file=@$CSV" "$BENCH_URL/api/imports/opportunity.closed_lost" > target/bench-import-report.json
END=$(date +%s.%N)
cat target/bench-import-report.json | head -c 300; echo
awk -v n="$N" -v s="$START" -v e="$END" 'BEGIN { printf "imported %d rows in %.2f s = %.1f rows/s\n", n, e - s, n / (e - s) }'
