package io.vidcastx.transcripts;

import io.vidcastx.db.ids.VideoId;

/**
 * A moment in a video where the searched words are said.
 *
 * @param highlighted the segment's text with each match between {@link #MARK_START} and {@link #MARK_END}
 */
public record SearchHit(VideoId videoId, String videoTitle, String language, long startMs, String highlighted) {

    public static final String MARK_START = "\u0002";
    public static final String MARK_END = "\u0003";

    public double startSeconds() {
        return startMs / 1000.0;
    }
}
