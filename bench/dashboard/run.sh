#!/usr/bin/env bash
# Dashboard benchmark: 100,000 videos in PostgreSQL; server-side p50/p95 of the videos list's first page
# and of a tab switch, against the bare SQL of the page's rows, in one invocation.
#   bench/dashboard/run.sh [--videos 100000]
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
  io.vidcastx.videos.DashboardBenchmark "$@"
