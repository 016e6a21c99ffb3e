package io.vidcastx.workers.live;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.vidcastx.workers.live.health.IngestLimits;
import io.vidcastx.workers.live.hls.LiveHlsSettings;
import io.vidcastx.workers.live.hls.LiveRung;
import io.vidcastx.workers.live.rtmp.ChunkLimits;
import io.vidcastx.workers.live.rtmp.RtmpServerSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The live ingest node's settings ({@code vidcastx.live.*}; the port is {@code VIDCASTX_LIVE_RTMP_PORT}).
 * The live ladder is configuration: {@code vidcastx.live.ladder[0].name=480p}, {@code .height=480},
 * {@code .video-kbps=1400}; an explicitly empty ladder means the source rung only.
 *
 * @param bindAddress       interface to listen on
 * @param rtmpPort          RTMP port (0 picks a free one)
 * @param app               application name in {@code rtmp://host:1935/app/STREAM_KEY}
 * @param maxPublishers     sessions publishing at once on this node; more are refused
 * @param maxConnections    TCP connections at once, publishing or not; more are closed at once
 * @param maxMessageSize    largest RTMP message accepted from a publisher (a key frame is the largest)
 * @param maxChunkSize      largest chunk size a publisher may set
 * @param maxBufferedMedia  media waiting for FFmpeg per session; past it the publisher is dropped
 * @param handshakeTimeout  the RTMP handshake must complete within this
 * @param publishTimeout    a connection must be publishing within this
 * @param idleTimeout       a connection silent for this long is closed
 * @param segmentSeconds    live HLS segment duration
 * @param windowSegments    segments in each live playlist (the sliding window)
 * @param ladder            encoded rungs below the source (default: 480p)
 * @param preset            x264 preset of the encoded rungs
 * @param audioKbps         AAC bit rate when the source's audio must be encoded
 * @param sourceKbps        bit rate of the source rung when the source video is not H.264
 * @param stopTimeout       how long FFmpeg may take to finish after the publisher leaves
 * @param workDir           where sessions write (the system temp dir when unset)
 * @param maxVideoKbps      video bit rate one publisher may average (Mux's ingest takes up to 1080p; OBS's
 *                          1080p60 preset sends 6000 Kbps); past it the publisher is dropped with the reason
 * @param maxResolution     largest picture by its shorter side ({@code 1080} = 1080p, portrait too); larger
 *                          publishers are refused at their sequence header
 */
@ConfigurationProperties("vidcastx.live")
public record LiveProperties(
        @DefaultValue("0.0.0.0") String bindAddress,
        @DefaultValue("1935") int rtmpPort,
        @DefaultValue("app") String app,
        @DefaultValue("8") int maxPublishers,
        @DefaultValue("64") int maxConnections,
        @DefaultValue("4MB") DataSize maxMessageSize,
        @DefaultValue("64KB") DataSize maxChunkSize,
        @DefaultValue("16MB") DataSize maxBufferedMedia,
        @DefaultValue("5s") Duration handshakeTimeout,
        @DefaultValue("15s") Duration publishTimeout,
        @DefaultValue("10s") Duration idleTimeout,
        @DefaultValue("2") int segmentSeconds,
        @DefaultValue("6") int windowSegments,
        @Nullable List<LiveRung> ladder,
        @DefaultValue("veryfast") String preset,
        @DefaultValue("128") int audioKbps,
        @DefaultValue("4500") int sourceKbps,
        @DefaultValue("10s") Duration stopTimeout,
        @Nullable Path workDir,
        @DefaultValue("12000") int maxVideoKbps,
        @DefaultValue("1080") int maxResolution) {

    /** Mux-like default: the source plus 480p. */
    public static final List<LiveRung> DEFAULT_LADDER = List.of(new LiveRung("480p", 480, 1400));

    public LiveProperties {
        ladder = ladder == null ? DEFAULT_LADDER : List.copyOf(ladder);
        if (maxPublishers < 1) {
            throw new IllegalArgumentException("vidcastx.live.max-publishers must be at least 1");
        }
        if (maxMessageSize.toBytes() > 16 * 1024 * 1024 - 1) {
            throw new IllegalArgumentException("vidcastx.live.max-message-size cannot exceed RTMP's 16 MiB");
        }
    }

    public IngestLimits limits() {
        return new IngestLimits(maxVideoKbps, maxResolution);
    }

    public List<LiveRung> rungs() {
        return ladder == null ? DEFAULT_LADDER : ladder;
    }

    public Path sessionsDir() {
        return workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"), "vidcastx-live");
    }

    RtmpServerSettings rtmpSettings() {
        int message = (int) maxMessageSize.toBytes();
        // two messages in reassembly at once: a video frame interleaved with audio
        var limits = new ChunkLimits((int) maxChunkSize.toBytes(), message, 16, 2 * message);
        return new RtmpServerSettings(bindAddress, rtmpPort, app, maxConnections, handshakeTimeout, publishTimeout,
                idleTimeout, limits);
    }

    LiveHlsSettings hlsSettings() {
        return new LiveHlsSettings(segmentSeconds, windowSegments, rungs(), preset, audioKbps, sourceKbps);
    }
}
