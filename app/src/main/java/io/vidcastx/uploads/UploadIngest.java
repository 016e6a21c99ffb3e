package io.vidcastx.uploads;

/**
 * What becomes of a completed upload: implemented by the videos feature, which creates the video and
 * its transcode job. Called inside the transaction that marks the upload complete.
 */
public interface UploadIngest {

    /**
     * @param settings what the upload's {@code new_asset_settings} asked of the video
     * @return false when the upload's video already existed (a repeated completion)
     */
    boolean ingest(Upload upload, String title, NewAssetSettings settings);
}
