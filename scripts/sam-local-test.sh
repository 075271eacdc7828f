#!/usr/bin/env bash
# The real `sam local` suite: `make sam-local-test`. Needs a Docker engine. On this project's
# machines (no internet) ../shared/tools/sam-local-offline starts one and builds a stand-in for the
# Lambda Java base image; elsewhere set SAM_LOCAL_HOST_IP to the address containers reach this host
# by (Docker Desktop: host.docker.internal) and sam pulls the real image.
#
#   1. sam build; the local engine (Dynoxide) on the bridge's address :8000 (containers reach it there,
#      and so does this machine; never every interface) with the template's table, empty, and the
#      Docker-free local API in front of it on :3400;
#   2. sam local invoke LoaderFunction seeds the table through the real runtime interface client;
#   3. sam local invoke every event in events/, checking status and body shape;
#   4. sam local start-api on :3401; the parity test sends the same requests to both servers, and
#      the reader end-to-end suite runs against each.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
export SAM_CLI_TELEMETRY=0
OFFLINE=../shared/tools/sam-local-offline
LOCAL_PORT=${LOCAL_PORT:-3400}
SAM_PORT=${SAM_PORT:-3401}
work=$(mktemp -d)
pids=()
cleanup() {
  # Each background job leads its own process group (setsid): stop exactly what this script started.
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

pull=()
if [ -z "${SAM_LOCAL_HOST_IP:-}" ] && [ -f "$OFFLINE" ]; then
  SAM_LOCAL_HOST_IP=$(bash "$OFFLINE" start | sed -n 's/^SAM_LOCAL_HOST_IP=//p')
  pull=(--skip-pull-image)
fi
: "${SAM_LOCAL_HOST_IP:?set SAM_LOCAL_HOST_IP to the address containers reach this host by}"
python3 - "$SAM_LOCAL_HOST_IP" > "$work/env.json" <<'PY'
import json, os, sys
env = json.load(open("events/env.json"))
env["Parameters"]["DYNAMODB_ENDPOINT"] = os.environ.get("DYNAMODB_ENDPOINT") or f"http://{sys.argv[1]}:8000"
env["Parameters"]["EVENT_BUS_NAME"] = "news-local"
print(json.dumps(env))
PY

echo "== sam build"
sam build > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }

echo "== the local engine on $SAM_LOCAL_HOST_IP:8000 and the Docker-free local API (table empty)"
make -s build
SEED=false PORT=$LOCAL_PORT DYNAMODB_HOST=$SAM_LOCAL_HOST_IP DYNAMODB_PORT=8000 setsid make -s local > "$work/local.log" 2>&1 &
pids+=($!)
for _ in $(seq 120); do grep -q "Local API:" "$work/local.log" && break; sleep 1; done
grep "Local API:" "$work/local.log"

invoke() { # FUNCTION EVENT -> the function's JSON answer on stdout
  sam local invoke "$1" -e "events/$2" --env-vars "$work/env.json" "${pull[@]}" 2> "$work/invoke.log" | tail -n 1 \
    || { cat "$work/invoke.log"; return 1; }
}

echo "== sam local invoke LoaderFunction"
invoke LoaderFunction load-seeds.json | python3 -c '
import json, sys
answer = json.load(sys.stdin)
assert answer["articles"] == 2 and answer["excerpts"] == 10 and answer["written"] == 12, answer
print("  seeded:", answer)'

echo "== sam local invoke, one event per route"
# event file, function, expected status, in this order (as EventFilesTest): writes act on version 1.
while read -r event function status; do
  answer=$(invoke "$function" "$event")
  python3 -c '
import json, sys
event, status, answer = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
assert answer["statusCode"] == status, (event, answer)
body = answer.get("body")
if body and answer["headers"].get("Content-Type", "").endswith("json"):
    document = json.loads(body)
    if status >= 400:
        assert {"type", "title", "status", "detail"} <= document.keys(), (event, document)
    elif "items" in document:
        assert "nextCursor" in document, (event, document)
    elif "token" in document:
        assert {"url", "expiresAt"} <= document.keys(), (event, document)
    else:
        assert "id" in document or "article" in document, (event, document)
print("  " + event + ":", answer["statusCode"])' "$event" "$status" "$answer"
done <<'EVENTS'
get-article.json GetArticleFunction 200
list-articles.json ListArticlesFunction 200
sync.json SyncFunction 200
search-articles.json ListArticlesFunction 200
list-tags.json ListTagsFunction 200
list-authors.json ListAuthorsFunction 200
get-openapi.json GetOpenApiFunction 200
get-preview.json GetPreviewFunction 200
list-desk-articles.json ListDeskArticlesFunction 200
get-desk-article.json GetDeskArticleFunction 200
create-article.json CreateArticleFunction 201
create-preview.json CreatePreviewFunction 201
publish-article.json PublishArticleFunction 200
patch-article.json PatchArticleFunction 200
list-revisions.json ListRevisionsFunction 200
get-revision.json GetRevisionFunction 200
restore-revision.json RestoreRevisionFunction 200
replace-article.json ReplaceArticleFunction 412
delete-article.json DeleteArticleFunction 412
unpublish-article.json UnpublishArticleFunction 412
get-desk.json GetDeskFunction 200
get-desk-file.json GetDeskFunction 200
EVENTS

echo "== sam local invoke ChangePublisherFunction (no EventBridge here: the batch must report its first change as failed)"
invoke ChangePublisherFunction article-changes.json | python3 -c '
import json, sys
answer = json.load(sys.stdin)
records = json.load(open("events/article-changes.json"))["Records"]
assert answer["batchItemFailures"] == [{"itemIdentifier": records[3]["dynamodb"]["SequenceNumber"]}], answer
print("  reported:", answer)'

echo "== sam local start-api on :$SAM_PORT, and the parity test"
setsid sam local start-api --port "$SAM_PORT" --env-vars "$work/env.json" --warm-containers EAGER "${pull[@]}" \
  > "$work/start-api.log" 2>&1 &
pids+=($!)
for _ in $(seq 180); do
  curl -s -o /dev/null "http://127.0.0.1:$SAM_PORT/tags" && break
  sleep 1
done
mvn -B -q -Dstyle.color=never -Dmaven.test.skip=false -pl local -Dtest=ParityTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dparity.local="http://127.0.0.1:$LOCAL_PORT" -Dparity.sam="http://127.0.0.1:$SAM_PORT" test
report() { python3 -c 'import sys, xml.etree.ElementTree as t; s = t.parse(sys.argv[1]).getroot(); print("  %s passed, %s failed, %s skipped" % (int(s.get("tests")) - int(s.get("failures")) - int(s.get("errors")) - int(s.get("skipped")), int(s.get("failures")) + int(s.get("errors")), s.get("skipped")))' "local/target/surefire-reports/TEST-com.newsapi.local.$1.xml"; }
report ParityTest

for server in "sam local start-api=$SAM_PORT" "the Docker-free local API=$LOCAL_PORT"; do
  echo "== the reader end-to-end suite against ${server%=*}"
  mvn -B -q -Dstyle.color=never -Dmaven.test.skip=false -pl local -Dtest=ReaderEndToEndTest \
    -Dapi.url="http://127.0.0.1:${server#*=}" test
  report ReaderEndToEndTest
done
