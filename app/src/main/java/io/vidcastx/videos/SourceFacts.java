package io.vidcastx.videos;

import org.jspecify.annotations.Nullable;

/** What is known about an upload before transcoding: read from the MP4 index, when there is one. */
public record SourceFacts(@Nullable Double durationSeconds, @Nullable Integer width, @Nullable Integer height,
                          long sizeBytes) {

    public static SourceFacts sizeOnly(long sizeBytes) {
        return new SourceFacts(null, null, null, sizeBytes);
    }
}
