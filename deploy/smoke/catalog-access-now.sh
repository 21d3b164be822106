#!/usr/bin/env bash
# Smoke test across catalog, training passes and directory, through the gateway of a running local stack
# (deploy/suite up): a pass includes a program, the learner sees the green badge, books it with Access Now,
# the access decision names the pass, and cancelling the pass revokes the booking.
# Exits non-zero at the first unexpected answer.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

echo "1. a published program in the catalog"
program="$(call "$admin" POST /catalog/programs "{\"type\": \"ACTIVITY\", \"delivery\": \"ONLINE\", \"title\": \"Smoke module $run\", \"credits\": 1}" | json '["id"]')"
call "$admin" POST "/catalog/programs/$program/publish" >/dev/null

echo "2. a learner in an account, and a pass type including the program, issued to them"
account="$(call "$admin" POST /directory/accounts "{\"name\": \"Smoke $run\"}" | json '["id"]')"
learner="smoke-learner-$run"
call "$admin" POST /directory/people "{\"id\": \"$learner\", \"name\": \"Lee Smoke\", \"email\": \"$learner@example.org\", \"accountId\": \"$account\"}" >/dev/null
type="$(call "$admin" POST /training-passes/pass-types "{\"code\": \"C${run: -8}\", \"name\": \"Smoke pass $run\"}" | json '["id"]')"
option="$(call "$admin" POST "/training-passes/pass-types/$type/options" '{"name": "Annual", "periodValue": 12, "periodUnit": "MONTHS"}' | json '["optionId"]')"
call "$admin" POST "/training-passes/pass-types/$type/options/$option/prices" '{"region": "EU", "method": "TRAINING_TOKENS", "amount": 10}' >/dev/null
call "$admin" POST "/training-passes/pass-types/$type/options/$option/publish" >/dev/null
call "$admin" POST "/training-passes/pass-types/$type/items" "{\"items\": [{\"itemId\": \"$program\", \"itemType\": \"COURSE\", \"title\": \"Smoke module\"}]}" >/dev/null
call "$admin" POST "/training-passes/pass-types/$type/publish" >/dev/null
issue() { call "$admin" POST /training-passes/passes "{\"passTypeId\": \"$type\", \"optionId\": \"$option\", \"accountId\": \"$account\", \"contactId\": \"$learner\"}" 2>/dev/null; }
pass="$(retry issue | json '["id"]')"
echo "   pass $pass"

me="$("$suite" token --subject "$learner" --role LEARNER)"
green() { [[ "$(call "$me" GET "/catalog/me/catalog?q=smoke+module+$run" | json '["items"][0]["passBadge"]')" == INCLUDED_IN_MY_PASS ]]; }
echo "3. the learner's catalog shows the green badge"
retry green
echo "4. Access Now books it through the pass"
enrollment="$(call "$me" POST /catalog/me/enrollments/access-now "{\"programId\": \"$program\"}")"
[[ "$(echo "$enrollment" | json '["sourceId"]')" == "$pass" ]]
decided="$(call "$me" GET "/catalog/me/access-decisions?programId=$program" | json '["decidedBy"]["id"]')"
[[ $decided == "$pass" ]]
echo "   access decided by the pass"
echo "5. cancelling the pass revokes the booking"
call "$admin" POST "/training-passes/passes/$pass/cancel" '{"confirm": true}' >/dev/null
revoked() { [[ "$(call "$me" GET /catalog/me/enrollments | json '["items"][0]["status"]')" == REVOKED ]]; }
retry revoked
echo "OK"
