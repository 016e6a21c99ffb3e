#!/usr/bin/env bash
# Billing benchmark: what metering adds (a) to a transcode completion (the ready transaction with and
# without its encoding-minutes record) and (b) to the hourly storage sample at 100,000 videos (the
# metered sample against the bare per-organization byte sum it is built on) and (c) to the hourly
# delivery settling from analytics watch time (a settling run against the bare watch-time read), in
# one invocation.
#   bench/billing/run.sh [--videos 100000] [--completions 2000]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
exec "$here/../lib/java-benchmark.sh" app io.vidcastx.billing.BillingBenchmark "$@"
