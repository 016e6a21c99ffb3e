package io.vidcastx.workers.transcode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.MediaProcessRunner;

/** Short synthetic sources made with the real FFmpeg (lavfi test patterns and tones). */
final class TestSources {

    private final FfmpegBinaries binaries;
    private final MediaProcessRunner runner;
    private final Path dir;

    TestSources(FfmpegBinaries binaries, MediaProcessRunner runner, Path dir) {
        this.binaries = binaries;
        this.runner = runner;
        this.dir = dir;
    }

    Path video(String name, int width, int height, double seconds, boolean audio) {
        var args = new ArrayList<>(List.of("-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=" + width + "x" + height + ":rate=30:duration=" + seconds));
        if (audio) {
            args.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + seconds));
        }
        args.addAll(List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"));
        if (audio) {
            args.addAll(List.of("-c:a", "aac", "-shortest"));
        }
        return make(name, args);
    }

    Path audioOnly(String name, double seconds) {
        return make(name, List.of("-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i",
                "sine=frequency=330:sample_rate=44100:duration=" + seconds, "-c:a", "aac"));
    }

    Path image(String name) {
        return make(name, List.of("-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=320x240:rate=1:duration=1", "-frames:v", "1"));
    }

    /** A picture far larger than any rung (MJPEG in Matroska: x264 would refuse the size itself). */
    Path huge(String name) {
        return make(name, List.of("-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i",
                "color=c=blue:size=9600x16:rate=5:duration=1", "-c:v", "mjpeg", "-q:v", "10"));
    }

    Path text(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path empty(String name) {
        return text(name, "");
    }

    /** The first {@code fraction} of a file, as an interrupted upload would leave it. */
    Path truncated(Path source, String name, double fraction) {
        try {
            byte[] bytes = Files.readAllBytes(source);
            return Files.write(dir.resolve(name), java.util.Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An MP4 with its index first (as uploads from cameras and web exports usually are). */
    Path faststart(Path source, String name) {
        return make(name, List.of("-nostdin", "-y", "-loglevel", "error", "-i", source.toString(), "-c", "copy",
                "-movflags", "+faststart"));
    }

    /** A frame of {@code source} at {@code seconds}, scaled like the poster frame, as a JPEG. */
    Path frameAt(Path source, double seconds, String name) {
        return make(name, List.of("-nostdin", "-y", "-loglevel", "error", "-ss", String.valueOf(seconds), "-i",
                source.toString(), "-frames:v", "1", "-vf", "scale='min(1280,iw)':-2", "-q:v", "3"));
    }

    private Path make(String name, List<String> args) {
        Path output = dir.resolve(name);
        var all = new ArrayList<>(args);
        all.add(output.toString());
        runner.run(binaries.ffmpeg(), all, dir, Duration.ofMinutes(2), line -> { }, () -> false);
        return output;
    }
}
