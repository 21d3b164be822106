# Shared by the smoke tests: sourced, not run. Sets suite, api, run and admin, and defines call, json
# and retry. Needs a running local stack (deploy/suite up).
here="$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd -P)"
suite="$here/../suite"
api="${GATEWAY_URL:-http://localhost:8080}/api"
run="$(date +%s)-$RANDOM"
admin="$("$suite" token --subject smoke-admin --role ADMIN)"

# call TOKEN METHOD PATH [BODY] -> prints the body; fails unless the status is 2xx
call() {
  local token="$1" method="$2" path="$3" body="${4:-}" out status
  out="$(mktemp)"
  status="$(curl -sS -o "$out" -w '%{http_code}' -X "$method" "$api$path" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' ${body:+-d "$body"})"
  if [[ $status != 2* ]]; then
    echo "FAILED: $method $path -> $status $(cat "$out")" >&2; rm -f "$out"; exit 1
  fi
  cat "$out"; rm -f "$out"
}
# json EXPR: prints the EXPR (e.g. '["id"]') of the JSON on stdin
json() { python3 -c 'import json,sys; print(json.load(sys.stdin)'"$1"')'; }
# retry CMD...: events travel between services; try for RETRIES seconds (default 20)
retry() { for _ in $(seq 1 "${RETRIES:-20}"); do if "$@"; then return 0; fi; sleep 1; done; "$@"; }
