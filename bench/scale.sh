#!/usr/bin/env bash
# Scale benchmark: read and write units, items and latency per request type at several table sizes.
#   bash bench/scale.sh                                 # SIZES=50,500,5000 (CI-sized: loads in about 5 minutes)
#   SIZES=1000,10000,100000 bash bench/scale.sh         # the full run (outside CI: the largest load takes a while)
# Each size runs in a fresh JVM (ScaleMain): a fresh table from template.yaml in a local engine (Dynoxide)
# of its own on a free port, NewsPages loaded by the real SeedLoader, tags set through PATCH, every request
# type through the handler classes. ScaleReport then prints one table per request type, sizes side by side.
# ROUNDS (default 30) timed rounds per request type; ROUTE_SECONDS (default 20) caps one type's timing per size;
# LOAD_THREADS (default 2) loaders at once, each over its own run of pages.
# SEARCH_BOUND=<read units> checks searches against that bound instead of the 10% rule. BUILD=0 skips the build.
# OUT=<dir> keeps the raw lines (one file per size) there.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
SIZES=${SIZES:-50,500,5000}
ROUNDS=${ROUNDS:-30}
ROUTE_SECONDS=${ROUTE_SECONDS:-20}
LOAD_THREADS=${LOAD_THREADS:-2}
work=$(mktemp -d)
dynamo=
cleanup() {
  [ -n "$dynamo" ] && kill "$dynamo" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

[ "${BUILD:-1}" = 0 ] || make -s build >/dev/null
# bench/scale-hook holds the SDK's global interceptor file naming CapacityMeter: on this class path only.
CP="bench/target/news-bench-1.0.0.jar:bench/scale-hook:$(ls bench/target/lib/*.jar | tr '\n' ':')$(ls bench/target/lib-local/*.jar | tr '\n' ':')"

java -cp "$CP" com.newsapi.bench.EngineMain 0 > "$work/dynamo.log" 2>&1 &
dynamo=$!
for _ in $(seq 60); do grep -q "^DynamoDB engine:" "$work/dynamo.log" && break; sleep 1; done
endpoint=$(sed -n 's/^DynamoDB engine: //p' "$work/dynamo.log")
[ -n "$endpoint" ] || { cat "$work/dynamo.log"; exit 1; }

files=()
IFS=, read -r -a sizes <<< "$SIZES"
for size in "${sizes[@]}"; do
  echo "scale: $size articles (load, tag, measure)..." >&2
  start=$(date +%s)
  # The handlers and the loader print a JSON line per request or page: keep the benchmark's own lines.
  java -XX:+UseSerialGC -DROUNDS="$ROUNDS" -DROUTE_SECONDS="$ROUTE_SECONDS" -DLOAD_THREADS="$LOAD_THREADS" -cp "$CP" com.newsapi.bench.ScaleMain "$endpoint" "$size" \
    2> "$work/err-$size" | grep -E '^(LOAD|RESULT|LATENCY|WRITE) ' > "$work/size-$size.txt" \
    || { tail -40 "$work/err-$size"; exit 1; }
  echo "scale: $size articles done in $(( $(date +%s) - start )) s" >&2
  files+=("$work/size-$size.txt")
done
if [ -n "${OUT:-}" ]; then mkdir -p "$OUT" && cp "${files[@]}" "$OUT"/; fi

echo
echo "## Scale: units per request as the table grows ($(date -u +%Y-%m-%d), sizes $SIZES, local engine on loopback)"
echo
java -DSEARCH_BOUND="${SEARCH_BOUND:-}" -cp "$CP" com.newsapi.bench.ScaleReport "${files[@]}"
