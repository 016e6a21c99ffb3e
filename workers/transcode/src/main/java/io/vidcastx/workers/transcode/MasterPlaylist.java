package io.vidcastx.workers.transcode;

import java.util.List;
import java.util.Locale;

/**
 * Writes the master playlist from measured renditions: BANDWIDTH is the peak segment bitrate and
 * AVERAGE-BANDWIDTH the mean over the whole rendition (RFC 8216 4.3.4.2), so players pick rungs
 * on what the files really need rather than on nominal encoder settings.
 */
final class MasterPlaylist {

    /** A finished rendition, as it goes into the master playlist. */
    record Variant(String uri, long peakBandwidth, long averageBandwidth, String codecs, int width, int height,
                   double frameRate) {

        boolean isVideo() {
            return width > 0;
        }
    }

    private MasterPlaylist() {
    }

    static String write(List<Variant> variants) {
        var out = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        for (var variant : variants) {
            out.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(variant.peakBandwidth())
                    .append(",AVERAGE-BANDWIDTH=").append(variant.averageBandwidth())
                    .append(",CODECS=\"").append(variant.codecs()).append('"');
            if (variant.isVideo()) {
                out.append(",RESOLUTION=").append(variant.width()).append('x').append(variant.height())
                        .append(",FRAME-RATE=").append(String.format(Locale.ROOT, "%.3f", variant.frameRate()));
            }
            out.append('\n').append(variant.uri()).append('\n');
        }
        return out.toString();
    }
}
