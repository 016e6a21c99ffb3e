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

/** A real four-second 320x180 MP4 and poster stored where the transcode worker puts them, for picture tests. */
public final class RealMp4 {

    public static final double SECONDS = 4.0;

    private RealMp4() {
    }

    public static void store(MediaProcessRunner runner, FfmpegBinaries ffmpeg, StorageService storage, VideoId id,
                             Path scratch) throws Exception {
        Path work = Files.createDirectories(scratch.resolve(id + "-mp4"));
        Path mp4 = work.resolve("highest.mp4");
        runner.run(ffmpeg.ffmpeg(), List.of("-nostdin", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=320x180:rate=10:duration=" + (int) SECONDS, "-c:v", "libx264", "-preset", "ultrafast",
                "-g", "10", "-pix_fmt", "yuv420p", mp4.toString()), work, Duration.ofMinutes(1), null, () -> false);
        Path poster = work.resolve("thumbnail.jpg");
        runner.run(ffmpeg.ffmpeg(), List.of("-nostdin", "-loglevel", "error", "-ss", "2", "-i", mp4.toString(),
                "-frames:v", "1", poster.toString()), work, Duration.ofMinutes(1), null, () -> false);
        storage.uploadFile(StorageKeys.mp4Folder(id) + "highest.mp4", mp4, "video/mp4");
        storage.uploadFile(StorageKeys.thumbnailsFolder(id) + "thumbnail.jpg", poster, "image/jpeg");
    }
}
