package io.vidcastx.settings;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/** Hand-made image files that lie about their size. */
public final class CraftedImages {

    private CraftedImages() {
    }

    /** A PNG chunk: length, type, data, CRC of type and data. */
    private static byte[] chunk(String type, byte[] data) {
        var crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII))
                .put(data).putInt((int) crc.getValue()).array();
    }

    /**
     * A grey-scale PNG that claims {@code side} x {@code side} pixels and holds the first {@code rows}
     * rows of zeros, deflated: a few kilobytes that decode into side x side bytes of picture.
     */
    public static byte[] deflateBomb(int side, int rows) throws Exception {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        out.writeBytes(chunk("IHDR", ByteBuffer.allocate(13).putInt(side).putInt(side).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array()));
        var pixels = new ByteArrayOutputStream();
        try (var deflater = new DeflaterOutputStream(pixels)) {
            byte[] row = new byte[side + 1]; // filter byte 0, then the row
            for (int i = 0; i < rows; i++) {
                deflater.write(row);
            }
        }
        out.writeBytes(chunk("IDAT", pixels.toByteArray()));
        out.writeBytes(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }
}
