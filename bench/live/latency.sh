#!/usr/bin/env bash
# Live glass-to-glass latency: wall-clock stamps burned into the publisher's frames (as blocks, read back
# without OCR) against the time each HLS segment is listed, for the Vidcastx ingest node and for bare
# FFmpeg receiving the same RTMP with the same HLS arguments, in one run; prints both and their ratio.
#   bench/live/latency.sh [--seconds 40]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
exec "$here/../lib/java-benchmark.sh" workers/live io.vidcastx.workers.live.LiveLatencyBenchmark "$@"
