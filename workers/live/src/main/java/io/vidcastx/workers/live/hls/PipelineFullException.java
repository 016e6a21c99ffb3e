package io.vidcastx.workers.live.hls;

/** FFmpeg is not taking the stream as fast as it arrives and the session's buffer is full. */
public final class PipelineFullException extends RuntimeException {

    public PipelineFullException(long limit) {
        super("FFmpeg is falling behind: more than " + limit + " bytes of media are waiting for it");
    }
}
