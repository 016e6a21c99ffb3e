#!/usr/bin/env bash
# Webhook benchmark: what fan-out adds to a transaction that records an event (0, 1, 10 endpoints),
# and deliveries through the queue against the same signed POSTs sent directly, in one invocation.
#   bench/webhooks/run.sh [--events 1000]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [[ -z "${JAVA_HOME:-}" ]] && [[ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

./mvnw -B -q -pl app -am -DskipTests install
./mvnw -B -q -pl app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
"$java" --enable-native-access=ALL-UNNAMED \
  -cp "app/target/test-classes:app/target/classes:$(cat app/target/bench.classpath)" \
  io.vidcastx.webhooks.WebhookBenchmark "$@"
