package io.vidcastx.videos;

import io.vidcastx.core.storage.StorageService;
import org.jcodec.containers.mp4.MP4Util;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads duration and picture size from a stored MP4/MOV's index with jcodec, so the videos list
 * shows them the moment an upload completes. Anything else (or a damaged index) yields size only;
 * FFmpeg's probe in the transcode worker is the authority either way.
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
        if (size < 16) {
            return SourceFacts.sizeOnly(size);
        }
        try (var channel = new StorageChannel(storage, key, size)) {
            var movie = MP4Util.parseFullMovieChannel(channel);
            if (movie == null || movie.getMoov() == null) {
                return SourceFacts.sizeOnly(size);
            }
            var moov = movie.getMoov();
            Double duration = moov.getTimescale() > 0 ? (double) moov.getDuration() / moov.getTimescale() : null;
            var video = moov.getVideoTrack();
            var dimensions = video != null ? video.getCodedSize() : null;
            return new SourceFacts(duration, dimensions != null ? dimensions.getWidth() : null,
                    dimensions != null ? dimensions.getHeight() : null, size);
        } catch (Exception | AssertionError e) {
            // Not an MP4, or one jcodec cannot read: the worker's FFmpeg probe will tell.
            log.debug("No MP4 index in {}: {}", key, e.toString());
            return SourceFacts.sizeOnly(size);
        }
    }
}
