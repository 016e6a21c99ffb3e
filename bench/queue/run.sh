#!/usr/bin/env bash
# Queue benchmark: no-op jobs through the Vidcastx queue (PostgreSQL record + Redis Streams dispatch)
# and through BullMQ on the same embedded Redis, in one invocation; prints both and their ratio.
#   bench/queue/run.sh [--jobs 5000] [--workers 4] [--concurrency 8]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
(cd "$here" && npm ci --silent --no-audit --no-fund)
exec "$here/../lib/java-benchmark.sh" core io.vidcastx.core.queue.QueueBenchmark --bullmq-script bench/queue/bullmq-bench.mjs "$@"
