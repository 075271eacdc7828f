#!/usr/bin/env bash
# Benchmarks, measured side by side in one run (machines here are noisy: compare ratios, not runs).
#   bash bench/run.sh            # COLD=9 samples per cold-start variant, WARM=2000 rounds
# Starts its own seeded local API (DynamoDB Local on loopback :8500, API on :3500) and stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
COLD=${COLD:-9}
WARM=${WARM:-2000}
work=$(mktemp -d)
api=
cleanup() { [ -n "$api" ] && kill -- "-$api" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

make -s build >/dev/null
PORT=3500 DYNAMODB_PORT=8500 setsid make -s local > "$work/local.log" 2>&1 &
api=$!
for _ in $(seq 120); do grep -q "Local API:" "$work/local.log" && break; sleep 1; done
grep -q "Local API:" "$work/local.log" || { cat "$work/local.log"; exit 1; }
ID=76d4847c855c7079
CP="bench/target/news-bench-1.0.0.jar:$(ls bench/target/lib/*.jar | tr '\n' ':')"
PROPS=(-DTABLE_NAME=news-local -DDYNAMODB_ENDPOINT=http://127.0.0.1:8500 -DAWS_REGION=us-east-1)
FAST=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)

echo "AOT training run (JDK 25 -XX:AOTCacheOutput)..." >&2
java -XX:AOTCacheOutput="$work/handler.aot" "${PROPS[@]}" -cp "$CP" com.newsapi.bench.HandlerMain $ID > /dev/null 2>&1
java -XX:AOTCacheOutput="$work/handler-fast.aot" "${FAST[@]}" "${PROPS[@]}" -cp "$CP" com.newsapi.bench.HandlerMain $ID > /dev/null 2>&1

declare -A VARIANTS=(
  [floor]="com.newsapi.bench.FloorMain"
  [reference]="com.newsapi.bench.ReferenceMain"
  [handler]="com.newsapi.bench.HandlerMain"
  [handler+C1+SerialGC]="${FAST[*]} com.newsapi.bench.HandlerMain"
  [handler+AOT]="-XX:AOTCache=$work/handler.aot com.newsapi.bench.HandlerMain"
  [handler+AOT+C1+SerialGC]="-XX:AOTCache=$work/handler-fast.aot ${FAST[*]} com.newsapi.bench.HandlerMain"
)
ORDER=(floor reference handler handler+C1+SerialGC handler+AOT handler+AOT+C1+SerialGC)
for name in "${ORDER[@]}"; do : > "$work/$name.ms"; done
echo "cold starts: $COLD rounds, variants interleaved..." >&2
for round in $(seq "$COLD"); do
  for name in "${ORDER[@]}"; do
    read -r -a argv <<< "${VARIANTS[$name]}"
    main="${argv[-1]}"; unset 'argv[-1]'
    start=$(date +%s%N)
    java "${argv[@]}" "${PROPS[@]}" -cp "$CP" "$main" $ID > "$work/out" 2>&1 || { cat "$work/out"; exit 1; }
    echo $(( ($(date +%s%N) - start) / 1000000 )) >> "$work/$name.ms"
  done
done
median() { sort -n "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
floor=$(median "$work/floor.ms"); reference=$(median "$work/reference.ms")
echo
echo "### Cold start: fresh JVM, one GET /articles/{id} against DynamoDB Local (median of $COLD, ms)"
echo
echo "| variant | median | × floor | × reference |"
echo "| --- | ---: | ---: | ---: |"
for name in "${ORDER[@]}"; do
  m=$(median "$work/$name.ms")
  awk -v n="$name" -v m="$m" -v f="$floor" -v r="$reference" 'BEGIN {printf "| %s | %d | %.2f | %.2f |\n", n, m, m/f, m/r}'
done
echo
echo "### Warm: per request in one JVM, $WARM interleaved rounds after warm-up"
echo
echo "| request | ours median | ours p99 | raw SDK median | raw SDK p99 | overhead (median) |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
java "${PROPS[@]}" -cp "$CP" com.newsapi.bench.WarmMain $ID "$WARM" 2>/dev/null
echo
echo "### Deployment packages (sam build, .aws-sam/build)"
echo
if [ -d .aws-sam/build ]; then
  echo "| function | size |"
  echo "| --- | ---: |"
  for fn in .aws-sam/build/*/; do
    [ -d "$fn/lib" ] || continue
    echo "| $(basename "$fn") | $(du -sh "$fn" | cut -f1) |"
  done
else
  echo "(run \`sam build\` first)"
fi
if command -v wrk >/dev/null; then
  echo
  echo "### Local API under load (wrk, 2 threads, 16 connections, 10 s each, loopback)"
  echo
  echo '```'
  wrk -t2 -c16 -d10s --latency "http://127.0.0.1:3500/articles?limit=20" | grep -E "Requests/sec|99%|Non-2xx|Socket errors|requests in"
  wrk -t2 -c16 -d10s --latency "http://127.0.0.1:3500/articles/$ID" | grep -E "Requests/sec|99%|Non-2xx|Socket errors|requests in"
  echo '```'
fi
