package io.vidcastx.core.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.bytedeco.javacpp.Loader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Locates the ffmpeg and ffprobe executables once, on first use: the configured paths, or the ones
 * JavaCPP extracts from the bytedeco artifact into its cache (a few seconds the very first time).
 */
public final class FfmpegBinaries {

    private static final Logger log = LoggerFactory.getLogger(FfmpegBinaries.class);

    private final Supplier<Path> ffmpeg;
    private final Supplier<Path> ffprobe;

    public FfmpegBinaries(FfmpegProperties properties) {
        this.ffmpeg = memoize(() -> locate("ffmpeg", properties.path(), org.bytedeco.ffmpeg.ffmpeg.class));
        this.ffprobe = memoize(() -> locate("ffprobe", properties.ffprobePath(), org.bytedeco.ffmpeg.ffprobe.class));
    }

    public Path ffmpeg() {
        return ffmpeg.get();
    }

    public Path ffprobe() {
        return ffprobe.get();
    }

    private static Path locate(String name, @org.jspecify.annotations.Nullable String configured, Class<?> bundled) {
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException("vidcastx.ffmpeg: " + name + " at " + path + " is not an executable file");
            }
            return path;
        }
        Path path = Path.of(Loader.load(bundled));
        log.info("Using the bundled {} at {}", name, path);
        return path;
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T result = value;
                if (result == null) {
                    synchronized (this) {
                        result = value;
                        if (result == null) {
                            result = supplier.get();
                            value = result;
                        }
                    }
                }
                return result;
            }
        };
    }
}
