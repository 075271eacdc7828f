#!/usr/bin/env bash
# The client test (CI: .ci/run): generates clients from openapi.yaml with openapi-generator, as a
# mobile team would, and proves they work against the local API:
#   1. generates Kotlin (jvm-okhttp4), Java (native), TypeScript (typescript-fetch) and Swift (swift6)
#      clients into clients/build/ (never committed), and fails on any generator warning (one known
#      notice aside, below) or on any model, property or operation a generator typed as
#      Object/Any/Null instead of a real type;
#   2. compiles the Kotlin and Java clients with Maven (clients/kotlin/pom.xml, clients/java/pom.xml)
#      and the TypeScript one with tsc (clients/typescript, `npm ci`); Swift is generated and checked
#      only (no Swift toolchain here);
#   3. starts the local API (its own ports and process group), takes an editor token from
#      `make -s token`, runs each client's scripted run (clients/<lang>/...: paging, get by id and
#      slug, 304, search, tags, authors, full and delta sync, create/publish/patch/delete with
#      Idempotency-Key and If-Match, a 404 read as Problem), and stops the API.
# The generator commands here are the README's ("Generate a client"), so what users run is tested.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
start=$SECONDS

GENERATOR_VERSION=7.25.0
# OPENAPI_DOCUMENT=<file> GENERATE_ONLY=1 checks another document (e.g. an older one) and stops there.
document=${OPENAPI_DOCUMENT:-openapi.yaml}
PORT=${PORT:-3600}
DYNAMODB_PORT=${DYNAMODB_PORT:-8600}
out=clients/build
tools=$out/tools
jar=$tools/openapi-generator-cli-$GENERATOR_VERSION.jar
MVN=(mvn -B -q -Dstyle.color=never)

step() { printf '\n== %s (%ss)\n' "$*" $((SECONDS - start)); }

step "tools: openapi-generator-cli $GENERATOR_VERSION (Maven Central), typescript (npm ci)"
mkdir -p "$tools"
if [ ! -f "$jar" ]; then
  "${MVN[@]}" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact=org.openapitools:openapi-generator-cli:$GENERATOR_VERSION -DoutputDirectory="$tools"
fi
(cd clients/typescript && npm ci --no-audit --no-fund --loglevel=error)

# The one notice allowed: the generator prints it for every OpenAPI 3.1 document, whatever it holds.
ALLOWED_WARNING='OpenAPI 3.1 support is still in beta'

# What a generator writes when it cannot type something, per language, in models and operations:
# Object/Any/object/any/JSONValue, or a class for `type: "null"` (Null, ModelNull). (Perl regexes.)
# The oneOf wrappers' own plumbing is not a model: Java's AbstractOpenApiSchema and
# getActualInstance() (a wrapper also has typed getters), Kotlin enum companions' encode(Any?).
UNTYPED_JAVA='^\s*(private|protected) (final )?(Object|List<Object>|Map<String, ?Object>|JsonNullable<Object>) \w+|^\s*public (Object|ApiResponse<Object>|List<Object>|Map<String, ?Object>) (?!getActualInstance)\w+\(|\b(ModelNull|AnyType)\b'
UNTYPED_KOTLIN='(val|var) `?\w+`?: (kotlin\.)?(Any|Null|ModelNull)\b|<(kotlin\.)?Any\??>|Map<kotlin\.String, (kotlin\.)?Any\??>|\) : (kotlin\.)?Any\b|\bModelNull\b|: Null\b'
UNTYPED_TS='^\s+\w+\??: (any|object|Null|ModelNull|\{ \[key: string\]: any; \})( \| null)?;|Promise<(any|object)>|ApiResponse<(any|object)>|\bModelNull\b'
UNTYPED_SWIFT='\b(AnyCodable|JSONValue|ModelNull)\b|: Any\b|\[String: Any\]'

