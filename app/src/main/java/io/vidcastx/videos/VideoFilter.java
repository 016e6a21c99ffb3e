package io.vidcastx.videos;

import io.vidcastx.core.videos.VideoStatus;
import org.jspecify.annotations.Nullable;

/** Which videos a list shows: a status tab (null for all) and a title search (null or blank for any). */
public record VideoFilter(@Nullable VideoStatus status, @Nullable String titleContains) {

    public static final VideoFilter ALL = new VideoFilter(null, null);
}
