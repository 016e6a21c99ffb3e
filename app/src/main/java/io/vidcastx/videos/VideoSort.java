package io.vidcastx.videos;

/** The orders the list offers; anything else a client asks for falls back to newest first. */
public enum VideoSort {
    NEWEST,
    OLDEST,
    TITLE,
    TITLE_DESCENDING,
    LONGEST,
    SHORTEST
}
