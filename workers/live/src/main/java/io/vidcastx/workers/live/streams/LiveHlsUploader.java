package io.vidcastx.workers.live.streams;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.vidcastx.core.storage.StorageService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies one session's live HLS from the node's disk to storage, so every app instance serves it:
 * each playlist's new segments first, then the playlist itself, so a player never sees a segment that
 * is not there yet. Segments that left a playlist's window are deleted from storage a window later.
 * Runs on its own virtual thread until {@link #finish()}.
 */
final class LiveHlsUploader {

    private static final Logger log = LoggerFactory.getLogger(LiveHlsUploader.class);
    private static final long POLL_MILLIS = 250;

    private final StorageService storage;
    private final Path directory;
    private final String folder;
    private final Set<String> uploaded = new HashSet<>();
    private final Set<String> retiring = new LinkedHashSet<>();
    private final Thread thread;
    private volatile boolean finishing;
    private boolean masterUploaded;

    LiveHlsUploader(StorageService storage, Path directory, String folder) {
        this.storage = storage;
        this.directory = directory;
        this.folder = folder;
        this.thread = Thread.ofVirtual().name("live-hls-upload").start(this::run);
    }

    /** Uploads what FFmpeg wrote last (the playlists with their end tag) and stops. */
    void finish() {
        finishing = true;
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (true) {
            boolean last = finishing;
            try {
                uploadOnce();
            } catch (IOException | RuntimeException e) {
                log.warn("Live HLS upload of {} failed; trying again", folder, e);
            }
            if (last) {
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void uploadOnce() throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        List<Path> playlists;
        try (Stream<Path> rungs = Files.list(directory)) {
            playlists = rungs.filter(Files::isDirectory).map(rung -> rung.resolve("index.m3u8"))
                    .filter(Files::isRegularFile).toList();
        }
        for (Path playlist : playlists) {
            String rung = playlist.getParent().getFileName().toString();
            byte[] text = Files.readAllBytes(playlist);
            var segments = new LinkedHashSet<String>();
            for (String line : new String(text, StandardCharsets.UTF_8).split("\n")) {
                String name = line.strip();
                if (name.matches("segment_\\d{3,6}\\.ts")) {
                    segments.add(rung + "/" + name);
                }
            }
            for (String segment : segments) {
                if (uploaded.add(segment)) {
                    storage.uploadFile(folder + segment, directory.resolve(segment), "video/mp2t");
                }
            }
            storage.uploadFile(folder + rung + "/index.m3u8", text, "application/vnd.apple.mpegurl");
            retire(rung, segments);
        }
        Path master = directory.resolve("master.m3u8");
        if (!masterUploaded && !playlists.isEmpty() && Files.isRegularFile(master)) {
            storage.uploadFile(folder + "master.m3u8", Files.readAllBytes(master), "application/vnd.apple.mpegurl");
            masterUploaded = true;
        }
    }

    /** Deletes segments one window after they left the playlist: a player may still be fetching them. */
    private void retire(String rung, Set<String> current) {
        uploaded.stream().filter(s -> s.startsWith(rung + "/") && !current.contains(s)).forEach(retiring::add);
        var expired = retiring.stream().filter(s -> s.startsWith(rung + "/")).toList();
        int keep = current.size();
        for (int i = 0; i < expired.size() - keep; i++) {
            String segment = expired.get(i);
            storage.deleteFile(folder + segment);
            retiring.remove(segment);
            uploaded.remove(segment);
        }
    }
}
