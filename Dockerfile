# syntax=docker/dockerfile:1
#
# One image for every role. The first argument picks it:
#   docker run -p 8080:8080 -v vidcastx-data:/data vidcastx            # all: app + workers, embedded servers
#   docker run vidcastx app | transcode | ai | live | publisher         # one role, external servers
#   (live: the RTMP ingest; publish -p 1935:1935)
# Configuration is the VIDCASTX_* environment variables (see docker-compose.yml).

# ---------------------------------------------------------------------------------------------------
# Build: JDK 25 (the project compiles with release 21) plus Node 20 for the frontend module, which
# Maven builds by calling the machine's npm.
FROM eclipse-temurin:25-jdk AS build

# Node 20 comes from NodeSource: the base image is Ubuntu 24.04, whose own nodejs is 18 (and its npm
# 9), older than the Node 20 the frontend build is tested with. The repository is added by hand with
# its signing key rather than by piping a setup script into a shell. curl is also what ./mvnw uses
# to download Maven.
ARG NODE_MAJOR=20
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends ca-certificates curl gnupg; \
    install -d -m 0755 /etc/apt/keyrings; \
    curl -fsSL https://deb.nodesource.com/gpgkey/nodesource-repo.gpg.key \
        | gpg --dearmor -o /etc/apt/keyrings/nodesource.gpg; \
    echo "deb [signed-by=/etc/apt/keyrings/nodesource.gpg] https://deb.nodesource.com/node_${NODE_MAJOR}.x nodistro main" \
        > /etc/apt/sources.list.d/nodesource.list; \
    apt-get update; \
    apt-get install -y --no-install-recommends nodejs; \
    # Perl's MaxMind::DB::Writer: the geography tests write their own MMDB with it, so `./mvnw verify`
    # in this stage runs them instead of skipping them.
    apt-get install -y --no-install-recommends libmaxmind-db-writer-perl; \
    rm -rf /var/lib/apt/lists/*; \
    node --version; npm --version

WORKDIR /src
COPY . .

# The Maven repository (and the Maven distribution ./mvnw downloads into it) and the npm cache
# survive between builds in BuildKit cache mounts, so a rebuild after a code change downloads nothing.
RUN --mount=type=cache,target=/root/.m2 \
    --mount=type=cache,target=/root/.npm \
    ./mvnw -B -q -DskipTests package -pl launcher -am \
    && cp launcher/target/vidcastx.jar /tmp/vidcastx.jar

# ---------------------------------------------------------------------------------------------------
# Runtime: JRE 25 and the distribution's FFmpeg (Ubuntu 24.04 packages Debian's ffmpeg, 6.1), so the
# transcode worker needs no bundled binary: VIDCASTX_FFMPEG_PATH points it at /usr/bin/ffmpeg.
FROM eclipse-temurin:25-jre

# curl is for health checks (docker-compose.yml); the Temurin 25 images no longer ship it.
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends ffmpeg curl; \
    # Local AI dubbing (the ai role): speech synthesis and English<->Spanish/Catalan translation.
    apt-get install -y --no-install-recommends espeak-ng apertium apertium-eng-spa apertium-eng-cat; \
    rm -rf /var/lib/apt/lists/*; \
    ffmpeg -hide_banner -version | head -n 1

# A fixed, non-root UID so that volume ownership is predictable. Running as root would also break
# the embedded PostgreSQL of the "all" role: as root it needs `unshare -U`, which Docker's default
# seccomp profile forbids. The home directory is real because native libraries (JavaCPP, whisper-jni)
# may unpack into a cache under it.
RUN set -eux; \
    groupadd --system --gid 10001 vidcastx; \
    useradd --system --uid 10001 --gid vidcastx --create-home --home-dir /home/vidcastx \
        --shell /usr/sbin/nologin vidcastx; \
    install -d -o vidcastx -g vidcastx -m 0750 /data

COPY --from=build /tmp/vidcastx.jar /opt/vidcastx/vidcastx.jar

ENV VIDCASTX_FFMPEG_PATH=/usr/bin/ffmpeg \
    VIDCASTX_FFMPEG_FFPROBE_PATH=/usr/bin/ffprobe

# The embedded servers keep their data in ./data relative to the working directory; with / as the
# working directory that is the /data volume. A fresh named volume takes /data's ownership, so the
# non-root user can write to it. / itself is not writable: nothing else lands in the container layer.
WORKDIR /
VOLUME ["/data"]

USER vidcastx:vidcastx
EXPOSE 8080 1935

# JVM options (heap size and the like) go in JAVA_TOOL_OPTIONS. No HEALTHCHECK here: only the app
# and all roles serve HTTP; docker-compose.yml checks the app.
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-jar", "/opt/vidcastx/vidcastx.jar"]
CMD ["all"]
