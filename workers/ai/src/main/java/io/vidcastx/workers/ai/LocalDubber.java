package io.vidcastx.workers.ai;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import io.vidcastx.core.captions.Cue;
import io.vidcastx.core.dubbing.ExternalProgram;
import io.vidcastx.core.dubbing.LocalDubbingTools;
import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.FfmpegCancelledException;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.queue.PermanentJobFailure;

/**
 * The local provider: apertium translates the cues (through English when no direct pair is
 * installed), espeak-ng speaks each cue, FFmpeg's {@code atempo} fits a clip that is longer than
 * its cue (up to {@link SpeechTimeline#MAX_TEMPO}), and the clip is laid at the cue's start. Text
 * reaches the tools on standard input only.
 */
final class LocalDubber {

    /** espeak-ng's output rate. */
    static final int SAMPLE_RATE = 22_050;
    private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(5);
    /** Below this (of 32767) a sample counts as the silence espeak-ng puts before speech. */
    private static final int SILENCE = 300;

    private final LocalDubbingTools tools;
    private final FfmpegBinaries binaries;
    private final MediaProcessRunner runner;

    LocalDubber(LocalDubbingTools tools, FfmpegBinaries binaries, MediaProcessRunner runner) {
        this.tools = tools;
        this.binaries = binaries;
        this.runner = runner;
    }

    LocalDubbingTools tools() {
        return tools;
    }

    /** The cues' text in {@code to}, at the same times. */
    List<Cue> translate(List<Cue> cues, String from, String to) {
        var route = tools.route(from, to);
        if (route.isEmpty()) {
            throw new PermanentJobFailure("No installed apertium language pair translates '" + from + "' into '" + to
                    + "'. " + tools.advice(to));
        }
        List<String> texts = cues.stream().map(cue -> cue.text().replaceAll("\\s+", " ").strip()).toList();
        for (String mode : route) {
            texts = apertium(mode, texts);
        }
        var out = new ArrayList<Cue>(cues.size());
        for (int i = 0; i < cues.size(); i++) {
            out.add(new Cue(cues.get(i).startMs(), cues.get(i).endMs(), texts.get(i)));
        }
        return out;
    }

    /** One call for all lines (apertium keeps line breaks); one call per line if it ever does not. */
    private List<String> apertium(String mode, List<String> lines) {
        var command = List.of(tools.apertium(), "-u", mode);
        try {
            var out = ExternalProgram.run(command, String.join("\n", lines) + "\n", TOOL_TIMEOUT).lines()
                    .map(String::strip).toList();
            if (out.size() >= lines.size() && out.subList(lines.size(), out.size()).stream().allMatch(String::isEmpty)) {
                return fixSpacing(out.subList(0, lines.size()));
            }
            var single = new ArrayList<String>(lines.size());
            for (String line : lines) {
                single.add(ExternalProgram.run(command, line + "\n", TOOL_TIMEOUT).strip());
            }
            return fixSpacing(single);
        } catch (ExternalProgram.Failure e) {
            throw new PermanentJobFailure("Translation failed: " + e.getMessage() + " " + tools.advice(null));
        }
    }

    /** apertium writes "prueba ." for "test.": the space before closing punctuation goes. */
    private static List<String> fixSpacing(List<String> lines) {
        return lines.stream().map(line -> line.replaceAll("\\s+([.,;:!?])", "$1")).toList();
    }

    /** Speaks each cue into {@code timeline}; {@code progress} gets 0-100. */
    void speak(List<Cue> cues, String voice, SpeechTimeline timeline, Path workDir, IntConsumer progress,
               BooleanSupplier stop) {
        if (tools.espeakVoices().isEmpty()) {
            throw new PermanentJobFailure("espeak-ng is not installed, so nothing can speak the translation. "
                    + tools.advice(null));
        }
        if (!tools.canSpeak(voice)) {
            throw new PermanentJobFailure("espeak-ng has no voice '" + voice + "' on this machine.");
        }
        Path wav = workDir.resolve("clip.wav");
        Path fitted = workDir.resolve("clip.s16");
        for (int i = 0; i < cues.size(); i++) {
            if (stop.getAsBoolean()) {
                throw new FfmpegCancelledException();
            }
            var cue = cues.get(i);
            if (cue.text().isBlank()) {
                continue;
            }
            try {
                ExternalProgram.run(List.of(tools.espeakNg(), "-v", voice.toLowerCase(Locale.ROOT), "--stdin", "-w",
                        wav.toString()), cue.text(), TOOL_TIMEOUT);
            } catch (ExternalProgram.Failure e) {
                throw new PermanentJobFailure("Speech synthesis failed: " + e.getMessage() + " " + tools.advice(null));
            }
            short[] clip = withoutLeadingSilence(WavClip.readWav(wav));
            double tempo = SpeechTimeline.tempo(WavClip.durationMs(clip, SAMPLE_RATE), cue.endMs() - cue.startMs());
            if (tempo > 1.0) {
                clip = fit(clip, tempo, workDir, fitted, stop);
            }
            timeline.place(cue.startMs(), clip);
            progress.accept((i + 1) * 100 / cues.size());
        }
    }

    private short[] fit(short[] clip, double tempo, Path workDir, Path output, BooleanSupplier stop) {
        Path input = workDir.resolve("clip-trimmed.s16");
        var bytes = java.nio.ByteBuffer.allocate(clip.length * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        bytes.asShortBuffer().put(clip);
        try {
            Files.write(input, bytes.array());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        runner.run(binaries.ffmpeg(), DubPackaging.atempo(input, output, SAMPLE_RATE, tempo), workDir,
                TOOL_TIMEOUT, line -> { }, stop);
        return WavClip.readRaw(output);
    }

    /** espeak-ng starts each clip with some silence; without it the words start on the cue. */
    static short[] withoutLeadingSilence(short[] clip) {
        int start = 0;
        while (start < clip.length && Math.abs(clip[start]) < SILENCE) {
            start++;
        }
        return start == 0 ? clip : java.util.Arrays.copyOfRange(clip, start, clip.length);
    }
}
