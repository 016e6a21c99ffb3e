#!/usr/bin/env bash
# Upload benchmark: the same file of random bytes sent by tus-js-client (Node) over loopback to
# Vidcastx's TUS endpoint and to the reference @tus/server with its FileStore, one after the other,
# in one invocation; prints the throughput of each, their ratio and each server's memory.
#   bench/upload/run.sh [--size-mb 1024] [--chunk-mb 64 (0: one PATCH)] [--warmup-mb 16] [--idle-seconds 3]
#                       [--log-dir DIR]
# JAVA_HOME defaults to Temurin 25; JAVA_TOOL_OPTIONS reaches the Vidcastx JVM as usual.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [[ -z "${JAVA_HOME:-}" ]] && [[ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar=launcher/target/vidcastx.jar

if [[ ! -f "$jar" ]]; then
  ./mvnw -B -q -pl launcher -am -DskipTests package
fi
(cd bench/upload && npm ci --silent --no-audit --no-fund)
exec node bench/upload/bench.mjs --java "$java" --jar "$jar" "$@"
