package io.vidcastx.settings;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * What an uploaded logo really is, judged by its bytes rather than its name or declared type. The
 * picture size is read from the header first: a PNG of a few kilobytes can claim 30000 x 30000 pixels
 * and would take a gigabyte of heap to decode, so only a picture within {@value #MAX_SIDE} pixels a
 * side is then decoded in full (a truncated or disguised file fails here, not in a browser later).
 * WebP, which the JDK cannot decode, is checked by its RIFF header and the size its header gives.
 * SVG is refused: it can carry scripts.
 */
record LogoImage(String contentType, String extension) {

    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_SIDE = 4096;

    /** @throws IllegalArgumentException saying what is wrong with the file */
    static LogoImage inspect(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("The file is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("A logo is at most 1 MB; this file is " + (bytes.length / 1024) + " KB");
        }
        if (startsWith(bytes, new byte[] {(byte) 0x89, 'P', 'N', 'G'})) {
            decode(bytes, "PNG");
            return new LogoImage("image/png", "png");
        }
        if (startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            decode(bytes, "JPEG");
            return new LogoImage("image/jpeg", "jpg");
        }
        if (bytes.length > 16 && startsWith(bytes, "RIFF".getBytes(StandardCharsets.US_ASCII))
                && Arrays.equals(bytes, 8, 12, "WEBP".getBytes(StandardCharsets.US_ASCII), 0, 4)) {
            checkWebpSize(bytes);
            return new LogoImage("image/webp", "webp");
        }
        throw new IllegalArgumentException("A logo must be a PNG, JPEG or WebP image");
    }

    private static void decode(byte[] bytes, String format) {
        var unreadable = new IllegalArgumentException("The " + format + " file cannot be read; it may be truncated or damaged");
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReadersByFormatName(format);
            if (in == null || !readers.hasNext()) {
                throw unreadable;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                checkSize(reader.getWidth(0), reader.getHeight(0));
                if (reader.read(0) == null) {
                    throw unreadable;
                }
            } finally {
                reader.dispose();
            }
        } catch (TooLargeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable; // ImageIO reports a truncated file in several ways
        }
    }

    /** VP8X (extended), VP8L (lossless) and VP8 (lossy) each keep the canvas size at their own offset. */
    private static void checkWebpSize(byte[] bytes) {
        String chunk = new String(bytes, 12, 4, StandardCharsets.US_ASCII);
        if (chunk.equals("VP8X") && bytes.length >= 30) {
            checkSize(1 + u24(bytes, 24), 1 + u24(bytes, 27));
        } else if (chunk.equals("VP8L") && bytes.length >= 25) {
            int bits = (bytes[21] & 0xff) | (bytes[22] & 0xff) << 8 | (bytes[23] & 0xff) << 16 | (bytes[24] & 0xff) << 24;
            checkSize(1 + (bits & 0x3fff), 1 + ((bits >>> 14) & 0x3fff));
        } else if (chunk.equals("VP8 ") && bytes.length >= 30) {
            checkSize(((bytes[26] & 0xff) | (bytes[27] & 0xff) << 8) & 0x3fff, ((bytes[28] & 0xff) | (bytes[29] & 0xff) << 8) & 0x3fff);
        } else {
            throw new IllegalArgumentException("The WebP file cannot be read; it may be truncated or damaged");
        }
    }

    private static void checkSize(int width, int height) {
        if (width > MAX_SIDE || height > MAX_SIDE) {
            throw new TooLargeException("A logo is at most " + MAX_SIDE + " x " + MAX_SIDE + " pixels; this one is "
                    + width + " x " + height);
        }
    }

    private static final class TooLargeException extends IllegalArgumentException {
        TooLargeException(String message) {
            super(message);
        }
    }

    private static int u24(byte[] bytes, int at) {
        return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
