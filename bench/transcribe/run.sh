#!/usr/bin/env bash
# Transcription benchmark: the AI worker's whole TRANSCRIBE job against a bare whisper-jni call on the
# same audio, model and threads, in one invocation; prints both real-time factors and the ratio.
#   bench/transcribe/run.sh [--seconds 120] [--model /path/to/ggml-base.en.bin]
# Without --model a generated random-weight model is used: real timings of the native path, gibberish text.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
exec "$here/../lib/java-benchmark.sh" workers/ai io.vidcastx.workers.ai.TranscribeBenchmark "$@"
