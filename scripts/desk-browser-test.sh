#!/usr/bin/env bash
# The desk page in headless Chromium: installs what is missing (Debian's chromium, the pinned
# playwright-core from local/desk-test/package-lock.json), starts the seeded local API on loopback
# on free ports, and runs local/desk-test/desk-test.mjs against it, which signs in through the local
# API's own code + PKCE flow and writes screenshots to docs/desk/. Stops the API it started.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh

if [ ! -x /usr/bin/chromium ]; then
  echo "installing Debian's chromium and chromium-driver"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q chromium chromium-driver
fi
/usr/bin/chromium --version 2>/dev/null | head -1 || true
(cd local/desk-test && npm ci --no-audit --no-fund --silent)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
PORT=${PORT:-$(free_port)}
log=$(mktemp)
# Its own process group, so stopping it stops exactly what this script started. RATE_LIMITS=off:
# the scenario's writes come faster than a person's; RateLimitTest covers throttling.
PORT=$PORT DYNAMODB_PORT=0 RATE_LIMITS=off setsid make -s local > "$log" 2>&1 &
api=$!
trap 'kill -- -$api 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 120); do
  grep -q "Local API:" "$log" && break
  kill -0 $api 2>/dev/null || { cat "$log"; echo "local API died"; exit 1; }
  sleep 1
done
grep "Local API:" "$log"
BASE_URL="http://127.0.0.1:$PORT" SCREENSHOTS="${SCREENSHOTS:-docs/desk}" node local/desk-test/desk-test.mjs
# A 5xx is logged as one JSON line with level ERROR (com.newsapi.http.RequestLog).
if grep -q '"level":"ERROR"' "$log"; then
  grep '"level":"ERROR"' "$log" | head -3 | cut -c1-2000; echo "the local API answered a request with a 5xx"; exit 1
fi
