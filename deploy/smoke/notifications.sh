#!/usr/bin/env bash
# Smoke test of notifications through the gateway of a running local stack (deploy/suite up): a template
# and an ISSUED trigger on a new pass type; a pass issued to a learner of an account; the message reaches
# the stack's SMTP server and the learner sees it at /me/notifications. A template with an unknown
# placeholder is refused. Exits non-zero at the first unexpected answer.
set -euo pipefail
RETRIES=60   # the sender runs every 30 s
source "$(dirname "$0")/lib.sh"

echo "1. a template with an unknown placeholder is refused"
status="$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$api/notifications/templates" -H "Authorization: Bearer $admin" \
  -H 'Content-Type: application/json' -d '{"name": "bad '"$run"'", "subject": "x", "body": "{{pass.colour}}"}')"
[[ $status == 400 ]]

echo "2. a pass type, and an ISSUED trigger on it"
type="$(call "$admin" POST /training-passes/pass-types "{\"code\": \"N${run: -8}\", \"name\": \"Notified pass $run\"}" | json '["id"]')"
option="$(call "$admin" POST "/training-passes/pass-types/$type/options" '{"name": "Annual", "periodValue": 12, "periodUnit": "MONTHS"}' | json '["optionId"]')"
call "$admin" POST "/training-passes/pass-types/$type/options/$option/prices" '{"region": "EU", "method": "TRAINING_TOKENS", "amount": 10}' >/dev/null
call "$admin" POST "/training-passes/pass-types/$type/options/$option/publish" >/dev/null
call "$admin" POST "/training-passes/pass-types/$type/publish" >/dev/null
template="$(call "$admin" POST /notifications/templates "{\"name\": \"Welcome $run\", \"subject\": \"Your {{pass.type}} is ready\", \"body\": \"Dear {{person.name}}, your pass expires on {{pass.expiresOn}}.\"}" | json '["id"]')"
call "$admin" POST /notifications/triggers "{\"name\": \"Pass issued $run\", \"abbreviation\": \"I${run: -8}\", \"templateId\": \"$template\", \"fromAddress\": \"training@example.org\", \"target\": \"TRAINING_PASS\", \"event\": \"ISSUED\", \"passTypeIds\": [\"$type\"]}" >/dev/null

echo "3. a learner of an account is issued a pass"
account="$(call "$admin" POST /directory/accounts "{\"name\": \"Notify $run\"}" | json '["id"]')"
learner="smoke-mail-$run"
call "$admin" POST /directory/people "{\"id\": \"$learner\", \"name\": \"Mel Smoke\", \"email\": \"$learner@example.org\", \"accountId\": \"$account\"}" >/dev/null
issue() { call "$admin" POST /training-passes/passes "{\"passTypeId\": \"$type\", \"optionId\": \"$option\", \"accountId\": \"$account\", \"contactId\": \"$learner\"}" 2>/dev/null; }
retry issue >/dev/null

echo "4. the message reaches the SMTP server, and the learner's notifications"
me="$("$suite" token --subject "$learner" --role LEARNER)"
received() { "$suite" mail "$learner@example.org" 2>/dev/null | grep -q "Notified pass $run is ready"; }
retry received
[[ "$(call "$me" GET /notifications/me/notifications | json '["items"][0]["subject"]')" == "Your Notified pass $run is ready" ]]
[[ "$(call "$admin" GET "/notifications/messages?personId=$learner" | json '["items"][0]["state"]')" == SENT ]]
echo "OK"
