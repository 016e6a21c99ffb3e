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

import javax.imageio.ImageIO;

import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import org.springframework.stereotype.Service;

/**
 * Thumbnails by playback id: the stored poster frame, resized on request, or a frame at any time,
 * cut by FFmpeg from the MP4 over a presigned URL (it seeks with range requests, reading a few
 * hundred kilobytes) and kept in storage for the next request.
 */
@Service
class ThumbnailService {

    private final StorageService storage;
    private final FfmpegBinaries ffmpeg;
    private final MediaProcessRunner runner;

    ThumbnailService(StorageService storage, FfmpegBinaries ffmpeg, MediaProcessRunner runner) {
        this.storage = storage;
        this.ffmpeg = ffmpeg;
        this.runner = runner;
    }

    /** JPEG bytes of an authorized, ready video; empty when it has no picture (audio only). */
    Optional<byte[]> thumbnail(PlaybackService.Playable video, ThumbnailRequest request) {
        if (!video.hasPicture()) {
            return Optional.empty();
        }
        var id = video.videoId();
        String bucket = storage.defaultBucket();
        if (request.time() == null && !request.resized()) {
            return Optional.of(read(bucket, StorageKeys.thumbnailsFolder(id) + "thumbnail.jpg"));
        }
        String cached = StorageKeys.thumbnailsFolder(id) + "cache/" + request.cacheName();
        if (storage.stat(bucket, cached).isPresent()) {
            return Optional.of(read(bucket, cached));
        }
        byte[] picture = request.time() == null
                ? resize(read(bucket, StorageKeys.thumbnailsFolder(id) + "thumbnail.jpg"), request)
                : frameAt(video, request);
        storage.uploadFile(bucket, cached, picture, "image/jpeg");
        return Optional.of(picture);
    }

    private byte[] frameAt(PlaybackService.Playable video, ThumbnailRequest request) {
        double duration = video.duration() == null ? 0 : video.duration();
        if (request.time() > duration) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "time must be at most the video's duration (%.2f s)", duration));
        }
        var source = storage.presignedDownloadUrl(storage.defaultBucket(),
                StorageKeys.mp4Folder(video.videoId()) + "highest.mp4", Duration.ofMinutes(5));
        String scale = scaleFilter(request);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("vidcastx-thumb-");
            Path out = dir.resolve("frame.jpg");
            runner.run(ffmpeg.ffmpeg(), ThumbnailArguments.frameAt(source.toString(),
                    Math.min(request.time(), Math.max(0, duration - 0.05)), scale, out.toString()),
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

    private byte[] read(String bucket, String key) {
        try (InputStream in = storage.getFileStream(bucket, key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
