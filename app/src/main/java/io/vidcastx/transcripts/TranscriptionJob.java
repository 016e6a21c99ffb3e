package io.vidcastx.transcripts;

import org.jspecify.annotations.Nullable;

/**
 * The latest transcription job of a video, as the video page shows it.
 *
 * @param status   {@code waiting}, {@code active}, {@code completed} or {@code failed}
 * @param progress 0-100 while active
 * @param error    why it failed, for a person to act on
 */
public record TranscriptionJob(String status, int progress, @Nullable String error) {

    public boolean running() {
        return status.equals("waiting") || status.equals("active");
    }
}
