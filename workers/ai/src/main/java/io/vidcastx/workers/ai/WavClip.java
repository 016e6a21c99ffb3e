package io.vidcastx.workers.ai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** 16-bit mono PCM read from a WAV file (espeak-ng's) or a raw {@code s16le} file (FFmpeg's). */
final class WavClip {

    private WavClip() {
    }

    static short[] readWav(Path file) {
        ByteBuffer bytes = ByteBuffer.wrap(read(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.remaining() < 12 || bytes.getInt(0) != 0x46464952 || bytes.getInt(8) != 0x45564157) {
            throw new IllegalArgumentException(file.getFileName() + " is not a WAV file");
        }
        int position = 12;
        while (position + 8 <= bytes.limit()) {
            int id = bytes.getInt(position);
            int size = bytes.getInt(position + 4);
            if (id == 0x61746164) { // "data"
                int length = Math.min(size < 0 ? Integer.MAX_VALUE : size, bytes.limit() - position - 8);
                return samples(bytes.slice(position + 8, length).order(ByteOrder.LITTLE_ENDIAN));
            }
            position += 8 + size + (size & 1);
        }
        throw new IllegalArgumentException(file.getFileName() + " has no audio data");
    }

    static short[] readRaw(Path file) {
        return samples(ByteBuffer.wrap(read(file)).order(ByteOrder.LITTLE_ENDIAN));
    }

    static long durationMs(short[] clip, int sampleRate) {
        return clip.length * 1000L / sampleRate;
    }

    private static short[] samples(ByteBuffer bytes) {
        var out = new short[bytes.remaining() / 2];
        bytes.asShortBuffer().get(out);
        return out;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
