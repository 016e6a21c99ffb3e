package io.vidcastx.workers.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a model file can be unusable gives a message that says which file to get and where to put it. */
class WhisperModelFileTest {

    @TempDir
    static Path dir;
    static Path model;
    static byte[] bytes;

    @BeforeAll
    static void writeModel() throws Exception {
        model = TestWhisperModel.writeEnglish(dir.resolve("ggml-test.en.bin"));
        bytes = Files.readAllBytes(model);
    }

    @Test
    void a_generated_model_passes_and_is_described() {
        var checked = WhisperModelFile.check(model);

        assertThat(checked.vocabulary()).isEqualTo(TestWhisperModel.ENGLISH_VOCAB);
        assertThat(checked.multilingual()).isFalse();
        assertThat(checked.describe()).isEqualTo("ggml-test.en.bin (whisper custom 64x1, English only)");
        assertThat(WhisperModelFile.check(TestWhisperModel.writeMultilingual(dir.resolve("multi.bin"))).describe())
                .isEqualTo("multi.bin (whisper custom 64x1, multilingual)");
    }

    @Test
    void no_model_configured_says_what_to_download_and_which_setting_to_set() {
        assertThatThrownBy(() -> WhisperModelFile.check(null))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("No Whisper model is configured")
                .hasMessageContaining("ggml-base.en.bin")
                .hasMessageContaining("https://huggingface.co/ggerganov/whisper.cpp")
                .hasMessageContaining("VIDCASTX_AI_WHISPER_MODEL");
    }

    @Test
    void a_missing_file_names_the_file_to_download_and_the_exact_path() {
        Path missing = dir.resolve("models/ggml-small.bin");

        assertThatThrownBy(() -> WhisperModelFile.check(missing))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("The Whisper model file " + missing + " does not exist")
                .hasMessageContaining("Download ggml-small.bin from https://huggingface.co/ggerganov/whisper.cpp")
                .hasMessageContaining("put it at " + missing);
    }

    @Test
    void a_folder_is_not_a_model() {
        assertThatThrownBy(() -> WhisperModelFile.check(dir))
                .isInstanceOf(ModelUnavailableException.class).hasMessageContaining("not a readable file");
    }

    @Test
    void wrong_formats_are_named() throws Exception {
        var gguf = Files.write(dir.resolve("ggml-base.en.gguf"), new byte[] {'G', 'G', 'U', 'F', 3, 0, 0, 0, 0, 0});
        var html = Files.writeString(dir.resolve("ggml-base.en.bin.html"), "<!DOCTYPE html><html>Not found</html>");
        var zip = Files.write(dir.resolve("base.en.pt"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0});

        assertThatThrownBy(() -> WhisperModelFile.check(gguf)).hasMessageContaining("is not a whisper.cpp model")
                .hasMessageContaining("a GGUF file").hasMessageContaining("put it at " + gguf);
        assertThatThrownBy(() -> WhisperModelFile.check(html)).hasMessageContaining("an HTML or XML page");
        assertThatThrownBy(() -> WhisperModelFile.check(zip)).hasMessageContaining("a ZIP archive");
    }

    @Test
    void a_header_cut_short_is_damaged_rather_than_crashing_whisper_cpp() throws Exception {
        // whisper.cpp 1.7.1 aborts the JVM on exactly this file (std::logic_error from an unknown language id).
        var cut = Files.write(dir.resolve("ggml-cut-header.bin"), Arrays.copyOf(bytes, 7));

        assertThatThrownBy(() -> WhisperModelFile.check(cut)).isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("is damaged (it ends in the middle of its header)")
                .hasMessageContaining("Download it again");
    }

    @Test
    void a_download_cut_short_in_the_weights_is_damaged() throws Exception {
        var cut = Files.write(dir.resolve("ggml-cut.bin"), Arrays.copyOf(bytes, bytes.length - 1000));
        var half = Files.write(dir.resolve("ggml-half.bin"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> WhisperModelFile.check(cut))
                .hasMessageContaining("is damaged (it is truncated: tensor 'decoder.blocks.0.cross_attn.out.weight' needs");
        assertThatThrownBy(() -> WhisperModelFile.check(half)).hasMessageContaining("is damaged (it is truncated");
    }

    @Test
    void garbage_in_the_header_is_damaged() throws Exception {
        byte[] garbled = bytes.clone();
        garbled[4 + 4 * 4] = (byte) 0xff; // n_audio_layer
        garbled[4 + 4 * 4 + 3] = (byte) 0x7f;
        var file = Files.write(dir.resolve("ggml-garbled.bin"), garbled);

        assertThatThrownBy(() -> WhisperModelFile.check(file)).hasMessageContaining("is damaged (its n_audio_layer is");
    }
}
