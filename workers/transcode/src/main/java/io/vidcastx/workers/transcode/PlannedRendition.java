package io.vidcastx.workers.transcode;

/**
 * One video rendition to encode.
 *
 * @param level  the H.264 level, e.g. "4.0"
 * @param codecs the RFC 6381 codec string of the video stream, e.g. "avc1.640028"
 */
public record PlannedRendition(String name, int width, int height, int videoKbps, String level, String codecs) {

    public int maxrateKbps() {
        return (int) Math.round(videoKbps * 1.07);
    }

    public int bufsizeKbps() {
        return videoKbps * 3 / 2;
    }
}
