package io.vidcastx.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.db.ids.VideoId;

/** Six seconds of real HLS (x264 + AAC, 2 s segments, one 360p rung) and a poster, stored where the worker puts them. */
public final class RealHls {

    private RealHls() {
    }

    /** {@link #store}, plus the rows of a ready video of {@code organization} with that one 360p rendition. */
    public static void storeReady(org.jooq.DSLContext dsl, MediaProcessRunner runner, FfmpegBinaries ffmpeg,
                                  StorageService storage, io.vidcastx.db.ids.OrganizationId organization, VideoId id,
                                  String playbackId, String title, Path scratch) throws Exception {
        store(runner, ffmpeg, storage, id, scratch);
        var videos = io.vidcastx.db.jooq.Tables.VIDEOS;
        var renditions = io.vidcastx.db.jooq.Tables.RENDITIONS;
        dsl.insertInto(videos).set(videos.VIDEO_ID, id).set(videos.ORGANIZATION_ID, organization)
                .set(videos.TITLE, title).set(videos.STATUS, "ready").set(videos.PLAYBACK_ID, playbackId)
                .set(videos.WIDTH, 640).set(videos.HEIGHT, 360).set(videos.ASPECT_RATIO, "16:9")
                .set(videos.DURATION_SECONDS, 6.0).execute();
        dsl.insertInto(renditions).set(renditions.RENDITION_ID, io.vidcastx.db.ids.RenditionId.random())
                .set(renditions.VIDEO_ID, id).set(renditions.ORGANIZATION_ID, organization).set(renditions.NAME, "360p")
                .set(renditions.KIND, "video").set(renditions.WIDTH, 640).set(renditions.HEIGHT, 360)
                .set(renditions.PLAYLIST_KEY, StorageKeys.hlsFile(id, "360p/index.m3u8")).execute();
    }

    public static void store(MediaProcessRunner runner, FfmpegBinaries ffmpeg, StorageService storage, VideoId id,
                             Path scratch) throws Exception {
        Path work = Files.createDirectories(scratch.resolve(id.toString()));
        Path rendition = Files.createDirectories(work.resolve("360p"));
        runner.run(ffmpeg.ffmpeg(), List.of("-nostdin", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=640x360:rate=30:duration=6", "-f", "lavfi", "-i", "sine=frequency=440:duration=6",
                "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high", "-pix_fmt", "yuv420p", "-g", "60",
                "-c:a", "aac", "-shortest", "-f", "hls", "-hls_time", "2", "-hls_playlist_type", "vod",
                "-hls_segment_filename", rendition.resolve("segment_%03d.ts").toString(),
                rendition.resolve("index.m3u8").toString()), work, Duration.ofMinutes(1), null, () -> false);
        runner.run(ffmpeg.ffmpeg(), List.of("-nostdin", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=640x360:rate=1:duration=1", "-frames:v", "1", work.resolve("thumbnail.jpg").toString()),
                work, Duration.ofMinutes(1), null, () -> false);
        try (var files = Files.list(rendition)) {
            for (Path file : files.toList()) {
                storage.uploadFile(StorageKeys.hlsFile(id, "360p/" + file.getFileName()), file, null);
            }
        }
        storage.uploadFile(StorageKeys.hlsMaster(id), ("#EXTM3U\n#EXT-X-VERSION:3\n"
                + "#EXT-X-STREAM-INF:BANDWIDTH=900000,AVERAGE-BANDWIDTH=800000,CODECS=\"avc1.64001e,mp4a.40.2\","
                + "RESOLUTION=640x360,FRAME-RATE=30.000\n360p/index.m3u8\n").getBytes(), null);
        storage.uploadFile(StorageKeys.thumbnailsFolder(id) + "thumbnail.jpg", work.resolve("thumbnail.jpg"), "image/jpeg");
    }
}
