#!/usr/bin/env bash
# Transcode benchmark: a generated 1080p source through Vidcastx (upload complete -> ready) and through
# the bare single-pass FFmpeg ladder with identical settings, in one invocation; prints both and the ratio.
#   bench/transcode/run.sh [--seconds 60]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [[ -z "${JAVA_HOME:-}" ]] && [[ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

./mvnw -B -q -pl workers/transcode -am -DskipTests install
./mvnw -B -q -pl workers/transcode dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
"$java" --enable-native-access=ALL-UNNAMED \
  -cp "workers/transcode/target/test-classes:workers/transcode/target/classes:$(cat workers/transcode/target/bench.classpath)" \
  io.vidcastx.workers.transcode.TranscodeBenchmark "$@"
