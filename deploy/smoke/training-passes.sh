#!/usr/bin/env bash
# Smoke test of the Training Passes flow through the gateway of a running local stack
# (deploy/suite up): from an empty system to a contact reading their pass at /me/passes.
# Prints each step; exits non-zero at the first unexpected answer.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd -P)"
suite="$here/../suite"
api="${GATEWAY_URL:-http://localhost:8080}/api"
run="$(date +%s)-$RANDOM"

admin="$("$suite" token --subject "smoke-admin" --role ADMIN)"

# call METHOD PATH [BODY] -> prints the body; fails unless the status is 2xx
call() {
  local method="$1" path="$2" body="${3:-}" out status
  out="$(mktemp)"
  status="$(curl -sS -o "$out" -w '%{http_code}' -X "$method" "$api$path" \
    -H "Authorization: Bearer ${TOKEN:-$admin}" -H 'Content-Type: application/json' ${body:+-d "$body"})"
  if [[ $status != 2* ]]; then
    echo "FAILED: $method $path -> $status $(cat "$out")" >&2
    rm -f "$out"; exit 1
  fi
  cat "$out"; rm -f "$out"
}
field() { python3 -c 'import json,sys; print(json.load(sys.stdin)'"$1"')'; }

echo "1. directory: an account and a contact"
account="$(call POST /directory/accounts "{\"name\": \"Smoke Co $run\"}" | field '["id"]')"
contact="smoke-contact-$run"
call POST /directory/people "{\"id\": \"$contact\", \"name\": \"Sam Smoke\", \"email\": \"$contact@example.org\", \"accountId\": \"$account\"}" >/dev/null
echo "   account $account, contact $contact"

echo "2. a pass type with an option, a price and two included items, published"
type="$(call POST /training-passes/pass-types "{\"code\": \"S${run: -8}\", \"name\": \"All Access $run\", \"description\": \"Smoke\"}" | field '["id"]')"
option="$(call POST "/training-passes/pass-types/$type/options" '{"name": "Annual", "periodValue": 12, "periodUnit": "MONTHS"}' | field '["optionId"]')"
call POST "/training-passes/pass-types/$type/options/$option/prices" '{"region": "EU", "method": "CURRENCY", "currency": "EUR", "amount": 990.00}' >/dev/null
call POST "/training-passes/pass-types/$type/options/$option/publish" >/dev/null
call POST "/training-passes/pass-types/$type/items" '{"items": [
  {"itemId": "course-101", "itemType": "COURSE", "title": "Fire Safety"},
  {"itemId": "path-7", "itemType": "LEARNING_PATH", "title": "New Manager Path"}]}' >/dev/null
status="$(call POST "/training-passes/pass-types/$type/publish" | field '["status"]')"
echo "   pass type $type: $status"

echo "3. issue it to the contact (waiting for the directory's events to reach training passes)"
for attempt in $(seq 1 30); do
  if pass="$(call POST /training-passes/passes "{\"passTypeId\": \"$type\", \"optionId\": \"$option\", \"accountId\": \"$account\", \"contactId\": \"$contact\"}" 2>/dev/null | field '["id"]')"; then
    break
  fi
  pass=""; sleep 1
done
[[ -n $pass ]] || { echo "FAILED: could not issue the pass" >&2; exit 1; }
echo "   pass $pass"

echo "4. the contact's own token sees it at /me/passes"
TOKEN="$("$suite" token --subject "$contact" --role LEARNER)"
mine="$(TOKEN="$TOKEN" call GET /training-passes/me/passes)"
echo "   $mine"
python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert d["totalItems"]==1 and d["items"][0]["id"]==sys.argv[2] and d["items"][0]["status"]=="ACTIVE", d' "$mine" "$pass"
access="$(TOKEN="$TOKEN" call GET "/training-passes/me/access?itemId=course-101" | field '["granted"]')"
echo "   access to course-101 through the pass: $access"
[[ $access == True ]]
echo "OK"
