package io.vidcastx.uploads.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.vidcastx.uploads.Upload;
import io.vidcastx.uploads.UploadStatus;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A direct upload as Mux's API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record UploadJson(String id, String url, long timeout, String status,
                  @JsonProperty("cors_origin") @Nullable String corsOrigin,
                  @JsonProperty("new_asset_settings") @Nullable JsonNode newAssetSettings,
                  @JsonProperty("asset_id") @Nullable String assetId,
                  @Nullable ErrorJson error) {

    record ErrorJson(String type, String message) {
    }

    static UploadJson of(Upload upload, String url, @Nullable JsonNode settings) {
        return new UploadJson(upload.id().toString(), url,
                Math.round(java.time.Duration.between(upload.createdAt(), upload.expiresAt()).toMillis() / 1000.0),
                upload.status().apiValue(), upload.corsOrigin(), settings,
                upload.status() == UploadStatus.ASSET_CREATED ? upload.videoId().toString() : null,
                upload.error() != null ? new ErrorJson("invalid_input", upload.error()) : null);
    }
}
