package io.vidcastx.workers.ai;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import io.github.givimad.whisperjni.WhisperState;
import io.vidcastx.core.captions.Cue;
import io.vidcastx.core.queue.PermanentJobFailure;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local transcription with whisper.cpp through whisper-jni. The model is loaded once and shared;
 * each transcription has its own decoder state, so several may run at once. Audio goes to Whisper
 * a window at a time (progress after each); the language is detected on the first window unless
 * the request fixes it.
 */
final class WhisperTranscriber implements SpeechRecognizer, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WhisperTranscriber.class);
    private static final Pattern DETECTED = Pattern.compile("auto-detected language: ([a-z]{2,3}) ");
    /** Whisper hears at most 30 s at a time; detection needs no more. */
    private static final int DETECTION_SAMPLES = 30 * PcmAudio.SAMPLE_RATE;
    /** whisper.cpp refuses input shorter than 100 ms. */
    private static final int MIN_SAMPLES = PcmAudio.SAMPLE_RATE / 10;
    /** How long closing waits for running transcriptions, which stop at their next window once the worker stops. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private final AiProperties settings;
    private final WhisperJNI whisper;
    private @Nullable Loaded loaded;
    /** Transcriptions using {@link #loaded} right now: its native memory must outlive them. */
    private int running;
    private boolean closed;

    private record Loaded(WhisperModelFile.Model model, FileTime modified, WhisperContext context) {
    }

    WhisperTranscriber(AiProperties settings) {
        this.settings = settings;
        this.whisper = new WhisperJNI(); // the native library loads on first use, not at startup
    }

    @Override
    public void check() {
        WhisperModelFile.check(settings.whisperModel());
        WhisperNative.load();
    }

    @Override
    public Transcription transcribe(PcmAudio audio, @Nullable String language, IntConsumer progress,
                                    BooleanSupplier cancelled) {
        if (audio.samples() < MIN_SAMPLES) {
            throw new PermanentJobFailure("The audio track is empty or silent (" + audio.samples() * 1000
                    / PcmAudio.SAMPLE_RATE + " ms of sound), so there is nothing to transcribe.");
        }
        var model = acquire();
        WhisperState state = whisper.initState(model.context());
        if (state == null) {
            release();
            throw new IllegalStateException("whisper.cpp could not allocate a decoder state (out of memory?)");
        }
        try {
            String spoken = language != null ? language : detect(model, state, audio);
            var cues = new ArrayList<Cue>();
            var windows = audio.windows(settings.window().toSeconds() * PcmAudio.SAMPLE_RATE);
            long done = 0;
            for (var window : windows) {
                if (cancelled.getAsBoolean()) {
                    throw new TranscriptionCancelledException();
                }
                if (window.length() >= MIN_SAMPLES) { // a last sliver after a cut holds no word
                    cues.addAll(transcribeWindow(model, state, audio, window, spoken));
                }
                done += window.length();
                progress.accept((int) (done * 100 / Math.max(1, audio.samples())));
            }
            return new Transcription(spoken, cues, model.model().describe());
        } finally {
            whisper.free(state);
            release();
        }
    }

    private synchronized Loaded acquire() {
        if (closed) {
            throw new TranscriptionCancelledException(); // shutting down: the job goes back to the queue
        }
        var model = model();
        running++;
        return model;
    }

    private synchronized void release() {
        running--;
        notifyAll();
    }

    private String detect(Loaded model, WhisperState state, PcmAudio audio) {
        if (!model.model().multilingual()) {
            return "en"; // English-only models know no other language
        }
        float[] samples = audio.read(0, (int) Math.min(audio.samples(), DETECTION_SAMPLES));
        var params = params("auto");
        params.detectLanguage = true;
        var run = WhisperNative.capture(() -> whisper.fullWithState(model.context(), state, params, samples, samples.length));
        if (run.result() != 0) {
            throw new IllegalStateException("Whisper could not detect the language: " + run.lastError());
        }
        for (String line : run.lines()) {
            var matcher = DETECTED.matcher(line);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new IllegalStateException("Whisper detected no language (" + run.lastError() + ")");
    }

    private List<Cue> transcribeWindow(Loaded model, WhisperState state, PcmAudio audio, PcmAudio.Window window,
                                       String language) {
        float[] samples = audio.read(window.start(), window.length());
        var params = params(language);
        var run = WhisperNative.capture(() -> whisper.fullWithState(model.context(), state, params, samples, samples.length));
        if (run.result() != 0) {
            if (run.lines().stream().anyMatch(line -> line.contains("unknown language"))) {
                throw new PermanentJobFailure("Whisper does not know the language '" + language + "'; choose another "
                        + "language or let it be detected.");
            }
            throw new IllegalStateException("Whisper failed on the audio from " + window.startMs() / 1000 + " s: "
                    + run.lastError());
        }
        int segments = whisper.fullNSegmentsFromState(state);
        long windowEndMs = window.end() * 1000 / PcmAudio.SAMPLE_RATE;
        var cues = new ArrayList<Cue>(segments);
        for (int i = 0; i < segments; i++) {
            String text = whisper.fullGetSegmentTextFromState(state, i).strip();
            if (text.isEmpty()) {
                continue;
            }
            // whisper.cpp counts in hundredths of a second from the start of what it was given.
            long start = Math.min(window.startMs() + whisper.fullGetSegmentTimestamp0FromState(state, i) * 10, windowEndMs);
            long end = Math.min(window.startMs() + whisper.fullGetSegmentTimestamp1FromState(state, i) * 10, windowEndMs);
            cues.add(new Cue(start, Math.max(start, end), text));
        }
        return cues;
    }

    private WhisperFullParams params(String language) {
        var params = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
        params.nThreads = settings.threadCount();
        params.language = language;
        params.temperatureInc = settings.temperatureIncrement();
        params.printProgress = false;
        params.printRealtime = false;
        params.printTimestamps = false;
        params.printSpecial = false;
        return params;
    }

    /** The loaded model, (re)loaded when the configured file changed since. */
    private synchronized Loaded model() {
        var checked = WhisperModelFile.check(settings.whisperModel());
        WhisperNative.load();
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(checked.path());
        } catch (IOException e) {
            throw new ModelUnavailableException("The Whisper model " + checked.path() + " could not be read: " + e.getMessage());
        }
        if (loaded != null && (running > 0 || loaded.model().equals(checked) && loaded.modified().equals(modified))) {
            return loaded; // a replaced file is loaded once no transcription uses the current model
        }
        unload();
        var run = WhisperNative.capture(() -> {
            try {
                return whisper.initNoState(checked.path());
            } catch (IOException e) {
                return null;
            }
        });
        if (run.result() == null) {
            throw new ModelUnavailableException("whisper.cpp could not load the model " + checked.path() + " ("
                    + run.lastError() + "): the file is damaged or not a Whisper model. Download it again: "
                    + WhisperModelFile.RECOMMENDED + " or another size from " + WhisperModelFile.DOWNLOADS
                    + ", and put it at " + checked.path() + ".");
        }
        log.info("Loaded Whisper model {} ({} MB)", checked.describe(), checked.sizeBytes() / 1_000_000);
        loaded = new Loaded(checked, modified, run.result());
        return loaded;
    }

    /**
     * Frees the model once no transcription uses it any more; new ones are refused from now on. A
     * decode that outlasts {@link #CLOSE_WAIT} keeps the model: the process exit frees it, whereas
     * freeing it under a running decode would crash the JVM.
     */
    @Override
    public synchronized void close() {
        closed = true;
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        while (running > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                log.warn("{} transcription(s) still running after {} s; the Whisper model is left to the process exit",
                        running, CLOSE_WAIT.toSeconds());
                return;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.warn("Interrupted while waiting for transcriptions to end; the Whisper model is left to the process exit");
                return;
            }
        }
        unload();
    }

    private synchronized void unload() {
        if (loaded != null) {
            loaded.context().close();
            loaded = null;
        }
    }
}
