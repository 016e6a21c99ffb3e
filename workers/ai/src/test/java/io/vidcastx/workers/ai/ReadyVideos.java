package io.vidcastx.workers.ai;

import static io.vidcastx.db.jooq.Tables.RENDITIONS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.RenditionId;
import io.vidcastx.db.ids.VideoId;
import org.jooq.DSLContext;

/**
 * Ready videos as the transcode worker leaves them (source, one HLS rendition in MPEG-TS, master
 * playlist, rows), made with the real FFmpeg from lavfi tones: no speech synthesiser on CI machines.
 */
final class ReadyVideos {

    private final FfmpegBinaries binaries;
    private final MediaProcessRunner runner;
    private final StorageService storage;
    private final DSLContext dsl;
    private final Path dir;

    ReadyVideos(FfmpegBinaries binaries, MediaProcessRunner runner, StorageService storage, DSLContext dsl, Path dir) {
        this.binaries = binaries;
        this.runner = runner;
        this.storage = storage;
        this.dsl = dsl;
        this.dir = dir;
    }

    /** A few tones of different pitch after one another, with a moving picture. */
    Path source(String name, int seconds, boolean audio) {
        var args = new ArrayList<>(List.of("-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=320x240:rate=25:duration=" + seconds));
        if (audio) {
            args.addAll(List.of("-f", "lavfi", "-i", "aevalsrc='0.4*sin(2*PI*(220+110*floor(t))*t)*(0.6+0.4*sin(2*PI*3*t))'"
                    + ":s=44100:d=" + seconds, "-c:a", "aac", "-shortest"));
        }
        args.addAll(List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "50"));
        return ffmpeg(name, args);
    }

    /** Stores {@code source} and its HLS output, and records the video as ready. */
    VideoId ready(OrganizationId organization, Path source, double seconds, boolean audio) {
        var id = VideoId.random();
        storage.uploadFile(StorageKeys.rawSource(id), source, "video/mp4");
        Path hls = dir.resolve(id.toString());
        try {
            Files.createDirectories(hls.resolve("240p"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        runner.run(binaries.ffmpeg(), List.of("-nostdin", "-y", "-loglevel", "error", "-i", source.toString(), "-c", "copy",
                "-f", "hls", "-hls_time", "4", "-hls_playlist_type", "vod", "-hls_segment_filename",
                hls.resolve("240p/segment_%03d.ts").toString(), hls.resolve("240p/index.m3u8").toString()), hls,
                Duration.ofMinutes(1), line -> { }, () -> false);
        try (var files = Files.list(hls.resolve("240p"))) {
            files.forEach(file -> storage.uploadFile(StorageKeys.hlsFile(id, "240p/" + file.getFileName()), file,
                    null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        storage.uploadFile(StorageKeys.hlsMaster(id), ("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n"
                + "#EXT-X-STREAM-INF:BANDWIDTH=400000,AVERAGE-BANDWIDTH=300000,RESOLUTION=320x240\n240p/index.m3u8\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        dsl.insertInto(VIDEOS).set(VIDEOS.VIDEO_ID, id).set(VIDEOS.ORGANIZATION_ID, organization)
                .set(VIDEOS.TITLE, source.getFileName().toString()).set(VIDEOS.STATUS, "ready")
                .set(VIDEOS.PLAYBACK_ID, UUID.randomUUID().toString().replace("-", ""))
                .set(VIDEOS.SOURCE_KEY, StorageKeys.rawSource(id)).set(VIDEOS.DURATION_SECONDS, seconds)
                .set(VIDEOS.HAS_AUDIO, audio).set(VIDEOS.WIDTH, 320).set(VIDEOS.HEIGHT, 240).execute();
        dsl.insertInto(RENDITIONS).set(RENDITIONS.RENDITION_ID, RenditionId.random()).set(RENDITIONS.VIDEO_ID, id)
                .set(RENDITIONS.ORGANIZATION_ID, organization).set(RENDITIONS.NAME, "240p").set(RENDITIONS.KIND, "video")
                .set(RENDITIONS.WIDTH, 320).set(RENDITIONS.HEIGHT, 240)
                .set(RENDITIONS.PLAYLIST_KEY, StorageKeys.hlsFile(id, "240p/index.m3u8")).execute();
        return id;
    }

    /** 16 kHz mono float PCM of {@code source}, as the worker extracts it. */
    Path pcm(Path source, String name) {
        Path output = dir.resolve(name);
        runner.run(binaries.ffmpeg(), AudioExtraction.arguments(source.toString(), output.toString()), dir,
                Duration.ofMinutes(1), line -> { }, () -> false);
        return output;
    }

    Path ffmpeg(String name, List<String> args) {
        Path output = dir.resolve(name);
        var all = new ArrayList<>(args);
        all.add(output.toString());
        runner.run(binaries.ffmpeg(), all, dir, Duration.ofMinutes(2), line -> { }, () -> false);
        return output;
    }

    /** The start time of an MPEG-TS file in 90 kHz ticks, read with ffprobe. */
    long startTicks(Path segment) {
        var lines = runner.run(binaries.ffprobe(), List.of("-v", "error", "-show_entries", "format=start_time", "-of",
                "default=noprint_wrappers=1:nokey=1", segment.toString()), dir, Duration.ofMinutes(1), null, () -> false);
        return Math.round(Double.parseDouble(lines.getFirst().strip()) * 90_000);
    }

    /** The job once the worker has finished it, either way. */
    io.vidcastx.db.jooq.tables.records.JobsRecord finished(io.vidcastx.db.ids.JobId job, Duration within) {
        var jobs = io.vidcastx.db.jooq.Tables.JOBS;
        org.awaitility.Awaitility.await().atMost(within).until(() -> dsl.fetchSingle(jobs, jobs.JOB_ID.eq(job)).getStatus(),
                status -> status.equals("completed") || status.equals("failed"));
        return dsl.fetchSingle(jobs, jobs.JOB_ID.eq(job));
    }

    /** A stored text file (a playlist), as a player would read it. */
    String text(String key) {
        try (var in = storage.getFileStream(key)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir() {
        return dir;
    }
}
