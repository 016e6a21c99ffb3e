package io.vidcastx.playback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.vidcastx.core.storage.StoredObject;
import org.jspecify.annotations.Nullable;

/**
 * The finite set of pictures one video can have. Each distinct time, width and height would cost an
 * FFmpeg run and a stored JPEG, so requests snap to a grid: widths and heights up to the next of
 * {@link #SIZES} (the largest for anything bigger), times to the nearest step of at least a second
 * and at most {@link #TIME_POSITIONS} positions over the video. Pure, so it is tested alone.
 */
final class ThumbnailGrid {

    static final int[] SIZES = {80, 160, 240, 320, 480, 640, 960, 1280, 1920};
    static final int TIME_POSITIONS = 100;

    private ThumbnailGrid() {
    }

    /** The request as served: time and sizes on the grid. */
    static ThumbnailRequest snap(ThumbnailRequest request, @Nullable Double duration) {
        return new ThumbnailRequest(request.time() == null ? null : time(request.time(), duration == null ? 0 : duration),
                request.width() == null ? null : size(request.width()),
                request.height() == null ? null : size(request.height()));
    }

    /** The smallest grid size at least {@code requested}, or the largest. */
    static int size(int requested) {
        for (int size : SIZES) {
            if (size >= requested) {
                return size;
            }
        }
        return SIZES[SIZES.length - 1];
    }

    /** Whole seconds, one step per 1/{@value #TIME_POSITIONS} of the video (at least 1 s), never past its end. */
    static double time(double requested, double duration) {
        long step = step(duration);
        long snapped = Math.round(requested / step) * step;
        long last = (long) Math.floor(Math.max(0, duration) / step) * step;
        return Math.min(snapped, last);
    }

    static long step(double duration) {
        return Math.max(1, (long) Math.ceil(duration / TIME_POSITIONS));
    }

    /**
     * Which cached pictures to delete, oldest first, so at most {@code maxObjects} and {@code maxBytes}
     * remain; {@code keep} (the one just made) is never among them.
     */
    static List<StoredObject> evictions(List<StoredObject> cached, int maxObjects, long maxBytes, String keep) {
        var byAge = new ArrayList<>(cached);
        byAge.sort(Comparator.comparing((StoredObject o) -> o.lastModified() == null ? java.time.Instant.EPOCH : o.lastModified())
                .thenComparing(StoredObject::key));
        int count = byAge.size();
        long bytes = byAge.stream().mapToLong(StoredObject::size).sum();
        var victims = new ArrayList<StoredObject>();
        for (var object : byAge) {
            if (count <= maxObjects && bytes <= maxBytes) {
                break;
            }
            if (object.key().equals(keep)) {
                continue;
            }
            victims.add(object);
            count--;
            bytes -= object.size();
        }
        return victims;
    }
}
