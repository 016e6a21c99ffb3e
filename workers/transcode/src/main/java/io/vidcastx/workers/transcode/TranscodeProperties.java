package io.vidcastx.workers.transcode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The transcode worker's settings ({@code vidcastx.transcode.*}). The ladder is configuration: for
 * example {@code vidcastx.transcode.ladder[0].name=1080p}, {@code .height=1080}, {@code .video-kbps=5000}.
 *
 * @param ladder           renditions from the top down; a rung's height is the short side of the
 *                         picture, so portrait videos get the same quality steps as landscape ones
 * @param preset           x264 preset ("veryfast" keeps High profile; "ultrafast" silently does not)
 * @param segmentSeconds   target HLS segment duration
 * @param keyframeSeconds  distance between keyframes (segments cut on them)
 * @param thumbnailAt      where the poster frame is taken (the middle of shorter clips)
 * @param maxDimension     sources wider or taller than this are refused
 * @param maxFrameRate     faster sources are reduced to this frame rate
 * @param timeout          longest a single FFmpeg run may take
 * @param workDir          scratch space for sources and outputs (the system temp dir when unset)
 * @param transcribeWhenReady queue a transcription (AI worker) for each video with sound once it is ready
 */
@ConfigurationProperties("vidcastx.transcode")
public record TranscodeProperties(
        @Nullable List<Rung> ladder,
        @DefaultValue("veryfast") String preset,
        @DefaultValue("6") int segmentSeconds,
        @DefaultValue("2") int keyframeSeconds,
        @DefaultValue("128") int audioKbps,
        @DefaultValue("2s") Duration thumbnailAt,
        @DefaultValue("8192") int maxDimension,
        @DefaultValue("60") double maxFrameRate,
        @DefaultValue("6h") Duration timeout,
        @DefaultValue("1") int concurrency,
        @Nullable Path workDir,
        @DefaultValue("true") boolean transcribeWhenReady) {

    /** Mux-like default: 1080p, 720p, 480p. */
    public static final List<Rung> DEFAULT_LADDER = List.of(
            new Rung("1080p", 1080, 5000),
            new Rung("720p", 720, 2800),
            new Rung("480p", 480, 1400));

    public TranscodeProperties {
        ladder = ladder == null || ladder.isEmpty() ? DEFAULT_LADDER : List.copyOf(ladder);
        if (segmentSeconds % keyframeSeconds != 0) {
            throw new IllegalArgumentException("vidcastx.transcode.segment-seconds must be a multiple of keyframe-seconds");
        }
    }

    public List<Rung> rungs() {
        return ladder == null ? DEFAULT_LADDER : ladder;
    }

    public Path scratchDir() {
        return workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"), "vidcastx-transcode");
    }

    /** One step of the ladder. */
    public record Rung(String name, int height, int videoKbps) {

        public Rung {
            if (!name.matches("[a-z0-9]{1,16}")) {
                throw new IllegalArgumentException("Rung names are short lower-case words such as 720p: " + name);
            }
            if (height < 16 || videoKbps < 50) {
                throw new IllegalArgumentException("Rung " + name + " needs a height >= 16 and video-kbps >= 50");
            }
        }
    }
}
