#!/usr/bin/env bash
# Customer import benchmark on PostgreSQL (not a test): the Telco churn file repeated COPIES times
# with fresh customer ids, uploaded to POST /api/imports/customers; prints rows/s for a first import
# (inserts) and for the same file again (updates). Target: >= 5,000 rows/s.
# usage: bench/customer-import-benchmark.sh [COPIES=10] [TELCO=data/telco-customer-churn.csv]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
COPIES=${1:-10}
TELCO=${2:-data/telco-customer-churn.csv}

CSV=target/bench-customers.csv
awk -F, -v OFS=, -v copies="$COPIES" 'NR == 1 { print; next } { rows[++n] = $0 }
  END { for (c = 1; c <= copies; c++) for (i = 1; i <= n; i++) { $0 = rows[i]; $1 = $1 "-" c; print } }' "$TELCO" > "$CSV"
N=$(( $(wc -l < "$CSV") - 1 ))
bench_start_app --camunda.bpm.job-execution.enabled=false
for pass in insert update; do
  START=$(date +%s.%N)
  curl -sf -u demo:demo -F "file=@$CSV" "$BENCH_URL/api/imports/customers" > target/bench-customers-report.json
  END=$(date +%s.%N)
  head -c 200 target/bench-customers-report.json; echo
  awk -v n="$N" -v s="$START" -v e="$END" -v p="$pass" 'BEGIN { printf "%s: %d rows in %.2f s = %.0f rows/s\n", p, n, e - s, n / (e - s) }'
done
