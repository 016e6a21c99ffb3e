package io.vidcastx.workers.live.hls;

/**
 * FLV framing (Adobe FLV specification 10.1, annex E) for what arrives over RTMP: RTMP audio, video
 * and data messages are FLV tag bodies already, so a tag is an 11-byte header, the body and the
 * "previous tag size" that follows every tag.
 */
public final class FlvTags {

    public static final int AUDIO = 8;
    public static final int VIDEO = 9;
    public static final int SCRIPT = 18;

    private FlvTags() {
    }

    /** The 9-byte file header and PreviousTagSize0. */
    public static byte[] header(boolean audio, boolean video) {
        return new byte[] {'F', 'L', 'V', 1, (byte) ((audio ? 4 : 0) | (video ? 1 : 0)), 0, 0, 0, 9, 0, 0, 0, 0};
    }

    /** One tag with its trailing PreviousTagSize; the timestamp is milliseconds, 32 bits. */
    public static byte[] tag(int type, long timestamp, byte[] body) {
        if (body.length > 0xFFFFFF) {
            throw new IllegalArgumentException("An FLV tag body is at most 16 MiB");
        }
        byte[] tag = new byte[11 + body.length + 4];
        tag[0] = (byte) type;
        tag[1] = (byte) (body.length >>> 16);
        tag[2] = (byte) (body.length >>> 8);
        tag[3] = (byte) body.length;
        tag[4] = (byte) (timestamp >>> 16);
        tag[5] = (byte) (timestamp >>> 8);
        tag[6] = (byte) timestamp;
        tag[7] = (byte) (timestamp >>> 24); // TimestampExtended: the upper 8 bits
        // bytes 8-10: StreamID, always 0
        System.arraycopy(body, 0, tag, 11, body.length);
        int size = 11 + body.length;
        int end = tag.length;
        tag[end - 4] = (byte) (size >>> 24);
        tag[end - 3] = (byte) (size >>> 16);
        tag[end - 2] = (byte) (size >>> 8);
        tag[end - 1] = (byte) size;
        return tag;
    }

    /** Whether a video tag body is H.264: legacy codec id 7, or enhanced RTMP with FourCC {@code avc1}. */
    static boolean isH264(byte[] videoBody) {
        if (videoBody.length == 0) {
            return false;
        }
        if ((videoBody[0] & 0x80) != 0) {
            return videoBody.length >= 5 && videoBody[1] == 'a' && videoBody[2] == 'v' && videoBody[3] == 'c'
                    && videoBody[4] == '1';
        }
        return (videoBody[0] & 0x0F) == 7;
    }

    /** Whether an audio tag body is AAC (sound format 10). */
    static boolean isAac(byte[] audioBody) {
        return audioBody.length > 0 && ((audioBody[0] & 0xF0) >>> 4) == 10;
    }
}
