package io.vidcastx.core.captions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.FfmpegException;
import io.vidcastx.core.media.InputProtocols;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.storage.StorageException;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.db.ids.VideoId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MPEG-TS time (90 kHz) at which the video's HLS segments start. FFmpeg's TS muxer does not
 * start at zero, and WebVTT cues are placed on that clock through X-TIMESTAMP-MAP; without it
 * Safari shows every caption early by that much.
 */
public final class MpegTsClock {

    private static final Logger log = LoggerFactory.getLogger(MpegTsClock.class);

    private final StorageService storage;
    private final FfmpegBinaries binaries;
    private final MediaProcessRunner runner;

    public MpegTsClock(StorageService storage, FfmpegBinaries binaries, MediaProcessRunner runner) {
        this.storage = storage;
        this.binaries = binaries;
        this.runner = runner;
    }

    /** ffprobe's arguments: the start time of a downloaded segment, which may open only local files. */
    static List<String> arguments(Path segment) {
        return arguments(segment, false);
    }

    /** With {@code videoOnly}, the start of the picture (after its decoding delay) rather than of the file. */
    static List<String> arguments(Path segment, boolean videoOnly) {
        var args = new ArrayList<>(List.of("-v", "error"));
        args.addAll(InputProtocols.only(InputProtocols.LOCAL_FILE));
        if (videoOnly) {
            args.addAll(List.of("-select_streams", "v:0"));
        }
        args.addAll(List.of("-show_entries", videoOnly ? "stream=start_time" : "format=start_time", "-of",
                "default=noprint_wrappers=1:nokey=1", segment.toString()));
        return args;
    }

    /**
     * The first video frame's timestamp, in 90 kHz ticks: HLS segments are cut at video frames, so
     * another rendition cut like the video counts its segments from here. 0 when it cannot be read.
     */
    public long firstVideoTimestamp(VideoId videoId, Optional<String> playlistKey, Path workDir) {
        return start(videoId, playlistKey, workDir, true);
    }

    /**
     * @param playlistKey one HLS rendition playlist of the video (its renditions share one clock)
     * @param workDir     where the first segment is downloaded to be read
     * @return the first segment's start in 90 kHz ticks, or 0 when it cannot be read (logged)
     */
    public long firstTimestamp(VideoId videoId, Optional<String> playlistKey, Path workDir) {
        return start(videoId, playlistKey, workDir, false);
    }

    private long start(VideoId videoId, Optional<String> playlistKey, Path workDir, boolean videoOnly) {
        if (playlistKey.isEmpty()) {
            return 0;
        }
        try {
            Files.createDirectories(workDir);
            String playlist;
            try (InputStream in = storage.getFileStream(playlistKey.get())) {
                playlist = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String segment = playlist.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no segment in " + playlistKey.get()));
            String folder = playlistKey.get().substring(0, playlistKey.get().lastIndexOf('/') + 1);
            // A file of its own: two jobs may read the same video's clock in one shared folder at once.
            Path local = Files.createTempFile(workDir, "first-segment-", ".ts");
            try {
                storage.downloadFile(StorageKeys.validate(folder + segment), local);
                var lines = runner.run(binaries.ffprobe(), arguments(local, videoOnly), workDir, Duration.ofMinutes(1),
                        null, () -> false);
                return Math.round(Double.parseDouble(lines.getFirst().strip()) * 90_000);
            } finally {
                Files.deleteIfExists(local);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (StorageException | FfmpegException | IllegalStateException | NumberFormatException
                 | java.util.NoSuchElementException e) {
            log.warn("Could not read the start time of video {}'s segments; captions are mapped to 0: {}", videoId,
                    e.toString());
            return 0;
        }
    }
}
