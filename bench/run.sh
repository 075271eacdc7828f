#!/usr/bin/env bash
# Benchmarks, measured side by side in one run (machines here are noisy: compare ratios, not runs).
#   bash bench/run.sh            # COLD=9 samples per cold-start variant, WARM=2000 rounds
#   ONLY=loader,clients bash bench/run.sh    # only these sections, of: cold warm priming compression packages wrk publisher loader clients
# cold, warm and wrk start their own seeded local API (the local engine, Dynoxide, on loopback :8500, API
# on :3500); loader and clients start an engine of their own on a free port. All are stopped at the end.
# DYNAMODB_ENDPOINT=<url> runs every section against an engine you started yourself instead.
# BUILD=0 skips the build (the jars of the last one are used).
# Each section's tables replace its generated block in bench/README.md (between <!-- bench/run.sh SECTION: begin -->
# and its end marker, with a line saying when and how loaded the machine was); WRITE_README=0 prints them only.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
COLD=${COLD:-9}
WARM=${WARM:-2000}
ONLY=${ONLY:-}
# An article is ~75 items, so the runs against the engine are kept small; the null-backend runs go
# to 10,000 articles.
LOADER_ARTICLES=${LOADER_ARTICLES:-600}
LOADER_ROUNDS=${LOADER_ROUNDS:-3}
work=$(mktemp -d)
api=
dynamo=
cleanup() {
  [ -n "$api" ] && kill -- "-$api" 2>/dev/null
  [ -n "$dynamo" ] && kill "$dynamo" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
want() { [ -z "$ONLY" ] || [[ ",$ONLY," == *",$1,"* ]]; }
# The handlers print one JSON log line per request (and the loader one per page) on stdout: keep the tables only.
tables() { grep -v '^{"' || true; }
median() { sort -n "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# A section's stdout goes to its own file, printed when the section ends and written into bench/README.md at the end.
blocks=()
section_begin() { section=$1; exec 4>&1 1>"$work/block-$1.md"; }
section_end() { exec 1>&4 4>&-; cat "$work/block-$section.md"; blocks+=("$section"); }
machine="$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start, $(java -version 2>&1 | head -1)"

[ "${BUILD:-1}" = 0 ] || make -s build >/dev/null
ID=76d4847c855c7079
CP="bench/target/news-bench-1.0.0.jar:$(ls bench/target/lib/*.jar | tr '\n' ':')"
PROPS=(-DTABLE_NAME=news-local -DDYNAMODB_ENDPOINT="${DYNAMODB_ENDPOINT:-http://127.0.0.1:8500}" -DAWS_REGION=us-east-1)
# FAST: the cold-start flags (C1 only, serial GC). DEPLOYED: template.yaml's JAVA_TOOL_OPTIONS
# (full tiered compilation under SnapStart, serial GC).
FAST=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
DEPLOYED=(-XX:+UseSerialGC)

if want cold || want warm || want priming || want compression || want wrk; then
  # Unthrottled: wrk measures the server, not the template's rate limits.
  RATE_LIMITS=off EVENTS=off PORT=3500 DYNAMODB_PORT=8500 setsid make -s local > "$work/local.log" 2>&1 &
  api=$!
  for _ in $(seq 120); do grep -q "Local API:" "$work/local.log" && break; sleep 1; done
  grep -q "Local API:" "$work/local.log" || { cat "$work/local.log" >&2; exit 1; }
fi

if want cold; then
  section_begin cold
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
      java "${argv[@]}" "${PROPS[@]}" -cp "$CP" "$main" $ID > "$work/out" 2>&1 || { cat "$work/out" >&2; exit 1; }
      echo $(( ($(date +%s%N) - start) / 1000000 )) >> "$work/$name.ms"
    done
  done
  floor=$(median "$work/floor.ms"); reference=$(median "$work/reference.ms")
  echo
  echo "### Cold start: fresh JVM, one GET /articles/{id} against the local engine (median of $COLD, ms)"
  echo
  echo "| variant | median | × floor | × reference |"
  echo "| --- | ---: | ---: | ---: |"
  for name in "${ORDER[@]}"; do
    m=$(median "$work/$name.ms")
    awk -v n="$name" -v m="$m" -v f="$floor" -v r="$reference" 'BEGIN {printf "| %s | %d | %.2f | %.2f |\n", n, m, m/f, m/r}'
  done
  section_end
fi

if want warm; then
  section_begin warm
  echo
  echo "### Warm: per request in one JVM, $WARM interleaved rounds after warm-up"
  for flags in DEPLOYED FAST; do
    if [ $flags = DEPLOYED ]; then chosen=("${DEPLOYED[@]}"); else chosen=("${FAST[@]}"); fi
    echo
    echo "JVM flags: ${chosen[*]}$([ $flags = DEPLOYED ] && echo ' (deployed)')"
    echo
    echo "| request | ours median | ours p99 | raw SDK median | raw SDK p99 | overhead (median) |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: |"
    java "${chosen[@]}" "${PROPS[@]}" -cp "$CP" com.newsapi.bench.WarmMain $ID "$WARM" 2>/dev/null | tables
  done
  section_end
fi

if want priming; then
  section_begin priming
  # SnapStart's hook, approximated in one JVM: Lambda would snapshot after init (+ priming) and
  # serve the first request from there; here the first request is timed after the same steps.
  VARIANTS_FIRST=(plain primed primed-C1)
  for variant in "${VARIANTS_FIRST[@]}"; do : > "$work/first-$variant.us"; done
  echo "priming: $COLD rounds, fresh JVM per sample..." >&2
  for round in $(seq "$COLD"); do
    java "${DEPLOYED[@]}" "${PROPS[@]}" -cp "$CP" com.newsapi.bench.PrimingMain $ID 2>/dev/null | tables >> "$work/first-plain.us"
    java "${DEPLOYED[@]}" "${PROPS[@]}" -cp "$CP" com.newsapi.bench.PrimingMain $ID prime 2>/dev/null | tables >> "$work/first-primed.us"
    java "${FAST[@]}" "${PROPS[@]}" -cp "$CP" com.newsapi.bench.PrimingMain $ID prime 2>/dev/null | tables >> "$work/first-primed-C1.us"
  done
  plain=$(median "$work/first-plain.us"); primed=$(median "$work/first-primed.us"); fast=$(median "$work/first-primed-C1.us")
  echo
  echo "### First request after init, with and without the priming hook (fresh JVM, median of $COLD)"
  echo
  echo "| init | JVM flags | first GET /articles/{id} | × without priming |"
  echo "| --- | --- | ---: | ---: |"
  awk -v p="$plain" -v q="$primed" -v f="$fast" -v d="${DEPLOYED[*]}" -v c="${FAST[*]}" 'BEGIN {
    printf "| handler only | %s (deployed) | %.1f ms | 1.00 |\n", d, p/1000
    printf "| handler + Priming.prime() | %s (deployed) | %.1f ms | %.2f |\n", d, q/1000, q/p
    printf "| handler + Priming.prime() | %s | %.1f ms | %.2f |\n", c, f/1000, f/p }'
  section_end
fi

if want compression; then
  section_begin compression
  echo
  echo "### gzip: bytes and handler time per endpoint (one JVM, 1000 interleaved rounds after warm-up)"
  echo
  java "${PROPS[@]}" -cp "$CP" com.newsapi.bench.CompressionMain $ID 1000 2>/dev/null | tables
  section_end
fi

if want packages; then
  section_begin packages
  echo
  echo "### Deployment packages (sam build, .aws-sam/build)"
  echo
  if [ -d .aws-sam/build ]; then
    echo "| function | unzipped | zipped (what Lambda stores) |"
    echo "| --- | ---: | ---: |"
    for fn in .aws-sam/build/*/; do
      [ -d "$fn/lib" ] || continue
      zipped=$(python3 -c 'import io, os, sys, zipfile
out = io.BytesIO()
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for root, _, files in os.walk(sys.argv[1]):
        for f in files:
            path = os.path.join(root, f)
            z.write(path, os.path.relpath(path, sys.argv[1]))
print(len(out.getvalue()) // 1024)' "$fn")
      echo "| $(basename "$fn") | $(du -sk "$fn" | cut -f1) KB | $zipped KB |"
    done
  else
    echo "(run \`sam build\` first)"
  fi
  section_end
fi

if want wrk && command -v wrk >/dev/null; then
  section_begin wrk
  echo
  echo "### Local API under load (wrk, 2 threads, 16 connections, 10 s each, loopback)"
  echo
  echo '```'
  wrk -t2 -c16 -d10s --latency "http://127.0.0.1:3500/articles?limit=20" | grep -E "Requests/sec|99%|Non-2xx|Socket errors|requests in"
  wrk -t2 -c16 -d10s --latency "http://127.0.0.1:3500/articles/$ID" | grep -E "Requests/sec|99%|Non-2xx|Socket errors|requests in"
  echo '```'
  section_end
fi

if want publisher; then
  section_begin publisher
  # The change publisher's cold start (PublisherColdMain): a fresh JVM with the deployed flags builds
  # PublishChangesHandler (its EventBridge client) and publishes events/article-changes.json (four
  # changes, one PutEvents call) to a stand-in EventBridge: a JVM of its own on a free loopback port,
  # stopped at the end of this section (or when this script exits). No local engine needed.
  java -cp "$CP" com.newsapi.bench.PublisherColdMain serve > "$work/eventbridge.log" 2>&1 &
  eventbridge=$!
  for _ in $(seq 30); do grep -q "^EventBridge stand-in: " "$work/eventbridge.log" && break; sleep 1; done
  bus=$(sed -n 's/^EventBridge stand-in: //p' "$work/eventbridge.log")
  [ -n "$bus" ] || { cat "$work/eventbridge.log" >&2; exit 1; }
  PUBLISHER_PROPS=(-DTABLE_NAME=news-local -DAWS_REGION=us-east-1 -DEVENT_BUS_NAME=news-events -DEVENTBRIDGE_ENDPOINT="$bus")
  for m in answer init invoke exit; do : > "$work/publisher.$m"; done
  echo "publisher: $COLD fresh JVMs..." >&2
  for round in $(seq "$COLD"); do
    start=$(date +%s%3N)
    # Credentials as Lambda gives them without SnapStart: keys in the environment.
    AWS_ACCESS_KEY_ID=AKIDBENCHPUBLISHER AWS_SECRET_ACCESS_KEY=bench \
      java "${DEPLOYED[@]}" "${PUBLISHER_PROPS[@]}" -cp "$CP" com.newsapi.bench.PublisherColdMain events/article-changes.json \
      > "$work/out" 2>&1 || { cat "$work/out" >&2; kill "$eventbridge"; exit 1; }
    end=$(date +%s%3N)
    echo $(( $(sed -n 's/^answered-at-ms //p' "$work/out") - start )) >> "$work/publisher.answer"
    echo $(( end - start )) >> "$work/publisher.exit"
    sed -n 's/^init-ms //p' "$work/out" >> "$work/publisher.init"
    sed -n 's/^invoke-ms //p' "$work/out" >> "$work/publisher.invoke"
  done
  kill "$eventbridge" 2>/dev/null || true
  echo
  echo "### Change publisher, cold: fresh JVM, one stream batch to a stand-in EventBridge (median of $COLD, ms)"
  echo
  echo "| JVM flags | start to answer | of which init (constructor) | of which first invoke | start to exit |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  echo "| ${DEPLOYED[*]} (deployed) | $(median "$work/publisher.answer") | $(median "$work/publisher.init") | $(median "$work/publisher.invoke") | $(median "$work/publisher.exit") |"
  section_end
fi

# loader and clients: the engine owned by a JVM of its own (not the measured JVMs), free port.
LOCAL_CP="$CP$(ls bench/target/lib-local/*.jar | tr '\n' ':')"
if want loader || want clients; then
  java -cp "$LOCAL_CP" com.newsapi.bench.EngineMain 0 \
    > "$work/dynamo.log" 2>&1 &
  dynamo=$!
  for _ in $(seq 60); do grep -q "^DynamoDB engine:" "$work/dynamo.log" && break; sleep 1; done
  endpoint=$(sed -n 's/^DynamoDB engine: //p' "$work/dynamo.log")
  [ -n "$endpoint" ] || { cat "$work/dynamo.log" >&2; exit 1; }
fi

if want loader; then
  section_begin loader
  # Every run a fresh JVM with the flags LoaderFunction is deployed with (template.yaml's JAVA_TOOL_OPTIONS).
  bench() { java "${DEPLOYED[@]}" -cp "$LOCAL_CP" com.newsapi.bench.LoaderBench "$@" 2> "$work/err" | tables >> "$work/loader.txt" \
    || { cat "$work/err" >&2; exit 1; }; }
  echo "loader: $LOADER_ROUNDS rounds of $LOADER_ARTICLES articles against the local engine, loader and raw interleaved..." >&2
  for round in $(seq "$LOADER_ROUNDS"); do
    if (( round % 2 )); then bench loader "$endpoint" "$LOADER_ARTICLES"; bench raw "$endpoint" "$LOADER_ARTICLES"
    else bench raw "$endpoint" "$LOADER_ARTICLES"; bench loader "$endpoint" "$LOADER_ARTICLES"; fi
  done
  echo "loader: null backend, 2,500 / 5,000 / 10,000 articles with heap checkpoints, raw 10,000..." >&2
  for articles in 2500 5000 10000; do bench loader null "$articles" 10; done
  bench raw null 10000
  echo
  echo "(Loader runs: one fresh JVM each, ${DEPLOYED[*]} as deployed; pages generated lazily from seeds/ by SeedPages.)"
  java -cp "$LOCAL_CP" com.newsapi.bench.LoaderReport "$work/loader.txt"
  section_end
fi

if want clients; then
  section_begin clients
  java -cp "$LOCAL_CP" com.newsapi.bench.LoaderBench seed "$endpoint" bench-clients > /dev/null 2> "$work/err" \
    || { cat "$work/err" >&2; exit 1; }
  # The same class path for every client: the shipped jars plus aws-crt-client's (lib-crt).
  CLIENT_CP="$CP$(ls bench/target/lib-crt/*.jar | tr '\n' ':')"
  CLIENT_PROPS=(-DTABLE_NAME=bench-clients -DDYNAMODB_ENDPOINT="$endpoint")
  CLIENTS=(url-connection apache)
  if java -cp "$CLIENT_CP" com.newsapi.bench.ClientFloorMain check-crt > "$work/crt" 2>&1; then
    CLIENTS+=(aws-crt)
  fi
  for client in "${CLIENTS[@]}"; do : > "$work/client-$client.ms"; : > "$work/client-$client.answer"; done
  echo "HTTP clients: $COLD rounds, clients interleaved..." >&2
  for round in $(seq "$COLD"); do
    for client in "${CLIENTS[@]}"; do
      start=$(date +%s%3N)
      java "${CLIENT_PROPS[@]}" -cp "$CLIENT_CP" com.newsapi.bench.ClientFloorMain "$client" $ID > "$work/out" 2>&1 \
        || { cat "$work/out" >&2; exit 1; }
      end=$(date +%s%3N)
      echo $(( $(sed -n 's/^answered-at-ms //p' "$work/out") - start )) >> "$work/client-$client.answer"
      echo $(( end - start )) >> "$work/client-$client.ms"
    done
  done
  answer=$(median "$work/client-url-connection.answer"); process=$(median "$work/client-url-connection.ms")
  echo
  echo "### SDK HTTP client, cold: fresh JVM, one raw GetItem against the local engine (median of $COLD, ms)"
  echo
  echo "| HTTP client | start to answer | × url-connection | start to exit | × url-connection |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  for client in "${CLIENTS[@]}"; do
    a=$(median "$work/client-$client.answer"); m=$(median "$work/client-$client.ms")
    awk -v n="$client" -v a="$a" -v m="$m" -v ba="$answer" -v bm="$process" \
      'BEGIN {printf "| %s | %d | %.2f | %d | %.2f |\n", n, a, a/ba, m, m/bm}'
  done
  echo
  echo "aws-crt: $(grep -v '^WARNING' "$work/crt" | tr '\n' ' ' | cut -c1-400)"
  section_end
fi

if [ "${WRITE_README:-1}" = 1 ]; then
  for section in "${blocks[@]}"; do
    { cat "$work/block-$section.md"; echo
      echo "_Generated by \`bash bench/run.sh\` (section \`$section\`) on $(date -u '+%Y-%m-%d %H:%M UTC'): $machine._"
    } > "$work/readme-$section.md"
    java -cp "$CP" com.newsapi.bench.ReadmeBlocks bench/README.md "bench/run.sh $section" "$work/readme-$section.md"
  done
  echo "bench/README.md: wrote ${blocks[*]}" >&2
fi