generate_failed=0
# generate NAME UNTYPED_PATTERN SOURCE_SUBDIRS -- GENERATOR_ARGS...
generate() {
  local name=$1 pattern=$2 dirs=$3; shift 4
  rm -rf "${out:?}/$name"
  if ! java -jar "$jar" generate -i "$document" -o "$out/$name" "$@" > "$out/$name.log" 2>&1; then
    cat "$out/$name.log"; echo "FAILED: openapi-generator $name"; generate_failed=1; return
  fi
  local warnings untyped="" dir
  warnings=$(grep -E '\b(WARN|ERROR)\b' "$out/$name.log" | grep -vF "$ALLOWED_WARNING" || true)
  for dir in $dirs; do
    untyped+=$(grep -rnP --exclude=AbstractOpenApiSchema.java "$pattern" "$out/$name/$dir" || true)$'\n'
  done
  if [ -n "$warnings" ]; then
    echo "$warnings"; echo "FAILED: openapi-generator printed warnings for $name (fix $document)"; generate_failed=1
  fi
  untyped=$(printf '%s' "$untyped" | sed '/^$/d')
  if [ -n "$untyped" ]; then
    echo "$untyped"; echo "FAILED: $name has models or operations typed as Object/Any/Null (fix $document)"; generate_failed=1
  fi
  if [ -z "$warnings$untyped" ]; then
    echo "$name: $(find "$out/$name" -type f | wc -l) files, no warnings, every model typed"
  fi
}

step "generate the clients from $document"
generate kotlin "$UNTYPED_KOTLIN" "src/main/kotlin/org/openapitools/client/models src/main/kotlin/org/openapitools/client/apis" -- \
  -g kotlin --library jvm-okhttp4 \
  --additional-properties=serializationLibrary=kotlinx_serialization,generateOneOfAnyOfWrappers=true
# containerDefaultToNull: ArticlePatch is a merge patch, where a field left out must stay out; by
# default the Java generator starts every list at [] and would send "body": [].
generate java "$UNTYPED_JAVA" "src/main/java/org/openapitools/client/model src/main/java/org/openapitools/client/api" -- \
  -g java --library native --additional-properties=containerDefaultToNull=true
generate typescript "$UNTYPED_TS" "models apis" -- \
  -g typescript-fetch
generate swift "$UNTYPED_SWIFT" "Sources/OpenAPIClient/Models Sources/OpenAPIClient/APIs" -- \
  -g swift6
[ "$generate_failed" = 0 ] || exit 1
[ -z "${GENERATE_ONLY:-}" ] || exit 0

step "compile: Kotlin (Maven), Java (Maven), TypeScript (tsc)"
rm -rf "$out/kotlin-target" "$out/java-target" "$out/typescript-js" # nothing stale from an earlier document
(cd clients/kotlin && "${MVN[@]}" compile)
(cd clients/java && "${MVN[@]}" compile)
(cd clients/typescript && npx --no-install tsc -p tsconfig.json)
echo "compiled"

step "start the local API on port $PORT"
log=$(mktemp)
# Its own process group, so stopping it stops exactly what this script started.
PORT=$PORT DYNAMODB_PORT=$DYNAMODB_PORT setsid make -s local > "$log" 2>&1 &
api=$!
stop_api() {
  local status=$?
  if [ "$status" != 0 ]; then echo "--- the local API's log, last lines:"; tail -20 "$log"; fi
  kill -- -$api 2>/dev/null
  rm -f "$log"
}
trap stop_api EXIT
for _ in $(seq 180); do
  grep -q "Local API:" "$log" && break
  kill -0 $api 2>/dev/null || { cat "$log"; echo "local API died"; exit 1; }
  sleep 1
done
grep "Local API:" "$log" || { cat "$log"; echo "local API did not start"; exit 1; }
token=$(make -s token 2>/dev/null)
url="http://127.0.0.1:$PORT"

step "Kotlin client: scripted run"
java -cp "$out/kotlin-target/classes:$(cat $out/kotlin-target/classpath.txt)" com.newsapi.clients.ScriptedRunKt "$url" "$token"

step "Java client: scripted run"
java -cp "$out/java-target/classes:$(cat $out/java-target/classpath.txt)" com.newsapi.clients.ScriptedRun "$url" "$token"

step "TypeScript client: scripted run (Node $(node --version))"
node "$out/typescript-js/typescript/run.js" "$url" "$token"

# A 5xx is logged as one JSON line with level ERROR (com.newsapi.http.RequestLog).
if grep -q '"level":"ERROR"' "$log"; then
  grep '"level":"ERROR"' "$log" | head -3 | cut -c1-2000; echo "the local API answered a request with a 5xx"; exit 1
fi
step "client test passed"
