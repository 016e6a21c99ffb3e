#!/usr/bin/env bash
# Webhook benchmark: what fan-out adds to a transaction that records an event (0, 1, 10 endpoints),
# and deliveries through the queue against the same signed POSTs sent directly, in one invocation.
#   bench/webhooks/run.sh [--events 1000]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
exec "$here/../lib/java-benchmark.sh" app io.vidcastx.webhooks.WebhookBenchmark "$@"
