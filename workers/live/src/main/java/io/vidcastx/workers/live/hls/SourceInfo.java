package io.vidcastx.workers.live.hls;

/**
 * What the first tags and {@code onMetaData} told about a live source, enough to choose between
 * copying and encoding.
 *
 * @param height    picture height from the metadata, 0 when the encoder did not say
 * @param videoKbps video bit rate from the metadata, 0 when the encoder did not say
 */
public record SourceInfo(boolean video, boolean h264, boolean audio, boolean aac, int height, int videoKbps) {

    /** Copying is possible when everything present is H.264 and AAC, which fMP4 and MPEG-TS both carry. */
    public boolean copyable() {
        return (!video || h264) && (!audio || aac);
    }
}
