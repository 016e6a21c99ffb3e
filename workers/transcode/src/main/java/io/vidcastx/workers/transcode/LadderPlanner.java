package io.vidcastx.workers.transcode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.vidcastx.core.media.MediaInfo;

/**
 * Chooses the renditions for a source: the configured rungs that do not upscale it, each keeping the
 * source's aspect ratio with even dimensions. A source smaller than every rung gets one rendition at
 * its own size.
 */
final class LadderPlanner {

    /** H.264 levels: max macroblocks per second, max macroblocks per frame (ITU-T H.264 Table A-1). */
    private static final Object[][] LEVELS = {
            {"3.0", 40_500L, 1_620L}, {"3.1", 108_000L, 3_600L}, {"3.2", 216_000L, 5_120L},
            {"4.0", 245_760L, 8_192L}, {"4.2", 522_240L, 8_704L}, {"5.0", 589_824L, 22_080L},
            {"5.1", 983_040L, 36_864L}, {"5.2", 2_073_600L, 36_864L}, {"6.0", 4_177_920L, 139_264L},
            {"6.1", 8_355_840L, 139_264L}, {"6.2", 16_711_680L, 139_264L}};

    private final TranscodeProperties properties;

    LadderPlanner(TranscodeProperties properties) {
        this.properties = properties;
    }

    TranscodePlan plan(MediaInfo media) {
        if (media.video().isEmpty()) {
            return new TranscodePlan(List.of(), true, 0, 0);
        }
        var video = media.video().get();
        double frameRate = outputFrameRate(video.frameRate());
        int gop = Math.max(1, (int) Math.round(frameRate * properties.keyframeSeconds()));
        int shortSide = Math.min(video.width(), video.height());
        var renditions = new ArrayList<PlannedRendition>();
        for (var rung : properties.rungs()) {
            if (rung.height() <= shortSide) {
                renditions.add(rendition(rung.name(), rung.height(), rung.videoKbps(), video.width(), video.height(), frameRate));
            }
        }
        if (renditions.isEmpty()) {
            // Smaller than the lowest rung: one rendition at the source's size, bitrate scaled by area.
            var lowest = properties.rungs().getLast();
            double area = (double) shortSide / lowest.height();
            int kbps = (int) Math.max(100, Math.round(lowest.videoKbps() * area * area));
            int evenShort = even(shortSide);
            renditions.add(rendition(evenShort + "p", evenShort, kbps, video.width(), video.height(), frameRate));
        }
        return new TranscodePlan(List.copyOf(renditions), media.hasAudio(), frameRate, gop);
    }

    private double outputFrameRate(double source) {
        if (source <= 0 || Double.isNaN(source)) {
            return 30;
        }
        return Math.min(source, properties.maxFrameRate());
    }

    private static PlannedRendition rendition(String name, int targetShort, int kbps, int width, int height,
                                              double frameRate) {
        int outWidth;
        int outHeight;
        if (width >= height) {
            outHeight = even(targetShort);
            outWidth = nearestEven((double) width * outHeight / height);
        } else {
            outWidth = even(targetShort);
            outHeight = nearestEven((double) height * outWidth / width);
        }
        String level = level(outWidth, outHeight, frameRate);
        return new PlannedRendition(name, outWidth, outHeight, kbps, level, codecs(level));
    }

    static String level(int width, int height, double frameRate) {
        long frameMacroblocks = (long) Math.ceil(width / 16.0) * (long) Math.ceil(height / 16.0);
        long perSecond = (long) Math.ceil(frameMacroblocks * Math.max(frameRate, 1));
        for (Object[] level : LEVELS) {
            if (perSecond <= (long) level[1] && frameMacroblocks <= (long) level[2]) {
                return (String) level[0];
            }
        }
        return "6.2";
    }

    /** High profile (0x64), no constraint flags, level as level_idc in hex: "4.0" is 40 = 0x28. */
    static String codecs(String level) {
        int idc = Math.round(Float.parseFloat(level) * 10);
        return String.format(Locale.ROOT, "avc1.6400%02x", idc);
    }

    /** The long side: the even number closest to the exact aspect-preserving size. */
    private static int nearestEven(double value) {
        return Math.max(2, 2 * (int) Math.round(value / 2));
    }

    /** The short side: rounded down, so it never exceeds the source. */
    private static int even(int value) {
        return Math.max(2, value - value % 2);
    }
}
