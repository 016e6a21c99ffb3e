package io.vidcastx.core.queue;

import io.vidcastx.db.ids.VideoId;
import org.jspecify.annotations.Nullable;

/**
 * An AI job for one video.
 *
 * @param language for TRANSCRIBE the spoken language, or null to detect it; for DUB the target language
 */
public record AIJobData(VideoId videoId, AIJobType type, @Nullable String language) {
}
