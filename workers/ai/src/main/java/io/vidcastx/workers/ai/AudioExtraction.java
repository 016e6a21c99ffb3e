package io.vidcastx.workers.ai;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.FfmpegCancelledException;
import io.vidcastx.core.media.FfmpegException;
import io.vidcastx.core.media.FfmpegTimeoutException;
import io.vidcastx.core.media.InputProtocols;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.queue.PermanentJobFailure;
import org.jspecify.annotations.Nullable;

/** The first audio track of a media file as the 16 kHz mono float PCM Whisper takes, with FFmpeg. */
final class AudioExtraction {

    private final FfmpegBinaries binaries;
    private final MediaProcessRunner runner;
    private final AiProperties settings;

    AudioExtraction(FfmpegBinaries binaries, MediaProcessRunner runner, AiProperties settings) {
        this.binaries = binaries;
        this.runner = runner;
        this.settings = settings;
    }

    /**
     * What FFmpeg writes to stderr when the input itself cannot be read: trying again reads the same
     * bytes. Anything else (killed, disk full, out of memory) may well pass on another attempt.
     */
    private static final List<String> UNREADABLE_INPUT = List.of("Invalid data found when processing input",
            "moov atom not found", "ould not find codec parameters", "Error while decoding", "Decoding error",
            "Error submitting packet to decoder", "Unsupported codec", "is not supported", "EBML header parsing failed",
            "Failed to open codec", "Error opening input", "Invalid audio stream");

    /**
     * FFmpeg's arguments (no shell): first audio stream, mono, 16 kHz, raw 32-bit float, progress on
     * stdout. Raw PCM carries no timestamps, so the resampler pads silence before sound that starts
     * after the picture (and trims encoder priming before it): sample 0 is the video's time 0, where
     * the captions' clock starts.
     */
    static List<String> arguments(String input, String output) {
        return List.of("-nostdin", "-y", "-hide_banner", "-loglevel", "error", "-progress", "pipe:1", "-nostats",
                "-protocol_whitelist", InputProtocols.LOCAL_FILE, "-i", input, "-map", "0:a:0", "-vn", "-sn", "-dn", "-af", "aresample=async=1:first_pts=0",
                "-ac", "1", "-ar", String.valueOf(PcmAudio.SAMPLE_RATE), "-c:a", "pcm_f32le", "-f", "f32le", output);
    }

    /** Percent done from one line of FFmpeg's {@code -progress} output; -1 when the line says nothing about it. */
    static int percent(String line, @Nullable Double durationSeconds) {
        if (durationSeconds == null || durationSeconds <= 0 || !line.startsWith("out_time_us=")) {
            return -1;
        }
        try {
            long micros = Long.parseLong(line.substring("out_time_us=".length()).strip());
            return (int) Math.max(0, Math.min(100, micros / 10_000.0 / durationSeconds));
        } catch (NumberFormatException e) {
            return -1; // "N/A" before the first packet
        }
    }

    void extract(Path source, Path pcm, @Nullable Double durationSeconds, IntConsumer progress, BooleanSupplier cancelled) {
        try {
            runner.run(binaries.ffmpeg(), arguments(source.toString(), pcm.toString()), pcm.toAbsolutePath().getParent(),
                    settings.timeout(), line -> {
                        int percent = percent(line, durationSeconds);
                        if (percent >= 0) {
                            progress.accept(percent);
                        }
                    }, cancelled);
        } catch (FfmpegCancelledException | FfmpegTimeoutException e) {
            throw e;
        } catch (FfmpegException e) {
            String detail = e.stderrTail().isEmpty() ? "" : ": " + e.stderrTail().getLast();
            if (detail.contains("matches no streams")) {
                throw new PermanentJobFailure("The video has no audio track, so there is nothing to transcribe.");
            }
            if (e.stderrTail().stream().anyMatch(line -> UNREADABLE_INPUT.stream().anyMatch(line::contains))) {
                throw new PermanentJobFailure("The audio could not be decoded for transcription" + detail);
            }
            throw e; // retried: nothing says the file is at fault
        }
    }
}
