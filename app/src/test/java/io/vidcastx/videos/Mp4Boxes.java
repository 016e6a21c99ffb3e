package io.vidcastx.videos;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Hand-made MP4 boxes for tests, honest or lying about their sizes. */
final class Mp4Boxes {

    private Mp4Boxes() {
    }

    /** A box whose size field says what its bytes are. */
    static byte[] box(String type, byte[]... children) {
        byte[] body = concat(children);
        return header(8L + body.length, type, body);
    }

    /** A box whose 32-bit size field says {@code claimed}, whatever follows. */
    static byte[] header(long claimed, String type, byte[] body) {
        return concat(ByteBuffer.allocate(8).putInt((int) claimed).put(type.getBytes(StandardCharsets.ISO_8859_1)).array(),
                body);
    }

    /** A box with a 64-bit "largesize" that says {@code claimed}. */
    static byte[] largeHeader(long claimed, String type, byte[] body) {
        return concat(ByteBuffer.allocate(16).putInt(1).put(type.getBytes(StandardCharsets.ISO_8859_1)).putLong(claimed)
                .array(), body);
    }

    static byte[] ftyp() {
        return box("ftyp", "isom".getBytes(StandardCharsets.ISO_8859_1), new byte[4],
                "isomiso2avc1mp41".getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A version 0 movie header: time scale and duration in its units. */
    static byte[] mvhd(int timescale, int duration) {
        return box("mvhd", ByteBuffer.allocate(100).putInt(0).putInt(0).putInt(0).putInt(timescale).putInt(duration).array());
    }

    /** A video track whose first sample entry is {@code width} x {@code height}. */
    static byte[] videoTrak(int width, int height) {
        byte[] hdlr = box("hdlr", ByteBuffer.allocate(25).putInt(0).putInt(0).put("vide".getBytes(StandardCharsets.ISO_8859_1))
                .array());
        byte[] entry = box("avc1", ByteBuffer.allocate(78).position(24).putShort((short) width).putShort((short) height)
                .array());
        byte[] stsd = box("stsd", ByteBuffer.allocate(8).putInt(0).putInt(1).array(), entry);
        return box("trak", box("mdia", hdlr, box("minf", box("stbl", stsd))));
    }

    static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
