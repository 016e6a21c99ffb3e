package io.vidcastx.core.media;

import java.math.BigInteger;

/** How Mux describes a picture size: an aspect ratio such as "16:9" and a resolution tier. */
public final class PictureSize {

    private PictureSize() {
    }

    /** Width and height reduced by their greatest common divisor: 1920x1080 is "16:9". */
    public static String aspectRatio(int width, int height) {
        int divisor = BigInteger.valueOf(width).gcd(BigInteger.valueOf(height)).intValue();
        return divisor == 0 ? "" : (width / divisor) + ":" + (height / divisor);
    }

    /** Mux's max_stored_resolution, by the short side: SD, HD (720), FHD (1080) or UHD (2160). */
    public static String tier(int width, int height) {
        int shortSide = Math.min(width, height);
        if (shortSide >= 2160) {
            return "UHD";
        }
        if (shortSide >= 1080) {
            return "FHD";
        }
        return shortSide >= 720 ? "HD" : "SD";
    }
}
