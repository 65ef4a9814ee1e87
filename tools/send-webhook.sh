#!/usr/bin/env bash
# Sends one signed Standard Webhooks event to circuitos: tools/send-webhook.sh <source> <event.json> [base-url]
#   source     crm, forms, helpdesk, billing, email or chat (the route's allowed source)
#   event.json one event object {"type", "timestamp", "data"}; tools/events/ has one per route
#   base-url   default http://localhost:8080
# The secret is CIRCUITOS_WEBHOOKS_SOURCES_<SOURCE>_SECRET when set, else the source's DEMO secret of the
# embedded default. WEBHOOK_ID overrides the generated webhook-id (send the same id twice to see "duplicate": true).
# Needs bash, curl, openssl, base64 and xxd; nothing else.
set -euo pipefail

if [ $# -lt 2 ]; then
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
source_name=$1
event_file=$2
base_url=${3:-http://localhost:8080}

demo_secret() {   # DEMO VALUES of src/main/resources/application.yaml (embedded default only)
  case $1 in
    crm)      echo whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1jcm0tc2VjcmV0LTAx ;;
    forms)    echo whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1mb3Jtcy1zZWNyZXQtMDE= ;;
    helpdesk) echo whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1oZWxwZGVzay1zZWNyZXQtMDE= ;;
    billing)  echo whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1iaWxsaW5nLXNlY3JldC0wMQ== ;;
    email)    echo whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1lbWFpbC1zZWNyZXQtMDE= ;;
    chat)     echo whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1jaGF0LXNlY3JldC0wMQ== ;;
    *)        echo "unknown source '$1': crm, forms, helpdesk, billing, email or chat" >&2; exit 2 ;;
  esac
}

variable="CIRCUITOS_WEBHOOKS_SOURCES_$(printf '%s' "$source_name" | tr '[:lower:]-' '[:upper:]_')_SECRET"
secret=${!variable:-$(demo_secret "$source_name")}
body=$(cat "$event_file")
id=${WEBHOOK_ID:-msg_$(date +%s%N)}
timestamp=$(date +%s)
key=$(printf '%s' "${secret#whsec_}" | base64 -d | xxd -p -c 256)
signature=$(printf '%s' "$id.$timestamp.$body" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key" -binary | base64 -w 0)

curl -sS -w '\nHTTP %{http_code}\n' "$base_url/api/webhooks/$source_name" -H 'content-type: application/json' \
  -H "webhook-id: $id" -H "webhook-timestamp: $timestamp" -H "webhook-signature: v1,$signature" --data-binary "$body"
