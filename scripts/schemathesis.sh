#!/usr/bin/env bash
# Runs schemathesis (every check, see schemathesis.toml) against a freshly started local API with an
# editor's token, then stops the API. Fails on any server error or schema violation.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
PORT=${PORT:-3300}
DYNAMODB_PORT=${DYNAMODB_PORT:-8300}
log=$(mktemp)
# Its own process group, so stopping it stops exactly what this script started. RATE_LIMITS=off:
# schemathesis sends bursts far above the template's write throttling (20/s, burst 40), and a 429
# there would stand in for the answer under test (e.g. its 401 check); RateLimitTest covers the 429.
PORT=$PORT DYNAMODB_PORT=$DYNAMODB_PORT RATE_LIMITS=off setsid make -s local > "$log" 2>&1 &
api=$!
trap 'kill -- -$api 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 120); do
  grep -q "Local API:" "$log" && break
  kill -0 $api 2>/dev/null || { cat "$log"; echo "local API died"; exit 1; }
  sleep 1
done
grep "Local API:" "$log"
token=$(make -s token 2>/dev/null)
schemathesis --config-file schemathesis.toml run openapi.yaml --url "http://127.0.0.1:$PORT" \
  -H "Authorization: Bearer $token" --max-examples "${MAX_EXAMPLES:-50}" --seed "${SEED:-1}"
# A 5xx is logged as one JSON line with level ERROR (com.newsapi.http.RequestLog).
if grep -q '"level":"ERROR"' "$log"; then
  grep '"level":"ERROR"' "$log" | head -3 | cut -c1-2000; echo "the local API answered a request with a 5xx"; exit 1
fi
