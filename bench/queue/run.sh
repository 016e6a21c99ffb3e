#!/usr/bin/env bash
# Queue benchmark: no-op jobs through the Vidcastx queue (PostgreSQL record + Redis Streams dispatch)
# and through BullMQ on the same embedded Redis, in one invocation; prints both and their ratio.
#   bench/queue/run.sh [--jobs 5000] [--workers 4] [--concurrency 8]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [[ -z "${JAVA_HOME:-}" ]] && [[ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

(cd bench/queue && npm ci --silent --no-audit --no-fund)
./mvnw -B -q -pl core -am -DskipTests install
./mvnw -B -q -pl core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
"$java" --enable-native-access=ALL-UNNAMED \
  -cp "core/target/test-classes:core/target/classes:$(cat core/target/bench.classpath)" \
  io.vidcastx.core.queue.QueueBenchmark --bullmq-script bench/queue/bullmq-bench.mjs "$@"
