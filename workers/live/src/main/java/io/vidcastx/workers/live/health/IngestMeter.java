package io.vidcastx.workers.live.health;

import java.util.ArrayDeque;
import java.util.Locale;

import io.vidcastx.workers.live.health.AvcPictureSize.Size;
import org.jspecify.annotations.Nullable;

/**
 * Measures one publisher's video as it arrives and checks it against the {@link IngestLimits}.
 * Written by the publisher's connection thread, read by the node's health sweep: the methods are
 * synchronized, and each tag costs a few arithmetic operations.
 *
 * <p>Rates are computed on media time (the RTMP timestamps), not on arrival time, so a burst after
 * a network stall does not look like a high bit rate, and a slow network does not look like a low one.
 */
public final class IngestMeter {

    /** The span rates are averaged over, and the media that must have come before the bit rate is judged. */
    public static final long WINDOW_MILLIS = 10_000;
    /** A gap this many frame intervals long means frames are missing. */
    private static final double GAP_FACTOR = 1.5;

    private final IngestLimits limits;
    private final ArrayDeque<long[]> frames = new ArrayDeque<>(); // {timestamp, bytes}
    private long windowBytes;
    private long firstTimestamp = -1;
    private long lastTimestamp = -1;
    private long dropped;
    private double declaredFrameRate;
    private @Nullable Size pictureFromStream;
    private @Nullable Size pictureFromMetadata;

    public IngestMeter(IngestLimits limits) {
        this.limits = limits;
    }

    /**
     * The encoder's {@code onMetaData}: a declared size or bit rate past the limits refuses the stream
     * at once, before FFmpeg spends anything on it.
     */
    public synchronized void metadata(int width, int height, double frameRate, int videoKbps) {
        if (width > 0 && height > 0) {
            pictureFromMetadata = new Size(width, height);
        }
        if (frameRate > 0 && frameRate <= 240) {
            declaredFrameRate = frameRate;
        }
        checkPicture();
        if (videoKbps > limits.maxVideoKbps()) {
            throw new IngestLimitExceeded(String.format(Locale.ROOT,
                    "the encoder is set to %d Kbps of video; the limit is %d Kbps", videoKbps, limits.maxVideoKbps()));
        }
    }

    /** One video tag body at its timestamp (milliseconds). */
    public synchronized void video(long timestamp, byte[] body) {
        var size = AvcPictureSize.fromSequenceHeader(body);
        if (size.isPresent()) {
            pictureFromStream = size.get();
            checkPicture();
            return;
        }
        if (!isFrame(body)) {
            return;
        }
        countGap(timestamp);
        if (firstTimestamp < 0) {
            firstTimestamp = timestamp;
        }
        lastTimestamp = Math.max(lastTimestamp, timestamp);
        frames.addLast(new long[] {timestamp, body.length});
        windowBytes += body.length;
        while (!frames.isEmpty() && frames.peekFirst()[0] < lastTimestamp - WINDOW_MILLIS) {
            windowBytes -= frames.pollFirst()[1];
        }
        checkBitRate();
    }

    public synchronized IngestHealth health() {
        var picture = picture();
        return new IngestHealth(measuredKbps(), measuredFrameRate(), picture == null ? null : picture.width(),
                picture == null ? null : picture.height(), dropped);
    }

    private void countGap(long timestamp) {
        if (lastTimestamp < 0 || timestamp <= lastTimestamp) {
            return;
        }
        Double rate = declaredFrameRate > 0 ? Double.valueOf(declaredFrameRate) : measuredFrameRate();
        if (rate == null || rate <= 0) {
            return;
        }
        double interval = 1000.0 / rate;
        long gap = timestamp - lastTimestamp;
        if (gap > GAP_FACTOR * interval) {
            dropped += Math.max(0, Math.round(gap / interval) - 1);
        }
    }

    private void checkPicture() {
        var picture = picture();
        if (picture != null && picture.lines() > limits.maxResolution()) {
            throw new IngestLimitExceeded(String.format(Locale.ROOT, "the picture is %dx%d (%dp); the limit is %dp",
                    picture.width(), picture.height(), picture.lines(), limits.maxResolution()));
        }
    }

    private void checkBitRate() {
        Integer kbps = measuredKbps();
        if (kbps != null && lastTimestamp - firstTimestamp >= WINDOW_MILLIS
                && kbps > limits.maxVideoKbps() * IngestLimits.BURST_MARGIN) {
            throw new IngestLimitExceeded(String.format(Locale.ROOT,
                    "the video came at %d Kbps over %d s; the limit is %d Kbps", kbps, WINDOW_MILLIS / 1000,
                    limits.maxVideoKbps()));
        }
    }

    private @Nullable Size picture() {
        return pictureFromStream != null ? pictureFromStream : pictureFromMetadata;
    }

    /** Bits over the media time the window's frames span (at least one second, so the first frames do not spike). */
    private @Nullable Integer measuredKbps() {
        if (frames.size() < 2) {
            return null;
        }
        long span = Math.max(1000, lastTimestamp - frames.peekFirst()[0]);
        return (int) Math.round(windowBytes * 8.0 / span);
    }

    private @Nullable Double measuredFrameRate() {
        if (frames.size() < 2) {
            return null;
        }
        long span = lastTimestamp - frames.peekFirst()[0];
        return span <= 0 ? null : Math.round((frames.size() - 1) * 1000.0 / span * 100) / 100.0;
    }

    /** A coded picture, not a sequence header or end-of-sequence marker. */
    private static boolean isFrame(byte[] body) {
        if (body.length < 2) {
            return false;
        }
        if ((body[0] & 0x80) != 0) {
            int packetType = body[0] & 0x0F;
            return packetType == 1 || packetType == 3; // CodedFrames, CodedFramesX
        }
        if ((body[0] & 0x0F) == 7) {
            return body[1] == 1; // AVC NALU
        }
        return (body[0] & 0xF0) != 0x50; // other codecs: anything but a video info/command frame
    }
}
