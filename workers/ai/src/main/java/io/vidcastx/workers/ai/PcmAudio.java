package io.vidcastx.workers.ai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * 16 kHz mono 32-bit float PCM in a file, as FFmpeg writes it ({@code -f f32le}), read a window at a
 * time so that hours of audio never sit in memory at once.
 */
final class PcmAudio implements AutoCloseable {

    static final int SAMPLE_RATE = 16_000;
    /** Windows are cut at the quietest 100 ms near their end, not in the middle of a word. */
    private static final int FRAME = SAMPLE_RATE / 10;
    private static final int SEARCH_SECONDS = 3;

    private final FileChannel channel;
    private final long samples;

    PcmAudio(Path file) {
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
            this.samples = channel.size() / 4;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long samples() {
        return samples;
    }

    double seconds() {
        return samples / (double) SAMPLE_RATE;
    }

    float[] read(long from, int count) {
        var buffer = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
        try {
            long position = from * 4;
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, position);
                if (read < 0) {
                    break;
                }
                position += read;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.flip();
        float[] out = new float[buffer.remaining() / 4];
        buffer.asFloatBuffer().get(out);
        return out;
    }

    /** A stretch of the audio: samples {@code [start, end)}. */
    record Window(long start, long end) {

        int length() {
            return (int) (end - start);
        }

        long startMs() {
            return start * 1000 / SAMPLE_RATE;
        }
    }

    /** Windows of about {@code windowSamples}, each ending at the quietest moment of its last seconds. */
    List<Window> windows(long windowSamples) {
        var windows = new ArrayList<Window>();
        long start = 0;
        while (start < samples) {
            long target = start + windowSamples;
            if (target >= samples) {
                windows.add(new Window(start, samples));
                break;
            }
            long end = quietestFrameEnd(Math.max(start + windowSamples / 2, target - SEARCH_SECONDS * SAMPLE_RATE), target);
            windows.add(new Window(start, end));
            start = end;
        }
        return windows;
    }

    private long quietestFrameEnd(long from, long to) {
        float[] span = read(from, (int) (to - from));
        long best = to;
        double quietest = Double.MAX_VALUE;
        for (int frame = 0; frame + FRAME <= span.length; frame += FRAME) {
            double energy = 0;
            for (int i = frame; i < frame + FRAME; i++) {
                energy += span[i] * span[i];
            }
            if (energy < quietest) {
                quietest = energy;
                best = from + frame + FRAME / 2;
            }
        }
        return best;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
