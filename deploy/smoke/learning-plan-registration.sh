#!/usr/bin/env bash
# Smoke test across catalog and learning plans, through the gateway of a running local stack
# (deploy/suite up): a plan offered in a catalog with an auto-registered milestone, a learner who registers
# (learning-plan-service enrolls them through catalog-service with its own service token), sees the
# enrollments in their catalog, completes one, sees the progress, and an admin deleting the registration
# cancels what the plan enrolled. Exits non-zero at the first unexpected answer.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

echo "1. two published activities in the catalog"
one="$(call "$admin" POST /catalog/programs "{\"type\": \"ACTIVITY\", \"delivery\": \"ONLINE\", \"title\": \"Plan module A $run\", \"credits\": 1}" | json '["id"]')"
two="$(call "$admin" POST /catalog/programs "{\"type\": \"ACTIVITY\", \"delivery\": \"ONLINE\", \"title\": \"Plan module B $run\", \"credits\": 1}" | json '["id"]')"
call "$admin" POST "/catalog/programs/$one/publish" >/dev/null
call "$admin" POST "/catalog/programs/$two/publish" >/dev/null

echo "2. an ENFORCED, auto-registering plan offered in a catalog, its milestone requiring both"
catalog="$(call "$admin" POST /catalog/catalogs "{\"name\": \"Smoke plans $run\"}" | json '["id"]')"
plan="$(call "$admin" POST /learning-plans/plans "{\"name\": \"Smoke plan $run\", \"registrationType\": \"ENFORCED\", \"autoRegister\": true, \"catalogIds\": [\"$catalog\"]}" | json '["id"]')"
milestone="$(call "$admin" POST "/learning-plans/plans/$plan/milestones" '{"name": "Basics", "metric": "SESSIONS", "unitsRequired": 2}' | json '["milestoneId"]')"
link() { call "$admin" POST "/learning-plans/plans/$plan/milestones/$milestone/programs" "{\"programIds\": [\"$one\", \"$two\"]}" >/dev/null 2>&1; }
retry link
call "$admin" POST "/learning-plans/plans/$plan/publish" >/dev/null

learner="smoke-planner-$run"
me="$("$suite" token --subject "$learner" --role LEARNER)"
echo "3. the learner's registration opens at the review step and Complete registers them"
[[ "$(call "$me" GET "/learning-plans/me/learning-plans/$plan/registration" | json '["nextStep"]')" == REVIEW ]]
[[ "$(call "$me" POST "/learning-plans/me/learning-plans/$plan/registration/complete" | json '["status"]')" == REGISTERED ]]
enrolled="$(call "$me" GET /catalog/me/enrollments)"
[[ "$(echo "$enrolled" | json '["totalItems"]')" == 2 ]]
[[ "$(echo "$enrolled" | json '["items"][0]["source"]')" == LEARNING_PLAN ]]
echo "   enrolled on both, source LEARNING_PLAN"

echo "4. a completion counts towards the milestone"
call "$admin" POST /catalog/completions "{\"personId\": \"$learner\", \"programId\": \"$one\"}" >/dev/null
earned() { [[ "$(call "$me" GET /learning-plans/me/learning-plans | json '[0]["milestones"][0]["unitsEarned"]')" == 1 ]]; }
retry earned

echo "5. deleting the registration cancels what the plan enrolled (the completed one stays completed)"
deleted="$(call "$admin" DELETE "/learning-plans/plans/$plan/registrations/$learner")"
[[ "$(echo "$deleted" | json '["cancelledEnrollmentIds"].__len__()')" == 1 ]]
left="$(call "$me" GET /catalog/me/enrollments | python3 -c 'import json,sys; print(",".join(sorted(e["status"] for e in json.load(sys.stdin)["items"])))')"
[[ $left == CANCELLED,COMPLETED ]]
echo "OK"
