package io.vidcastx.workers.live.streams;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.vidcastx.workers.live.hls.FfmpegLauncher;
import org.jspecify.annotations.Nullable;

/**
 * Joins the recording parts of one live session (one per publisher connection, when the encoder
 * reconnected within the window) into one file with FFmpeg's concat demuxer, copying the streams.
 */
class RecordingJoiner {

    private final FfmpegLauncher ffmpeg;

    RecordingJoiner(FfmpegLauncher ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    Path join(List<Path> parts, Path target) throws IOException {
        Path list = target.resolveSibling("parts.txt");
        var lines = new ArrayList<String>();
        for (Path part : parts) {
            // our own temp file names: no quote can appear, but escape as the demuxer expects anyway
            lines.add("file '" + part.toAbsolutePath().toString().replace("'", "'\\''") + "'");
        }
        Files.write(list, lines, StandardCharsets.UTF_8);
        var process = ffmpeg.builder(List.of("-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                "-f", "concat", "-safe", "0", "-protocol_whitelist", "file", "-i", list.toString(),
                "-c", "copy", "-movflags", "+faststart", target.toString()))
                .redirectErrorStream(true).redirectOutput(target.resolveSibling("concat.log").toFile()).start();
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("FFmpeg could not join the recording parts: "
                        + Files.readString(target.resolveSibling("concat.log")).strip());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while joining the recording parts", e);
        }
        return target;
    }

    static void deleteQuietly(@Nullable Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temp directory: the OS cleans it eventually
        }
    }
}
