package io.vidcastx.workers.transcode;

import java.util.List;

/**
 * Everything one FFmpeg pass produces for a source.
 *
 * @param renditions video renditions, top first (empty for an audio-only source)
 * @param audio      whether each rendition (or the sole audio rendition) carries AAC audio
 * @param frameRate  output frame rate (0 for audio-only)
 */
public record TranscodePlan(List<PlannedRendition> renditions, boolean audio, double frameRate, int gop) {

    public static final String AUDIO_ONLY_NAME = "audio";
    public static final String AAC_LC = "mp4a.40.2";

    public boolean isAudioOnly() {
        return renditions.isEmpty();
    }
}
