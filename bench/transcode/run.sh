#!/usr/bin/env bash
# Transcode benchmark: a generated 1080p source through Vidcastx (upload complete -> ready) and through
# the bare single-pass FFmpeg ladder with identical settings, in one invocation; prints both and the ratio.
#   bench/transcode/run.sh [--seconds 60]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
exec "$here/../lib/java-benchmark.sh" workers/transcode io.vidcastx.workers.transcode.TranscodeBenchmark "$@"
