package io.vidcastx.core.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Workers' per-job scratch folders, removed whatever the job's outcome. */
public final class ScratchDirectories {

    private static final Logger log = LoggerFactory.getLogger(ScratchDirectories.class);

    private ScratchDirectories() {
    }

    /** Deletes the folder and everything in it; a failure is logged, never thrown (the job's outcome stands). */
    public static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not remove scratch directory {}", directory, e);
        }
    }
}
