package io.vidcastx.playback;

import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.imageio.ImageIO;

import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.db.ids.VideoId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Thumbnails by playback id: the stored poster frame, resized on request, or a frame at any time,
 * cut by FFmpeg from the MP4 over a presigned URL (it seeks with range requests, reading a few
 * hundred kilobytes) and kept in storage for the next request. Requests snap to {@link ThumbnailGrid},
 * at most {@code concurrency} pictures are made at once (others wait briefly, then {@link Busy}),
 * and each video's cache is bounded, oldest pictures evicted first.
 */
@Service
class ThumbnailService {

    private static final Logger log = LoggerFactory.getLogger(ThumbnailService.class);

    private final StorageService storage;
    private final FfmpegBinaries ffmpeg;
    private final MediaProcessRunner runner;
    private final ThumbnailProperties properties;
    /** Slots for making pictures; package-private so a test can fill them. */
    final Semaphore makers;
    private final AtomicLong framesCut = new AtomicLong();

    ThumbnailService(StorageService storage, FfmpegBinaries ffmpeg, MediaProcessRunner runner,
                     ThumbnailProperties properties) {
        this.storage = storage;
        this.ffmpeg = ffmpeg;
        this.runner = runner;
        this.properties = properties;
        this.makers = new Semaphore(properties.concurrency(), true);
    }

    /** Every slot stayed taken for the whole wait: the caller should come back later. */
    static final class Busy extends RuntimeException {
        Busy() {
            super("Too many pictures are being made right now; try again in a moment");
        }
    }

    /** JPEG bytes of an authorized, ready video; empty when it has no picture (audio only). */
    Optional<byte[]> thumbnail(PlaybackService.Playable video, ThumbnailRequest asked) {
        if (!video.hasPicture()) {
            return Optional.empty();
        }
        checkWithinDuration(video, asked);
        var request = ThumbnailGrid.snap(asked, video.duration());
        var id = video.videoId();
        if (request.time() == null && !request.resized()) {
            return Optional.of(read(StorageKeys.thumbnailsFolder(id) + "thumbnail.jpg"));
        }
        String cached = cacheFolder(id) + request.cacheName();
        if (storage.stat(cached).isPresent()) {
            return Optional.of(read(cached));
        }
        acquireSlot();
        try {
            if (storage.stat(cached).isPresent()) {
                return Optional.of(read(cached)); // made by the request we waited behind
            }
            byte[] picture = request.time() == null
                    ? resize(read(StorageKeys.thumbnailsFolder(id) + "thumbnail.jpg"), request)
                    : frameAt(video, request);
            storage.uploadFile(cached, picture, "image/jpeg");
            evict(id, properties.cacheMaxObjects(), properties.cacheMaxSize().toBytes(), cached);
            return Optional.of(picture);
        } finally {
            makers.release();
        }
    }

    /** FFmpeg runs so far: what a flood of distinct requests costs. */
    long framesCut() {
        return framesCut.get();
    }

    /** Deletes the video's oldest cached pictures until at most {@code maxObjects} and {@code maxBytes} remain. */
    void evict(VideoId id, int maxObjects, long maxBytes, String keep) {
        try {
            for (var victim : ThumbnailGrid.evictions(storage.list(cacheFolder(id)), maxObjects, maxBytes, keep)) {
                storage.deleteFile(victim.key());
            }
        } catch (RuntimeException e) {
            // The picture is made and stored; a failed clean-up is retried by the next new picture.
            log.warn("Could not evict cached pictures of {}: {}", id, e.toString());
        }
    }

    static String cacheFolder(VideoId id) {
        return StorageKeys.thumbnailsFolder(id) + "cache/";
    }

    private void acquireSlot() {
        try {
            if (!makers.tryAcquire(properties.queueWait().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
    }

    private static void checkWithinDuration(PlaybackService.Playable video, ThumbnailRequest request) {
        double duration = video.duration() == null ? 0 : video.duration();
        if (request.time() != null && request.time() > duration) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "time must be at most the video's duration (%.2f s)", duration));
        }
    }

    private byte[] frameAt(PlaybackService.Playable video, ThumbnailRequest request) {
        double duration = video.duration() == null ? 0 : video.duration();
        framesCut.incrementAndGet();
        var source = storage.presignedDownloadUrl(
                StorageKeys.mp4Folder(video.videoId()) + "highest.mp4", Duration.ofMinutes(5));
        String scale = scaleFilter(request);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("vidcastx-thumb-");
            Path out = dir.resolve("frame.jpg");
            // Input seeking lands on the frame at or after -ss: stay half a second before the end.
            runner.run(ffmpeg.ffmpeg(), ThumbnailArguments.frameAt(source.toString(),
                    Math.min(request.time(), Math.max(0, duration - 0.5)), scale, out.toString()),
                    dir, Duration.ofSeconds(30), null, () -> false);
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // temp files only
                }
            }
        }
    }

    /** Fits inside width x height; one of them alone keeps the aspect ratio. */
    private static String scaleFilter(ThumbnailRequest request) {
        if (request.width() != null && request.height() != null) {
            return "scale=" + request.width() + ":" + request.height() + ":force_original_aspect_ratio=decrease";
        }
        if (request.width() != null) {
            return "scale=" + request.width() + ":-2";
        }
        if (request.height() != null) {
            return "scale=-2:" + request.height();
        }
        return "scale='min(1280,iw)':-2";
    }

    private static byte[] resize(byte[] jpeg, ThumbnailRequest request) {
        try {
            BufferedImage source = ImageIO.read(new ByteArrayInputStream(jpeg));
            double scale = Math.min(request.width() != null ? (double) request.width() / source.getWidth() : Double.MAX_VALUE,
                    request.height() != null ? (double) request.height() / source.getHeight() : Double.MAX_VALUE);
            int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
            int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
            var target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            var graphics = target.createGraphics();
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.drawImage(source.getScaledInstance(width, height, Image.SCALE_SMOOTH), 0, 0, null);
            graphics.dispose();
            var out = new ByteArrayOutputStream();
            ImageIO.write(target, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] read(String key) {
        try (InputStream in = storage.getFileStream(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
