package io.vidcastx.videos;

import java.io.IOException;
import java.io.InputStream;

import io.vidcastx.core.storage.ByteRange;
import io.vidcastx.core.storage.StorageService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads duration and picture size from a stored MP4/MOV's index, so the videos list shows them the
 * moment an upload completes. The upload is untrusted and this runs in the web JVM, so the index is
 * read by {@link Mp4Index}, which checks every box size before it reads or allocates anything.
 * Anything else (or an index it refuses) yields size only; FFmpeg's probe in the transcode worker is
 * the authority either way and fails the video with a reason a person can act on.
 */
@Component
public class SourceFactsReader {

    private static final Logger log = LoggerFactory.getLogger(SourceFactsReader.class);

    private final StorageService storage;

    SourceFactsReader(StorageService storage) {
        this.storage = storage;
    }

    public SourceFacts read(String key) {
        long size = storage.stat(key).map(o -> o.size()).orElse(0L);
        try {
            return Mp4Index.read(source(key, size))
                    .map(facts -> new SourceFacts(facts.durationSeconds(), facts.width(), facts.height(), size))
                    .orElseGet(() -> SourceFacts.sizeOnly(size));
        } catch (Mp4Index.RefusedException e) {
            log.info("Not reading the MP4 index of {}: {}", key, e.getMessage());
            return SourceFacts.sizeOnly(size);
        } catch (IOException | RuntimeException e) {
            log.debug("No MP4 index in {}: {}", key, e.toString());
            return SourceFacts.sizeOnly(size);
        }
    }

    /** Ranged GETs of exactly the bytes asked for (Mp4Index bounds every length first). */
    private Mp4Index.Source source(String key, long size) {
        return new Mp4Index.Source() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public byte[] read(long offset, int length) throws IOException {
                if (length == 0) {
                    return new byte[0];
                }
                try (InputStream in = storage.getFileStream(key, ByteRange.of(offset, offset + length - 1))) {
                    return in.readNBytes(length);
                }
            }
        };
    }
}
