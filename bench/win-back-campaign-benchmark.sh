#!/usr/bin/env bash
# A win-back campaign of N customers on PostgreSQL, from the webhook to the last email received by
# a local SMTP server, job executor on, LLM (fake Ollama) answering at once (not a test).
# The whole benchmark JVM (app, SMTP server, fake Ollama) runs in a 1 GB heap.
# usage: bench/win-back-campaign-benchmark.sh [N=10000]
set -euo pipefail
cd "$(dirname "$0")/.."
DB=circuitos_bench_winback
psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB" -c "create database $DB"
mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -Xmx1g -Dai.djl.offline=true -Dweka.packageManager.loadPackages=false -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.circuitos.bench.WinBackCampaignBenchmark "jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres" "${1:-10000}" 2>&1 | grep -E '^win-back campaign'
