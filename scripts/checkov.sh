#!/usr/bin/env bash
# checkov (Apache-2.0) on template.yaml: fails on any failed check. Accepted findings are skipped in
# the template itself, per resource, each with its reason (Metadata: checkov: skip: id, comment).
# checkov pins old boto3/packaging versions that would break aws-sam-cli, so it gets its own venv.
set -euo pipefail
cd "$(dirname "$0")/.."
CHECKOV_VERSION=3.3.30
venv="${CHECKOV_VENV:-$HOME/.cache/news-api/checkov-venv}"
if ! "$venv/bin/checkov" --version 2>/dev/null | grep -qx "$CHECKOV_VERSION"; then
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "checkov==$CHECKOV_VERSION"
fi
# --compact: no code excerpts; --skip-download: no call to the vendor platform (offline CI).
# Exit status 1 on any failed check.
"$venv/bin/checkov" -f template.yaml --framework cloudformation --compact --quiet --skip-download
echo "checkov: no failed check on template.yaml"
