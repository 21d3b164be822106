#!/usr/bin/env bash
# Smoke test of the reports through the gateway of a running local stack (deploy/suite up): a pass issued
# through training-pass-service shows in the pass report; a CSV export streams; a rebuild from the topics
# answers the same page. Exits non-zero at the first unexpected answer.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

echo "1. a pass type, an account and a contact; a pass issued"
type="$(call "$admin" POST /training-passes/pass-types "{\"code\": \"R${run: -8}\", \"name\": \"Reported pass $run\"}" | json '["id"]')"
option="$(call "$admin" POST "/training-passes/pass-types/$type/options" '{"name": "Annual", "periodValue": 12, "periodUnit": "MONTHS"}' | json '["optionId"]')"
call "$admin" POST "/training-passes/pass-types/$type/options/$option/prices" '{"region": "EU", "method": "TRAINING_TOKENS", "amount": 10}' >/dev/null
call "$admin" POST "/training-passes/pass-types/$type/options/$option/publish" >/dev/null
call "$admin" POST "/training-passes/pass-types/$type/publish" >/dev/null
account="$(call "$admin" POST /directory/accounts "{\"name\": \"Reported $run\"}" | json '["id"]')"
contact="smoke-report-$run"
call "$admin" POST /directory/people "{\"id\": \"$contact\", \"name\": \"Rae Smoke\", \"email\": \"$contact@example.org\", \"accountId\": \"$account\"}" >/dev/null
issue() { call "$admin" POST /training-passes/passes "{\"passTypeId\": \"$type\", \"optionId\": \"$option\", \"accountId\": \"$account\", \"contactId\": \"$contact\"}" 2>/dev/null; }
pass="$(retry issue | json '["id"]')"

echo "2. the pass report shows it, with its account and contact"
shown() { [[ "$(call "$admin" GET "/reports/reports/passes?passTypeId=$type" | json '["items"][0]["contactName"]')" == "Rae Smoke" ]]; }
retry shown
page="$(call "$admin" GET "/reports/reports/passes?passTypeId=$type")"
[[ "$(echo "$page" | json '["items"][0]["passId"]')" == "$pass" ]]
[[ "$(echo "$page" | json '["items"][0]["accountName"]')" == "Reported $run" ]]
echo "3. the CSV export"
csv="$(curl -fsS "$api/reports/reports/passes?passTypeId=$type&format=csv" -H "Authorization: Bearer $admin")"
[[ "$(echo "$csv" | head -1 | tr -d '\r')" == passId,passTypeId,passType,accountId,accountName,contactId,contactName,status,issuedOn,expiresOn,daysLeft,enrollments,renewals ]]
echo "$csv" | grep -q "^$pass,"
echo "4. a rebuild from the topics answers the same"
call "$admin" POST /reports/admin/rebuild | json '["events"]' >/dev/null
[[ "$(call "$admin" GET "/reports/reports/passes?passTypeId=$type" | json '["items"]')" == "$(echo "$page" | json '["items"]')" ]]
echo "OK"
