package io.vidcastx.workers.ai;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The AI worker's settings ({@code vidcastx.ai.*}, e.g. {@code VIDCASTX_AI_WHISPER_MODEL}).
 *
 * @param whisperModel         the whisper.cpp model file (ggml format), e.g. {@code ggml-base.en.bin}
 * @param threads              CPU threads per transcription; 0 takes min(4, cores)
 * @param window               audio handed to Whisper at a time; progress is reported after each
 * @param temperatureIncrement Whisper's fallback when decoding fails (0 turns fallback off)
 * @param concurrency          jobs one worker process runs at a time (they share one loaded model)
 * @param timeout              longest the audio extraction may take
 * @param workDir              scratch space (the system temp dir when unset)
 */
@ConfigurationProperties("vidcastx.ai")
public record AiProperties(
        @Nullable Path whisperModel,
        @DefaultValue("0") int threads,
        @DefaultValue("2m") Duration window,
        @DefaultValue("0.2") float temperatureIncrement,
        @DefaultValue("1") int concurrency,
        @DefaultValue("2h") Duration timeout,
        @Nullable Path workDir) {

    public AiProperties {
        if (window.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalArgumentException("vidcastx.ai.window must be at least 10s");
        }
        if (threads < 0 || concurrency < 1) {
            throw new IllegalArgumentException("vidcastx.ai.threads must be >= 0 and vidcastx.ai.concurrency >= 1");
        }
    }

    public int threadCount() {
        return threads > 0 ? threads : Math.min(4, Runtime.getRuntime().availableProcessors());
    }

    public Path scratchDir() {
        return workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"), "vidcastx-ai");
    }
}
