#!/usr/bin/env bash
# Transcription benchmark: the AI worker's whole TRANSCRIBE job against a bare whisper-jni call on the
# same audio, model and threads, in one invocation; prints both real-time factors and the ratio.
#   bench/transcribe/run.sh [--seconds 120] [--model /path/to/ggml-base.en.bin]
# Without --model a generated random-weight model is used: real timings of the native path, gibberish text.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [[ -z "${JAVA_HOME:-}" ]] && [[ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

./mvnw -B -q -pl workers/ai -am -DskipTests install ${MAVEN_ARGS:-}
./mvnw -B -q -pl workers/ai dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath ${MAVEN_ARGS:-}
"$java" --enable-native-access=ALL-UNNAMED \
  -cp "workers/ai/target/test-classes:workers/ai/target/classes:$(cat workers/ai/target/bench.classpath)" \
  io.vidcastx.workers.ai.TranscribeBenchmark "$@"
