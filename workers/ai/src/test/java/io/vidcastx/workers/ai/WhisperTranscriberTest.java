package io.vidcastx.workers.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.vidcastx.core.captions.Cue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real whisper.cpp (through whisper-jni) on a generated random-weight model: load, detect, transcribe. */
class WhisperTranscriberTest {

    @TempDir
    static Path dir;
    static Path english;
    static Path multilingual;

    @BeforeAll
    static void models() {
        english = TestWhisperModel.writeEnglish(dir.resolve("ggml-test.en.bin"));
        multilingual = TestWhisperModel.writeMultilingual(dir.resolve("ggml-test.bin"));
    }

    static AiProperties settings(Path model, Duration window) {
        return new AiProperties(model, 2, window, 0f, 1, Duration.ofMinutes(5), dir);
    }

    /** Tones changing pitch every second with a tremolo, as 16 kHz float PCM. */
    static Path tones(String name, int seconds) throws Exception {
        var buffer = ByteBuffer.allocate(seconds * PcmAudio.SAMPLE_RATE * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < seconds * PcmAudio.SAMPLE_RATE; i++) {
            double t = i / (double) PcmAudio.SAMPLE_RATE;
            double pitch = 220 + 110 * Math.floor(t % 5);
            buffer.putFloat((float) (0.4 * Math.sin(2 * Math.PI * pitch * t) * (0.6 + 0.4 * Math.sin(2 * Math.PI * 3 * t))));
        }
        return Files.write(dir.resolve(name), buffer.array());
    }

    @Test
    void long_audio_is_transcribed_window_by_window_with_progress_and_real_timings() throws Exception {
        var progress = new ArrayList<Integer>();
        SpeechRecognizer.Transcription result;
        try (var transcriber = new WhisperTranscriber(settings(english, Duration.ofSeconds(10)));
             var audio = new PcmAudio(tones("25s.f32", 25))) {
            transcriber.check();
            var windows = audio.windows(10L * PcmAudio.SAMPLE_RATE);
            assertThat(windows).hasSize(3);
            assertThat(windows.getFirst().start()).isZero();
            assertThat(windows.getLast().end()).isEqualTo(25L * PcmAudio.SAMPLE_RATE);
            // Each cut lies within the three seconds before its 10 s mark, at a quiet moment.
            assertThat(windows.get(1).start()).isBetween(7L * PcmAudio.SAMPLE_RATE, 10L * PcmAudio.SAMPLE_RATE);

            result = transcriber.transcribe(audio, null, progress::add, () -> false);
        }

        assertThat(result.language()).isEqualTo("en"); // an English-only model is never asked to detect
        assertThat(result.model()).isEqualTo("ggml-test.en.bin (whisper custom 64x1, English only)");
        assertThat(progress).hasSize(3).isSorted().last().isEqualTo(100);
        assertThat(result.cues()).isNotEmpty().allSatisfy(cue -> {
            assertThat(cue.text()).isNotBlank();
            assertThat(cue.endMs()).isBetween(cue.startMs(), 25_000L);
        });
        assertThat(result.cues().stream().map(Cue::startMs).toList()).isSorted();
        // Every window produced text, placed on the whole recording's timeline.
        assertThat(result.cues().stream().filter(cue -> cue.startMs() >= 7_000).count()).isPositive();
        assertThat(result.cues().stream().filter(cue -> cue.startMs() >= 14_000).count()).isPositive();
    }

    @Test
    void a_multilingual_model_detects_the_language_unless_the_request_fixes_it() throws Exception {
        try (var transcriber = new WhisperTranscriber(settings(multilingual, Duration.ofSeconds(30)));
             var audio = new PcmAudio(tones("6s.f32", 6))) {
            var detected = transcriber.transcribe(audio, null, p -> { }, () -> false);
            var fixed = transcriber.transcribe(audio, "de", p -> { }, () -> false);
            var again = transcriber.transcribe(audio, null, p -> { }, () -> false);

            // Random weights pick some language; the point is that whisper.cpp's choice is read back, and is stable.
            assertThat(detected.language()).matches("[a-z]{2,3}").isEqualTo(again.language());
            assertThat(fixed.language()).isEqualTo("de");
            assertThat(detected.model()).endsWith("multilingual)");
        }
    }

