package io.vidcastx.playback;

import java.util.Optional;
import java.util.UUID;

import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Full-size stills of a video kept for sending elsewhere (a YouTube thumbnail): the stored poster, or
 * a frame at a chosen time cut the way the image API cuts it and copied out of that API's bounded
 * cache, so evicting the cache never takes away a picture a publish job still has to send.
 */
@Service
public class StillFrames {

    private static final String POSTER = "thumbnail.jpg";

    private final PlaybackRepository playables;
    private final ThumbnailService thumbnails;
    private final StorageService storage;

    StillFrames(PlaybackRepository playables, ThumbnailService thumbnails, StorageService storage) {
        this.playables = playables;
        this.thumbnails = thumbnails;
        this.storage = storage;
    }

    /**
     * The storage key of a still of the organization's ready video.
     *
     * @param time seconds into the video, or null for the poster frame
     * @return empty when the video has no picture (audio only) or is not ready
     * @throws IllegalArgumentException when {@code time} is negative or past the video's end
     */
    public Optional<String> keep(OrganizationId organization, VideoId video, @Nullable Double time) {
        var playable = playables.findReady(organization, video).filter(PlaybackService.Playable::hasPicture);
        if (playable.isEmpty()) {
            return Optional.empty();
        }
        if (time == null) {
            String poster = StorageKeys.thumbnailsFolder(video) + POSTER;
            return storage.stat(poster).map(found -> poster);
        }
        byte[] frame = thumbnails.thumbnail(playable.get(), new ThumbnailRequest(time, null, null)).orElseThrow();
        String key = StorageKeys.thumbnailsFolder(video) + "kept/" + UUID.randomUUID() + ".jpg";
        storage.uploadFile(key, frame, "image/jpeg");
        return Optional.of(key);
    }
}
