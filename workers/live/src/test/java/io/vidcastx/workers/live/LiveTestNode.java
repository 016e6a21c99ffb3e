package io.vidcastx.workers.live;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.FfmpegProperties;
import io.vidcastx.workers.live.hls.FfmpegLauncher;
import io.vidcastx.workers.live.hls.LiveRung;
import org.springframework.util.unit.DataSize;

/** An ingest node on a free loopback port with short timeouts, keys from a map, and a record of callbacks. */
final class LiveTestNode implements AutoCloseable {

    static final FfmpegBinaries BINARIES = new FfmpegBinaries(new FfmpegProperties(null, null));
    static final FfmpegLauncher LAUNCHER = new FfmpegLauncher(BINARIES::ffmpeg);

    final Map<String, String> streamIdsByKey = new ConcurrentHashMap<>();
    final Queue<LiveSession> connected = new ConcurrentLinkedQueue<>();
    final Queue<Map.Entry<LiveSession, SessionEnd>> disconnected = new ConcurrentLinkedQueue<>();
    final Path workDir;
    final LiveIngestNode node;

    LiveTestNode(Path workDir) {
        this(workDir, 12000, 1080);
    }

    LiveTestNode(Path workDir, int maxVideoKbps, int maxResolution) {
        this.workDir = workDir;
        var properties = new LiveProperties("127.0.0.1", 0, "app", 4, 32, DataSize.ofMegabytes(4), DataSize.ofKilobytes(64),
                DataSize.ofMegabytes(16), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(3), 2, 2,
                List.of(new LiveRung("180p", 180, 300)), "ultrafast", 128, 2000, Duration.ofSeconds(10), workDir,
                maxVideoKbps, maxResolution);
        this.node = LiveIngestNode.start(properties,
                attempt -> {
                    String streamId = streamIdsByKey.get(attempt.key().reveal());
                    return streamId != null ? PublishDecision.accept(streamId) : PublishDecision.refuse("unknown key");
                },
                new LiveSessionListener() {
                    @Override
                    public void connected(LiveSession session) {
                        connected.add(session);
                    }

                    @Override
                    public void disconnected(LiveSession session, SessionEnd end) {
                        disconnected.add(Map.entry(session, end));
                    }
                },
                LAUNCHER);
    }

    String url(String key) {
        return "rtmp://127.0.0.1:" + node.rtmpPort() + "/app/" + key;
    }

    Publisher publish(String key, int seconds, Path stderr) {
        return Publisher.start(url(key), seconds, stderr);
    }

    SessionEnd endOf(String streamId) {
        return disconnected.stream().filter(entry -> entry.getKey().streamId().equals(streamId))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
    }

    LiveSession sessionOf(String streamId) {
        return connected.stream().filter(session -> session.streamId().equals(streamId)).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        node.close();
    }

    static Duration timeout(int seconds) {
        return Duration.ofSeconds(seconds);
    }
}
