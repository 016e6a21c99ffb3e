#!/usr/bin/env bash
# Shared by the bench/*/run.sh scripts: builds <module> with what it depends on, then runs a
# benchmark class from its test sources on the module's test classpath.
#   bench/lib/java-benchmark.sh <module> <main class> [benchmark arguments...]
# MAVEN_ARGS passes extra arguments to Maven (e.g. -o).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [[ -z "${JAVA_HOME:-}" ]] && [[ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
module="$1"
main="$2"
shift 2

./mvnw -B -q -pl "$module" -am -DskipTests install ${MAVEN_ARGS:-}
./mvnw -B -q -pl "$module" dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath ${MAVEN_ARGS:-}
exec "$java" --enable-native-access=ALL-UNNAMED \
  -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")" \
  "$main" "$@"
