# Two commands matter: `make local` (the seeded Docker-free local API) and `make test` (every test).
# Each recipe finds a JDK 25+ through scripts/java-home.sh; Maven downloads everything else, and the
# local DynamoDB engine (Dynoxide) is built once per machine with cargo on first use (`make engine`).
SHELL := /bin/bash
JAVA_ENV := source scripts/java-home.sh &&
MVN := mvn -B -q -Dstyle.color=never
PORT ?= 3000
DYNAMODB_PORT ?= 8000
LOCAL_CP = local/target/classes:$$(cat local/target/classpath.txt)
LOCAL_JAVA = java -cp "$(LOCAL_CP)"

.PHONY: local test build engine token fuzz sam-build sam-local-test clean

## Build (if needed) and start the seeded local API on http://localhost:$(PORT).
local: build engine
	$(JAVA_ENV) PORT=$(PORT) DYNAMODB_PORT=$(DYNAMODB_PORT) $(LOCAL_JAVA) com.newsapi.local.LocalApi

## Every test of every module: unit, store and handlers against the local engine, end to end over HTTP,
## the template's permissions (SAM translator), fuzz corpus replay.
test: engine
	@python3 -c 'import samtranslator' 2>/dev/null || { echo "installing aws-sam-translator (PyPI) for the permissions test"; \
	  python3 -m pip install --quiet --disable-pip-version-check aws-sam-translator; }
	$(JAVA_ENV) mvn -B -Dmaven.test.skip=false install

## Find, or build once per machine (cargo install --locked, about 6 minutes on 2 cores), the pinned
## local DynamoDB engine, Dynoxide; skipped when DYNAMODB_ENDPOINT names an engine of your own.
engine:
	@if [ -z "$${DYNAMODB_ENDPOINT:-}" ]; then $(JAVA_ENV) $(MVN) -N install && $(MVN) -DskipTests -pl engine install \
	  && java -cp engine/target/classes com.newsapi.engine.Dynoxide >/dev/null; fi

## Compile and package the functions and the local API, without tests.
build:
	$(JAVA_ENV) $(MVN) -DskipTests install

## Print an editor's bearer token for the local API (valid one hour).
token:
	@$(JAVA_ENV) $(MVN) -DskipTests install 1>&2 && $(LOCAL_JAVA) com.newsapi.local.MintToken

## Fuzz each target for its bounded time (maxDuration in each @FuzzTest), keeping what it learns in
## functions/.cifuzz-corpus/; a finding is written to src/test/resources and fails the run.
fuzz: build
	$(JAVA_ENV) cd functions && for target in CursorFuzzTest RequestFuzzTest SeedParserFuzzTest; do \
	  JAZZER_FUZZ=1 mvn -B -q -Dstyle.color=never -Dmaven.test.skip=false -Dtest=$$target test || exit 1; \
	done

## sam build (runs Maven inside functions/ only).
sam-build:
	$(JAVA_ENV) SAM_CLI_TELEMETRY=0 sam build

## The real `sam local` suite (needs Docker; see scripts/sam-local-test.sh).
sam-local-test:
	bash scripts/sam-local-test.sh

clean:
	$(JAVA_ENV) $(MVN) clean
	rm -rf .aws-sam

## The desk page in headless Chromium against a fresh local API (installs chromium and playwright-core if missing).
.PHONY: desk-test
desk-test:
	bash scripts/desk-browser-test.sh
