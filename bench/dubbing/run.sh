#!/usr/bin/env bash
# Dubbing benchmark: the AI worker's whole local DUB job of a 10-minute English transcript into
# Spanish, against the bare apertium + espeak-ng + ffmpeg commands on the same text, in one run;
# prints both times and the ratio (target <= 1.3x). Needs espeak-ng, apertium, apertium-eng-spa.
#   bench/dubbing/run.sh [--minutes 10]
# Builds with -am (no `mvn install`: the local repository is shared); MAVEN_ARGS adds e.g. -o.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [[ -z "${JAVA_HOME:-}" ]] && [[ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
./mvnw -B -q -pl workers/ai -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath ${MAVEN_ARGS:-}
exec "$java" --enable-native-access=ALL-UNNAMED \
  -cp "workers/ai/target/test-classes:workers/ai/target/classes:$(cat workers/ai/target/bench.classpath)" \
  io.vidcastx.workers.ai.DubBenchmark "$@"
