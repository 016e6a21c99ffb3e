package io.vidcastx.settings;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

/**
 * What an uploaded logo really is, judged by its bytes rather than its name or declared type. PNG and
 * JPEG are decoded in full (a truncated or disguised file fails here, not in a browser later); WebP,
 * which the JDK cannot decode, is checked by its RIFF header. SVG is refused: it can carry scripts.
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
            return new LogoImage("image/webp", "webp");
        }
        throw new IllegalArgumentException("A logo must be a PNG, JPEG or WebP image");
    }

    private static void decode(byte[] bytes, String format) {
        java.awt.image.BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            image = null; // ImageIO reports a truncated file either way
        }
        if (image == null) {
            throw new IllegalArgumentException("The " + format + " file cannot be read; it may be truncated or damaged");
        }
        if (image.getWidth() > MAX_SIDE || image.getHeight() > MAX_SIDE) {
            throw new IllegalArgumentException("A logo is at most " + MAX_SIDE + " pixels on each side");
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
