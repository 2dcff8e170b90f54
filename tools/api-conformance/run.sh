#!/usr/bin/env bash
# Checks the running product against its own OpenAPI document with schemathesis: starts Custodia on the simulator
# with its demo tenant in a fresh data directory, signs in as the demo tenant's administrator (Giulia Rossi, through the
# development sign-in), accepts the licence terms and lets schemathesis call every operation of /api/v1/openapi.json.
# Fails on any server error, any status the document does not list, any answer outside its schema or media type.
# Needs a built product (`npm run build`) and python3 with venv; installs the pinned schemathesis itself.
set -euo pipefail
cd "$(dirname "$0")/../.."

port=${API_CONFORMANCE_PORT:-3995}
simulator_port=${API_CONFORMANCE_SIMULATOR_PORT:-5095}
max_examples=${API_CONFORMANCE_MAX_EXAMPLES:-8}
seed=${API_CONFORMANCE_SEED:-19}
# Outside the repository (lint and search never see it), one per requirements file, so a new pin installs afresh.
requirements_sum=$(sha256sum tools/api-conformance/requirements.txt | cut -c1-12)
venv=${API_CONFORMANCE_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/custodia/api-conformance-$requirements_sum}
base="http://127.0.0.1:$port"

if [ ! -x "$venv/bin/schemathesis" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r tools/api-conformance/requirements.txt
fi

data_dir=$(mktemp -d)
log="$data_dir/custodia.log"
product=""
stop() {
  if [ -n "$product" ]; then kill "$product" 2>/dev/null && wait "$product" 2>/dev/null || true; fi
  rm -rf "$data_dir"
}
trap stop EXIT

PORT=$port SIMULATOR_PORT=$simulator_port DATA_DIR="$data_dir" LOG_LEVEL=warn \
  node_modules/.bin/node teams-app/dist/main.js >"$log" 2>&1 &
product=$!
for _ in $(seq 1 180); do
  curl -fsS "$base/healthz" >/dev/null 2>&1 && break
  kill -0 "$product" 2>/dev/null || { cat "$log" >&2; echo "api-conformance: Custodia did not start" >&2; exit 1; }
  sleep 1
done
curl -fsS "$base/healthz" >/dev/null || { cat "$log" >&2; echo "api-conformance: Custodia not healthy in 180 s" >&2; exit 1; }

json_field() { node_modules/.bin/node -e "let s='';process.stdin.on('data',c=>s+=c).on('end',()=>console.log(JSON.parse(s)[process.argv[1]]))" "$1"; }
token=$(curl -fsS -X POST -H 'content-type: application/json' \
  -d '{"userPrincipalName":"giulia.rossi@officinebrambilla.onmicrosoft.com"}' "$base/dev/sign-in" | json_field token)
terms=$(curl -fsS -H "authorization: Bearer $token" "$base/api/v1/terms" | json_field version)
curl -fsS -X POST -H "authorization: Bearer $token" -H 'content-type: application/json' \
  -d "{\"version\":\"$terms\"}" "$base/api/v1/terms/acceptance" >/dev/null

# Schemathesis closes its report as pytest closes a session ("===== 3 warnings in 142.37s =====") and CI reads such a
# line as a test run that ran nothing; the report's banners are printed as "-- 3 warnings in 142.37s --" instead.
run_schemathesis() {
  # A bound for CI: the run takes 3 minutes on two idle cores, 9 while a full test run shares them.
  timeout 900 "$venv/bin/schemathesis" run "$base/api/v1/openapi.json" \
    --url "$base" \
    --header "Authorization: Bearer $token" \
    --checks not_a_server_error,status_code_conformance,response_schema_conformance,content_type_conformance \
    --phases examples,coverage,fuzzing \
    --max-examples "$max_examples" \
    --seed "$seed" \
    --workers 2 \
    --request-timeout 30 \
    --max-failures 50 \
    "$@" | sed -E 's/^=+ (.*[^=]) =+$/-- \1 --/'
}
# Two passes: changing or revoking portal users runs last, so that an administrator it demotes (possible once another
# pass has invited a second one) cannot turn the rest of the run into 403s.
started=$(date +%s)
run_schemathesis --exclude-operation-id portalUsers.update --exclude-operation-id portalUsers.revoke "$@"
run_schemathesis --include-operation-id portalUsers.update --include-operation-id portalUsers.revoke "$@"
echo "api-conformance: schemathesis took $(( $(date +%s) - started )) s"
if grep -q '"level":[56]0' "$log"; then
  grep '"level":[56]0' "$log" >&2
  echo "api-conformance: Custodia logged errors during the run" >&2
  exit 1
fi
