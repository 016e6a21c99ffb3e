package io.vidcastx.uploads;

/**
 * What becomes of a completed upload: implemented by the videos feature, which creates the video and
 * its transcode job. Called inside the transaction that marks the upload complete.
 */
public interface UploadIngest {

    /** @return false when the upload's video already existed (a repeated completion) */
    boolean ingest(Upload upload, String title);
}
