package io.vidcastx.workers.ai;

import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Checks a whisper.cpp model file (legacy ggml format) from end to end before the native code sees
 * it. whisper.cpp returns null for many bad files but aborts the whole JVM on some (a header cut
 * short makes it throw a C++ exception nobody catches), so every length is checked here first:
 * header, mel filters, vocabulary, and each tensor's header and data up to the end of the file.
 */
final class WhisperModelFile {

    static final String DOWNLOADS = "https://huggingface.co/ggerganov/whisper.cpp/tree/main";
    static final String RECOMMENDED = "ggml-base.en.bin";
    private static final int GGML_MAGIC = 0x67676d6c;
    private static final int MAX_NAME = 256;

    private WhisperModelFile() {
    }

    /** What the file holds. */
    record Model(Path path, int vocabulary, int audioState, int audioLayers, int textLayers, long sizeBytes) {

        boolean multilingual() {
            return vocabulary >= 51865;
        }

        /** Whisper's published sizes by width and depth; anything else is a custom model. */
        String size() {
            return switch (audioState + "x" + audioLayers) {
                case "384x4" -> "tiny";
                case "512x6" -> "base";
                case "768x12" -> "small";
                case "1024x24" -> "medium";
                case "1280x32" -> textLayers == 4 ? "large-v3-turbo" : "large";
                default -> "custom " + audioState + "x" + audioLayers;
            };
        }

        /** For the transcript's "model" column: {@code ggml-base.en.bin (whisper base, English only)}. */
        String describe() {
            return path.getFileName() + " (whisper " + size() + (multilingual() ? ", multilingual" : ", English only") + ")";
        }
    }

    /**
     * @param configured the {@code vidcastx.ai.whisper-model} setting, null when unset
     * @throws ModelUnavailableException naming the file to download and where to put it
     */
    static Model check(@Nullable Path configured) {
        if (configured == null) {
            throw new ModelUnavailableException("No Whisper model is configured. Download " + RECOMMENDED
                    + " (142 MB; other sizes at " + DOWNLOADS + "), put it on the AI worker's machine, e.g. at "
                    + "/var/lib/vidcastx/models/" + RECOMMENDED + ", set VIDCASTX_AI_WHISPER_MODEL to that path, "
                    + "restart the AI worker and transcribe again.");
        }
        Path path = configured.toAbsolutePath();
        String wanted = path.getFileName().toString().matches("ggml-[\\w.-]+\\.bin")
                ? path.getFileName().toString() : RECOMMENDED;
        String fetch = "Download " + wanted + " from " + DOWNLOADS + " and put it at " + path;
        if (!Files.exists(path)) {
            throw new ModelUnavailableException("The Whisper model file " + path + " does not exist. " + fetch
                    + " (or point VIDCASTX_AI_WHISPER_MODEL at the model file), then transcribe again.");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ModelUnavailableException("The Whisper model " + path + " is not a readable file for the AI "
                    + "worker (a folder, or no read permission). " + fetch + ", readable by the worker's user.");
        }
        try (var file = new RandomAccessFile(path.toFile(), "r")) {
            return read(path, file, fetch);
        } catch (EOFException e) {
            throw damaged(path, "it ends in the middle of its header", fetch);
        } catch (IOException e) {
            throw new ModelUnavailableException("The Whisper model " + path + " could not be read: " + e.getMessage()
                    + ". " + fetch + ".");
        }
    }

