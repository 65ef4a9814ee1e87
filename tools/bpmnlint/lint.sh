#!/usr/bin/env bash
# bpmnlint (recommended + camunda-compat 7.24) over the shipped processes; errors fail the build, warnings are printed.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
npx --no-install bpmnlint ../../processes/*.bpmn
echo "bpmnlint: no errors in $(ls ../../processes/*.bpmn | wc -l) processes"
