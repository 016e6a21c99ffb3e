package io.vidcastx.workers.ai;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.github.givimad.whisperjni.WhisperJNI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads whisper-jni's native libraries once per JVM and routes whisper.cpp's log. whisper-jni 1.7.1
 * has no call for the detected language or a load error, but whisper.cpp logs both, on the thread
 * that made the call: {@link #capture} collects those lines for one call.
 */
final class WhisperNative {

    private static final Logger log = LoggerFactory.getLogger("whisper.cpp");
    private static final ThreadLocal<List<String>> CAPTURE = new ThreadLocal<>();
    private static volatile boolean loaded;

    private WhisperNative() {
    }

    static synchronized void load() {
        if (loaded) {
            return;
        }
        try {
            WhisperJNI.loadLibrary();
        } catch (IOException | UnsatisfiedLinkError e) {
            throw new IllegalStateException("whisper-jni's native library could not be loaded on this machine ("
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "): " + e.getMessage(), e);
        }
        WhisperJNI.setLibraryLogger(WhisperNative::line);
        loaded = true;
    }

    /** Runs {@code call} and returns its result with whisper.cpp's log lines from this thread meanwhile. */
    static <T> Captured<T> capture(Supplier<T> call) {
        var lines = new ArrayList<String>();
        var previous = CAPTURE.get();
        CAPTURE.set(lines);
        try {
            return new Captured<>(call.get(), lines);
        } finally {
            CAPTURE.set(previous);
        }
    }

    record Captured<T>(T result, List<String> lines) {

        /** whisper.cpp's own reason for a failure: its first specific complaint, else its last word. */
        String lastError() {
            for (String line : lines) {
                if (line.contains("ERROR") || line.contains("unknown tensor") || line.contains("unknown language")
                        || line.contains("invalid") || line.contains("wrong") || line.contains("bad ")) {
                    return line.replaceFirst("^\\w+: ", "");
                }
            }
            return lines.isEmpty() ? "no details" : lines.getLast().replaceFirst("^\\w+: ", "");
        }
    }

    private static void line(String text) {
        String line = text.strip();
        if (line.isEmpty()) {
            return;
        }
        var lines = CAPTURE.get();
        if (lines != null) {
            lines.add(line);
        }
        log.debug(line);
    }
}
