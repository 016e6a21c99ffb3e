package io.vidcastx.workers.ai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The settings every AI worker test context runs with. Spring keeps the test contexts cached side by
 * side, and each one's worker takes jobs from the one shared queue, so all of them must do any job
 * alike: the same test Whisper model, and ElevenLabs at the one shared stub.
 */
final class AiWorkerTestSettings {

    private AiWorkerTestSettings() {
    }

    private static Path model;

    /** @return the test Whisper model, one file for every context (a test that moves it away moves it for all) */
    static synchronized Path register(DynamicPropertyRegistry registry) {
        if (model == null) {
            try {
                model = TestWhisperModel.writeEnglish(Files.createTempDirectory("ai-test-model-").resolve("ggml-test.en.bin"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path model = AiWorkerTestSettings.model;
        registry.add("vidcastx.ai.whisper-model", model::toString);
        registry.add("vidcastx.ai.window", () -> "10s");
        registry.add("vidcastx.ai.temperature-increment", () -> "0");
        registry.add("vidcastx.ai.threads", () -> "2");
        var stub = ElevenLabsStub.shared();
        registry.add("vidcastx.elevenlabs.api-base", stub::base);
        registry.add("vidcastx.elevenlabs.poll-interval", () -> "200ms");
        registry.add("vidcastx.elevenlabs.rate-limit-retries", () -> "1");
        return model;
    }
}
