#!/usr/bin/env bash
# Publisher benchmark: a 1 GiB resumable upload by the worker's ResumableUpload (8 MiB chunks, read
# from a file as the worker reads storage) against `curl -T` of the same file to the same local stub
# (YouTube's upload protocol, SHA-256 of what arrives), alternating in one invocation; peak heap is
# sampled during our uploads to show memory stays flat. One unmeasured warm-up upload comes first (JIT).
#   bench/publisher/run.sh [--mib 1024] [--rounds 2]
# Builds with the shared Maven lock and without installing anything into ~/.m2.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [[ -z "${JAVA_HOME:-}" ]] && [[ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
flock /tmp/vidcastx-maven.lock ./mvnw -B -q -pl workers/publisher -am test-compile dependency:build-classpath \
  -DskipTests -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath ${MAVEN_ARGS:-}
module=workers/publisher
exec "$java" -Xmx256m \
  -cp "$module/target/test-classes:$module/target/classes:core/target/classes:db/target/classes:$(cat "$module/target/bench.classpath")" \
  io.vidcastx.workers.publisher.PublisherBenchmark "$@"
