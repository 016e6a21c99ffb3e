package io.vidcastx.workers.ai;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a valid whisper.cpp model in the legacy ggml format with random weights (STACK.md, "The
 * legacy ggml Whisper file format"): one layer, width 64, f16 matrices. No real model can be
 * downloaded on the build machines; this one loads and runs through the real native code and
 * produces deterministic gibberish.
 */
public final class TestWhisperModel {

    public static final int ENGLISH_VOCAB = 51864;
    public static final int MULTILINGUAL_VOCAB = 51865;
    private static final int MAGIC = 0x67676d6c;
    private static final int STATE = 64;
    private static final int HEADS = 2;
    private static final int LAYERS = 1;
    private static final int MELS = 80;
    private static final int AUDIO_CTX = 1500;
    private static final int TEXT_CTX = 448;
    private static final int ORDINARY_TOKENS = 50256;
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "ve", "du", "xa", "ze"};

    private final SplittableRandom random;
    private final int vocabulary;
    private OutputStream out;

    private TestWhisperModel(int vocabulary, long seed) {
        this.vocabulary = vocabulary;
        this.random = new SplittableRandom(seed);
    }

    /** An English-only model ({@code n_vocab} 51864). */
    public static Path writeEnglish(Path file) {
        return write(file, ENGLISH_VOCAB, 42);
    }

    /** A multilingual model ({@code n_vocab} 51865): whisper.cpp detects a language with it. */
    public static Path writeMultilingual(Path file) {
        return write(file, MULTILINGUAL_VOCAB, 7);
    }

    public static Path write(Path file, int vocabulary, long seed) {
        try (var stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            var writer = new TestWhisperModel(vocabulary, seed);
            writer.out = stream;
            writer.writeModel();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeModel() throws IOException {
        int32(MAGIC);
        for (int value : new int[] {vocabulary, AUDIO_CTX, STATE, HEADS, LAYERS, TEXT_CTX, STATE, HEADS, LAYERS, MELS, 1}) {
            int32(value);
        }
        int32(MELS);
        int32(201);
        for (int i = 0; i < MELS * 201; i++) {
            float32(random.nextFloat() * 0.01f);
        }
        int32(ORDINARY_TOKENS);
        for (int i = 0; i < ORDINARY_TOKENS; i++) {
            byte[] word = token(i).getBytes(StandardCharsets.UTF_8);
            int32(word.length);
            out.write(word);
        }
        int s = STATE;
        f32("encoder.positional_embedding", s, AUDIO_CTX);
        f16("encoder.conv1.weight", 3, MELS, s);
        f32("encoder.conv1.bias", 1, s);
        f16("encoder.conv2.weight", 3, s, s);
        f32("encoder.conv2.bias", 1, s);
        f32("encoder.ln_post.weight", s);
        f32("encoder.ln_post.bias", s);
        for (int layer = 0; layer < LAYERS; layer++) {
            block("encoder.blocks." + layer + ".", false);
        }
        f32("decoder.positional_embedding", s, TEXT_CTX);
        f16("decoder.token_embedding.weight", s, vocabulary);
        f32("decoder.ln.weight", s);
        f32("decoder.ln.bias", s);
        for (int layer = 0; layer < LAYERS; layer++) {
            block("decoder.blocks." + layer + ".", true);
        }
    }

    /** Readable gibberish: token 220 must be a single space (whisper.cpp looks it up). */
    private static String token(int i) {
        if (i == 220) {
            return " ";
        }
        if (i < 256) {
            return String.valueOf((char) ('a' + i % 26));
        }
        return " " + SYLLABLES[i % SYLLABLES.length] + SYLLABLES[(i / SYLLABLES.length) % SYLLABLES.length];
    }

    private void block(String prefix, boolean decoder) throws IOException {
        int s = STATE;
        f32(prefix + "mlp_ln.weight", s);
        f32(prefix + "mlp_ln.bias", s);
        f16(prefix + "mlp.0.weight", s, 4 * s);
        f32(prefix + "mlp.0.bias", 4 * s);
        f16(prefix + "mlp.2.weight", 4 * s, s);
        f32(prefix + "mlp.2.bias", s);
        attention(prefix + "attn");
        if (decoder) {
            attention(prefix + "cross_attn");
        }
    }

    private void attention(String prefix) throws IOException {
        int s = STATE;
        f32(prefix + "_ln.weight", s);
        f32(prefix + "_ln.bias", s);
        f16(prefix + ".query.weight", s, s);
        f32(prefix + ".query.bias", s);
        f16(prefix + ".key.weight", s, s);
        f16(prefix + ".value.weight", s, s);
        f32(prefix + ".value.bias", s);
        f16(prefix + ".out.weight", s, s);
        f32(prefix + ".out.bias", s);
    }

    private void f32(String name, int... shape) throws IOException {
        header(name, 0, shape);
        int count = count(shape);
        var buffer = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
        boolean norm = name.endsWith("ln.weight") || name.endsWith("ln_post.weight");
        for (int i = 0; i < count; i++) {
            buffer.putFloat(norm ? 1.0f : (float) (random.nextGaussian() * 0.02));
        }
        out.write(buffer.array());
    }

    private void f16(String name, int... shape) throws IOException {
        header(name, 1, shape);
        int count = count(shape);
        var buffer = ByteBuffer.allocate(count * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            buffer.putShort(Float.floatToFloat16((float) (random.nextGaussian() * 0.05)));
        }
        out.write(buffer.array());
    }

    private void header(String name, int type, int... shape) throws IOException {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        int32(shape.length);
        int32(bytes.length);
        int32(type);
        for (int dimension : shape) {
            int32(dimension);
        }
        out.write(bytes);
    }

    private static int count(int... shape) {
        int count = 1;
        for (int dimension : shape) {
            count *= dimension;
        }
        return count;
    }

    private void int32(int value) throws IOException {
        out.write(value & 0xff);
        out.write((value >>> 8) & 0xff);
        out.write((value >>> 16) & 0xff);
        out.write((value >>> 24) & 0xff);
    }

    private void float32(float value) throws IOException {
        int32(Float.floatToIntBits(value));
    }
}
