package io.vidcastx.workers.ai;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import io.vidcastx.core.dubbing.DubbingAccounts;
import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.FfmpegCancelledException;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.queue.PermanentJobFailure;
import io.vidcastx.db.ids.OrganizationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ElevenLabs provider: the video's sound (MP3) goes to ElevenLabs' dubbing API with the
 * organization's own key, the dub is polled until ElevenLabs says {@code dubbed} or {@code failed},
 * and the dubbed sound comes back as a file for the same packaging as a local dub. ElevenLabs keeps
 * the background itself unless asked to drop it.
 */
final class ElevenLabsDubber {

    private static final Logger log = LoggerFactory.getLogger(ElevenLabsDubber.class);
    private static final Duration EXTRACT_TIMEOUT = Duration.ofMinutes(30);

    private final ElevenLabsClient client;
    private final DubbingAccounts accounts;
    private final FfmpegBinaries binaries;
    private final MediaProcessRunner runner;
    private final ElevenLabsProperties settings;

    ElevenLabsDubber(ElevenLabsClient client, DubbingAccounts accounts, FfmpegBinaries binaries,
                     MediaProcessRunner runner, ElevenLabsProperties settings) {
        this.client = client;
        this.accounts = accounts;
        this.binaries = binaries;
        this.runner = runner;
        this.settings = settings;
    }

    /**
     * @param sourceLang the spoken language, or {@code auto} to let ElevenLabs detect it
     * @param progress   gets 0-100
     * @return the dubbed sound, from the start of the source's sound
     */
    Path dub(OrganizationId organizationId, Path source, String sourceLang, String targetLang, boolean keepBackground,
             Path workDir, IntConsumer progress, BooleanSupplier stop) {
        String apiKey = accounts.elevenLabsKey(organizationId).orElseThrow(() -> new PermanentJobFailure(
                "The organization has no ElevenLabs API key. Set one in Settings › General, or dub with the local provider."));
        Path sound = workDir.resolve("source.mp3");
        runner.run(binaries.ffmpeg(), List.of("-nostdin", "-y", "-loglevel", "error", "-i", source.toString(), "-vn",
                "-map", "0:a:0", "-ac", "2", "-ar", "44100", "-c:a", "libmp3lame", "-b:a", "128k", sound.toString()),
                workDir, EXTRACT_TIMEOUT, line -> { }, stop);
        progress.accept(10);
        var started = client.startDubbing(apiKey, sound, "audio/mpeg", sourceLang, targetLang, 0, false,
                !keepBackground, stop);
        log.info("ElevenLabs dub {} started into '{}' (expected {} s)", started.dubbingId(), targetLang,
                started.expectedSeconds());
        progress.accept(20);
        long begun = System.nanoTime();
        long deadline = begun + settings.longestDub().toNanos();
        while (true) {
            if (stop.getAsBoolean()) {
                throw new FfmpegCancelledException();
            }
            var state = client.progress(apiKey, started.dubbingId(), stop);
            switch (state.status()) {
                case "dubbed" -> {
                    progress.accept(90);
                    Path dubbed = workDir.resolve("elevenlabs-dubbed");
                    client.downloadAudio(apiKey, started.dubbingId(), targetLang, dubbed, stop);
                    progress.accept(100);
                    return dubbed;
                }
                case "failed" -> throw new PermanentJobFailure("ElevenLabs could not dub the video"
                        + (state.error() != null ? ": " + state.error() : "") + ".");
                default -> {
                    // "dubbing" (or a word not known yet): ElevenLabs is still at work.
                }
            }
            if (System.nanoTime() > deadline) {
                throw new PermanentJobFailure("ElevenLabs did not finish the dub within "
                        + settings.longestDub().toMinutes() + " minutes; dub again later.");
            }
            if (started.expectedSeconds() > 0) {
                double elapsed = (System.nanoTime() - begun) / 1e9;
                progress.accept(20 + (int) Math.min(65, 65 * elapsed / started.expectedSeconds()));
            }
            client.pollPause(stop);
        }
    }
}
