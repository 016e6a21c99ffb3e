package io.vidcastx.workers.live.hls;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Starts FFmpeg with its stdin open for streaming. Core's {@code MediaProcessRunner} closes stdin and
 * waits for the exit, which suits files, not a live pipe; this keeps its rules: an argument list
 * (never a shell) and the bundled shared libraries on the library path.
 */
public final class FfmpegLauncher {

    private final Supplier<Path> ffmpeg;

    /** @param ffmpeg the executable, e.g. {@code FfmpegBinaries::ffmpeg} (resolved on first use) */
    public FfmpegLauncher(Supplier<Path> ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    public Path executable() {
        return ffmpeg.get();
    }

    public Process start(List<String> arguments, Path workDir) throws IOException {
        return builder(arguments).directory(workDir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** A builder for any run of this FFmpeg (tests and the benchmark publish with it). */
    public ProcessBuilder builder(List<String> arguments) {
        Path executable = ffmpeg.get();
        var command = new ArrayList<String>(arguments.size() + 1);
        command.add(executable.toString());
        command.addAll(arguments);
        var builder = new ProcessBuilder(command);
        // JavaCPP's FFmpeg keeps libav* next to the executable, and not all of them carry a RUNPATH
        Path directory = executable.toAbsolutePath().getParent();
        if (directory != null && Files.exists(directory.resolve("libavutil.so"))) {
            String current = builder.environment().get("LD_LIBRARY_PATH");
            builder.environment().put("LD_LIBRARY_PATH",
                    directory + (current == null || current.isEmpty() ? "" : File.pathSeparator + current));
        }
        return builder;
    }
}
