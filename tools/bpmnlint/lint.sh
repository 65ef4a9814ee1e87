#!/usr/bin/env bash
# bpmnlint (recommended + camunda-compat 7.24) over the shipped processes, and the element templates
# against Camunda's JSON schema; errors fail the build, bpmnlint's warnings are printed.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
npx --no-install bpmnlint ../../processes/*.bpmn
echo "bpmnlint: no errors in $(ls ../../processes/*.bpmn | wc -l) processes"
node validate-element-templates.js
