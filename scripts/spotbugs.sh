#!/usr/bin/env bash
# SpotBugs (effort Max, threshold Low) with AWS's SnapStart rules over functions/. Fails on any
# finding not excluded, with its reason, in functions/spotbugs-exclude.xml. Not part of `sam build`:
# the plugin is bound to no phase in functions/pom.xml. Report: functions/target/spotbugsXml.xml.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
mvn -B -q -f functions/pom.xml compile com.github.spotbugs:spotbugs-maven-plugin:4.9.8.2:check "$@"
echo "SpotBugs: no findings outside functions/spotbugs-exclude.xml"
