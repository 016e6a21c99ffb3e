#!/usr/bin/env bash
# Live ingest benchmark: CPU time per pass-through stream of the Vidcastx ingest node (Java RTMP server
# + FFmpeg making live HLS and the recording) against bare FFmpeg receiving the same RTMP stream itself
# (`-listen 1`) with the same output arguments, from the same input file in the same run; prints the ratio.
#   bench/live/run.sh [--seconds 30] [--rounds 2] [--ladder]   (--ladder: source + encoded 480p, the default live ladder)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
exec "$here/../lib/java-benchmark.sh" workers/live io.vidcastx.workers.live.LiveBenchmark "$@"