    @Test
    void cancelling_stops_between_windows() throws Exception {
        try (var transcriber = new WhisperTranscriber(settings(english, Duration.ofSeconds(10)));
             var audio = new PcmAudio(tones("cancel.f32", 25))) {
            var progress = new ArrayList<Integer>();
            assertThatThrownBy(() -> transcriber.transcribe(audio, null, progress::add, () -> !progress.isEmpty()))
                    .isInstanceOf(SpeechRecognizer.TranscriptionCancelledException.class);
            assertThat(progress).hasSize(1);
        }
    }

    @Test
    void a_file_whisper_cpp_refuses_although_its_layout_is_sound_fails_with_whisper_cpps_reason() throws Exception {
        byte[] bytes = Files.readAllBytes(english);
        String content = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = content.indexOf("decoder.ln.bias");
        bytes[at + "decoder.ln.".length()] = 'X'; // same length, unknown name
        Path renamed = Files.write(dir.resolve("ggml-renamed.bin"), bytes);

        try (var transcriber = new WhisperTranscriber(settings(renamed, Duration.ofSeconds(30)));
             var audio = new PcmAudio(tones("refused.f32", 2))) {
            transcriber.check(); // the layout is fine, so only whisper.cpp can tell
            assertThatThrownBy(() -> transcriber.transcribe(audio, null, p -> { }, () -> false))
                    .isInstanceOf(ModelUnavailableException.class)
                    .hasMessageContaining("whisper.cpp could not load the model " + renamed)
                    .hasMessageContaining("unknown tensor 'decoder.ln.Xias'")
                    .hasMessageContaining("put it at " + renamed);
        }
    }

    @Test
    void windows_cover_the_audio_exactly_once() throws Exception {
        try (var audio = new PcmAudio(tones("cover.f32", 17))) {
            List<PcmAudio.Window> windows = audio.windows(5L * PcmAudio.SAMPLE_RATE);
            for (int i = 1; i < windows.size(); i++) {
                assertThat(windows.get(i).start()).isEqualTo(windows.get(i - 1).end());
            }
            assertThat(windows.stream().mapToLong(PcmAudio.Window::length).sum()).isEqualTo(audio.samples());
        }
    }

    @Test
    void closing_waits_for_a_running_transcription_before_freeing_the_model() throws Exception {
        var transcriber = new WhisperTranscriber(settings(english, Duration.ofSeconds(10)));
        try (var audio = new PcmAudio(tones("closing.f32", 25))) {
            var progress = new java.util.concurrent.CopyOnWriteArrayList<Integer>();
            var firstWindow = new java.util.concurrent.CountDownLatch(1);
            var running = java.util.concurrent.CompletableFuture.supplyAsync(() -> transcriber.transcribe(audio, null,
                    p -> {
                        progress.add(p);
                        firstWindow.countDown();
                    }, () -> false));
            assertThat(firstWindow.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            transcriber.close();

            // Every window was decoded (with the model still loaded) before close() freed it.
            assertThat(progress).as("progress when close() returned").hasSize(3).last().isEqualTo(100);
            assertThat(running.get(10, java.util.concurrent.TimeUnit.SECONDS).cues()).isNotEmpty();
            assertThatThrownBy(() -> transcriber.transcribe(audio, null, p -> { }, () -> false))
                    .isInstanceOf(SpeechRecognizer.TranscriptionCancelledException.class);
        }
    }

    @Test
    void audio_of_less_than_a_tenth_of_a_second_fails_for_good() throws Exception {
        Path blip = Files.write(dir.resolve("blip.f32"), new byte[PcmAudio.SAMPLE_RATE / 20 * 4]);
        try (var transcriber = new WhisperTranscriber(settings(english, Duration.ofSeconds(30)));
             var audio = new PcmAudio(blip)) {
            assertThatThrownBy(() -> transcriber.transcribe(audio, null, p -> { }, () -> false))
                    .isInstanceOf(io.vidcastx.core.queue.PermanentJobFailure.class)
                    .hasMessage("The audio track is empty or silent (50 ms of sound), so there is nothing to transcribe.");
        }
    }
}
