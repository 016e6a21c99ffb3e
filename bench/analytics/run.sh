#!/usr/bin/env bash
# Analytics benchmark: beacon ingest (events/s, p99) against a bare multi-row insert of the same rows,
# and the dashboard's panel queries at 10 million generated view events (p95 per panel), in one run.
#   bench/analytics/run.sh [batches of 50 events, default 1000]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
exec "$here/../lib/java-benchmark.sh" app io.vidcastx.analytics.AnalyticsBenchmark "$@"
