package io.vidcastx.workers.ai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The dubbed speech laid out on the video's timeline: 16-bit mono PCM in a file (mapped, so a long
 * video does not need its whole sound on the heap), each clip added at its cue's start. A clip
 * longer than its cue may run on into the silence after it; it is never moved.
 */
final class SpeechTimeline implements AutoCloseable {

    /** Faster than this, synthetic speech stops being understandable: the clip overruns instead. */
    static final double MAX_TEMPO = 1.6;

    private final FileChannel channel;
    private final ShortBuffer samples;
    private final int sampleRate;

    SpeechTimeline(Path file, int sampleRate, long durationMs) {
        this.sampleRate = sampleRate;
        long count = Math.max(1, durationMs * sampleRate / 1000);
        if (count * 2 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("A dub of more than about 13 hours is not supported");
        }
        try {
            Files.deleteIfExists(file);
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, count * 2);
            samples = mapped.order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How much to speed a clip up to fit its cue: 1 when it fits, at most {@link #MAX_TEMPO}. */
    static double tempo(long clipMs, long cueMs) {
        if (clipMs <= cueMs) {
            return 1.0;
        }
        return cueMs <= 0 ? MAX_TEMPO : Math.min(MAX_TEMPO, (double) clipMs / cueMs);
    }

    int sampleRate() {
        return sampleRate;
    }

    /** Adds {@code clip} starting at {@code startMs}, clipping what would pass the end of the video. */
    void place(long startMs, short[] clip) {
        int offset = (int) (startMs * sampleRate / 1000);
        int limit = Math.min(clip.length, samples.capacity() - offset);
        for (int i = 0; i < limit; i++) {
            int mixed = samples.get(offset + i) + clip[i];
            samples.put(offset + i, (short) Math.clamp(mixed, Short.MIN_VALUE, Short.MAX_VALUE));
        }
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