    private static Model read(Path path, RandomAccessFile file, String fetch) throws IOException {
        long length = file.length();
        if (length < 4) {
            throw damaged(path, "it has only " + length + " bytes", fetch);
        }
        int magic = int32(file);
        if (magic != GGML_MAGIC) {
            throw new ModelUnavailableException("The file " + path + " is not a whisper.cpp model: it is "
                    + formatOf(Integer.reverseBytes(magic)) + ", and the AI worker needs a whisper.cpp model in ggml "
                    + "format. " + fetch + ".");
        }
        int vocabulary = hyper(file, path, fetch, "n_vocab", 1, 1_000_000);
        hyper(file, path, fetch, "n_audio_ctx", 1, 100_000);
        int audioState = hyper(file, path, fetch, "n_audio_state", 1, 100_000);
        hyper(file, path, fetch, "n_audio_head", 1, 1_000);
        int audioLayers = hyper(file, path, fetch, "n_audio_layer", 1, 1_000);
        hyper(file, path, fetch, "n_text_ctx", 1, 100_000);
        hyper(file, path, fetch, "n_text_state", 1, 100_000);
        hyper(file, path, fetch, "n_text_head", 1, 1_000);
        int textLayers = hyper(file, path, fetch, "n_text_layer", 1, 1_000);
        hyper(file, path, fetch, "n_mels", 1, 1_000);
        hyper(file, path, fetch, "ftype", 0, 100_000);

        int mels = hyper(file, path, fetch, "mel filter count", 1, 1_000);
        int fft = hyper(file, path, fetch, "mel filter width", 1, 100_000);
        skip(file, (long) mels * fft * 4, path, fetch, "the mel filters");
        int words = hyper(file, path, fetch, "vocabulary size", 0, 1_000_000);
        for (int i = 0; i < words; i++) {
            int length32 = int32(file);
            if (length32 < 0 || length32 > 1024) {
                throw damaged(path, "token " + i + " claims " + length32 + " bytes", fetch);
            }
            skip(file, length32, path, fetch, "token " + i);
        }

        int expected = 7 + 15 * audioLayers + 4 + 24 * textLayers;
        int tensors = 0;
        while (file.getFilePointer() < length) {
            tensor(file, path, fetch);
            tensors++;
        }
        if (tensors != expected) {
            throw damaged(path, "it holds " + tensors + " of the " + expected + " tensors its header announces "
                    + "(cut short during download?)", fetch);
        }
        return new Model(path, vocabulary, audioState, audioLayers, textLayers, length);
    }

    private static void tensor(RandomAccessFile file, Path path, String fetch) throws IOException {
        long at = file.getFilePointer();
        if (file.length() - at < 12) {
            throw damaged(path, "it ends inside a tensor header", fetch);
        }
        int dims = int32(file);
        int nameLength = int32(file);
        int type = int32(file);
        if (dims < 1 || dims > 4 || nameLength < 1 || nameLength > MAX_NAME) {
            throw damaged(path, "a tensor header at byte " + at + " is garbled", fetch);
        }
        long elements = 1;
        for (int d = 0; d < dims; d++) {
            int size = int32(file);
            if (size < 1) {
                throw damaged(path, "a tensor at byte " + at + " has a dimension of " + size, fetch);
            }
            elements *= size;
        }
        byte[] name = new byte[nameLength];
        file.readFully(name);
        String tensorName = new String(name, StandardCharsets.US_ASCII);
        long bytes = switch (type) {
            case 0 -> elements * 4; // f32
            case 1 -> elements * 2; // f16
            case 2 -> elements / 32 * 18; // q4_0
            case 3 -> elements / 32 * 20; // q4_1
            case 6 -> elements / 32 * 22; // q5_0
            case 7 -> elements / 32 * 24; // q5_1
            case 8 -> elements / 32 * 34; // q8_0
            default -> throw new ModelUnavailableException("The Whisper model " + path + " stores tensor '" + tensorName
                    + "' as ggml type " + type + ", which whisper.cpp 1.7 cannot read. " + fetch + ".");
        };
        skip(file, bytes, path, fetch, "tensor '" + tensorName + "'");
    }

    private static int hyper(RandomAccessFile file, Path path, String fetch, String name, int min, int max)
            throws IOException {
        int value = int32(file);
        if (value < min || value > max) {
            throw damaged(path, "its " + name + " is " + value, fetch);
        }
        return value;
    }

    private static void skip(RandomAccessFile file, long bytes, Path path, String fetch, String what) throws IOException {
        long end = file.getFilePointer() + bytes;
        if (end > file.length()) {
            throw damaged(path, "it is truncated: " + what + " needs " + (end - file.length())
                    + " bytes past the end of the file", fetch);
        }
        file.seek(end);
    }

    private static int int32(RandomAccessFile file) throws IOException {
        return Integer.reverseBytes(file.readInt());
    }

    private static ModelUnavailableException damaged(Path path, String detail, String fetch) {
        return new ModelUnavailableException("The Whisper model file " + path + " is damaged (" + detail + "). "
                + fetch.replace("Download", "Download it again:") + ", replacing the damaged file.");
    }

    /** The first four bytes, read big-endian, of formats people mistake for a Whisper model. */
    private static String formatOf(int bigEndianMagic) {
        return switch (bigEndianMagic) {
            case 0x47475546 -> "a GGUF file (the llama.cpp format, which whisper.cpp does not read)";
            case 0x504b0304 -> "a ZIP archive (an OpenAI PyTorch checkpoint such as base.en.pt?)";
            case 0x7b0a2020, 0x7b22, 0x7b0a -> "a JSON file";
            default -> {
                int first = bigEndianMagic >>> 24;
                yield first == '<' ? "an HTML or XML page (a download that saved an error page?)"
                        : String.format(Locale.ROOT, "not a ggml file (it starts with bytes %08x)", bigEndianMagic);
            }
        };
    }
}
