package io.vidcastx.workers.ai;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import io.vidcastx.core.captions.Cue;
import org.jspecify.annotations.Nullable;

/**
 * Turns speech into timed text. Local Whisper is the default engine; a hosted one (Deepgram) would
 * sit behind the same interface.
 */
interface SpeechRecognizer {

    /**
     * Checks that the engine can run (model present and sound) without doing any work.
     *
     * @throws ModelUnavailableException saying what to fix
     */
    void check();

    /**
     * @param language  an ISO 639-1 code, or null to detect it
     * @param progress  receives 0-100 as the audio is worked through
     * @param cancelled polled between windows; true stops with {@link TranscriptionCancelledException}
     */
    Transcription transcribe(PcmAudio audio, @Nullable String language, IntConsumer progress, BooleanSupplier cancelled);

    /** The result: the spoken language, the cues, and what made them. */
    record Transcription(String language, List<Cue> cues, String model) {
    }

    /** The job was taken away or the video deleted while transcribing. */
    final class TranscriptionCancelledException extends RuntimeException {
        TranscriptionCancelledException() {
            super("Transcription cancelled");
        }
    }
}
