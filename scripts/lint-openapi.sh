#!/usr/bin/env bash
# Lints openapi.yaml with Redocly CLI (2.77.0, pinned with its lockfile in clients/lint/) against
# the rule set in redocly.yaml, where every rule is an error and each choice is explained. Fails on
# any problem. (CI: .ci/run.)
#
# On Node 20 the CLI prints a notice that its next releases need Node 22: a note about the runtime,
# not about the document. Nothing else it prints is a warning.
set -euo pipefail
cd "$(dirname "$0")/.."
(cd clients/lint && npm ci --no-audit --no-fund --loglevel=error)
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
echo "Redocly CLI $(node -p "require('./clients/lint/node_modules/@redocly/cli/package.json').version")"
clients/lint/node_modules/.bin/redocly lint openapi.yaml --config redocly.yaml --max-problems 1000
