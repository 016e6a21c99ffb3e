package io.vidcastx.uploads;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.vidcastx.uploads.UploadException.Reason;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a direct upload's {@code new_asset_settings} asks of the video it becomes, as far as we act on
 * it. {@code playback_policy} (or Mux's newer {@code playback_policies}) is honoured: {@code ["public"]}
 * (the default) or {@code ["signed"]}. Anything else (DRM, several policies, a malformed value) is
 * refused when the upload is created, rather than quietly making a public video.
 *
 * @param signedPlayback the video's playback id needs a signed token
 */
public record NewAssetSettings(boolean signedPlayback) {

    private static final Set<String> SUPPORTED = Set.of("public", "signed");

    /** The settings of a request body's {@code new_asset_settings} (null or absent: the defaults). */
    public static NewAssetSettings from(@Nullable JsonNode settings) {
        if (settings == null || settings.isNull() || settings.isMissingNode()) {
            return new NewAssetSettings(false);
        }
        JsonNode policy = settings.has("playback_policies") ? settings.get("playback_policies") : settings.get("playback_policy");
        if (policy == null || policy.isNull()) {
            return new NewAssetSettings(false);
        }
        Set<String> policies = new LinkedHashSet<>(values(policy));
        if (policies.size() != 1 || !SUPPORTED.containsAll(policies)) {
            throw new UploadException(Reason.BAD_REQUEST, "new_asset_settings.playback_policy must be [\"public\"] or "
                    + "[\"signed\"] (one policy; add more playback IDs to the asset once it exists)");
        }
        return new NewAssetSettings(policies.contains("signed"));
    }

    private static List<String> values(JsonNode policy) {
        var values = new ArrayList<String>();
        if (policy.isString()) {
            values.add(policy.asString());
        } else if (policy.isArray()) {
            for (JsonNode value : policy) {
                if (!value.isString()) {
                    throw new UploadException(Reason.BAD_REQUEST, "new_asset_settings.playback_policy must be a list of strings");
                }
                values.add(value.asString());
            }
        } else {
            throw new UploadException(Reason.BAD_REQUEST, "new_asset_settings.playback_policy must be a list of strings");
        }
        return values;
    }
}
