#!/usr/bin/env bash
# Dashboard benchmark: 100,000 videos in PostgreSQL; server-side p50/p95 of the videos list's first page
# and of a tab switch, against the bare SQL of the page's rows, in one invocation.
#   bench/dashboard/run.sh [--videos 100000]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
exec "$here/../lib/java-benchmark.sh" app io.vidcastx.videos.DashboardBenchmark "$@"
