#!/usr/bin/env bash
# Analytics benchmark: beacon ingest (events/s, p99) against a bare multi-row insert of the same rows,
# and the dashboard's panel queries at 10 million generated view events (p95 per panel), in one run.
#   bench/analytics/run.sh [batches of 50 events, default 1000]
# It runs io.vidcastx.analytics.AnalyticsBenchmark through Surefire (AnalyticsBenchmarkRun), which has
# the app's test classpath even offline. MAVEN_ARGS passes extra arguments to Maven (e.g. -o).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [[ -z "${JAVA_HOME:-}" ]] && [[ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
./mvnw -B -q -pl app -am test ${MAVEN_ARGS:-} -Dtest=AnalyticsBenchmarkRun -Dsurefire.failIfNoSpecifiedTests=false \
  -Dvidcastx.bench=analytics -Dvidcastx.bench.batches="${1:-1000}"
grep -E '^(ingest|bare|ratio|generated|panel)' app/target/surefire-reports/io.vidcastx.analytics.AnalyticsBenchmarkRun-output.txt
