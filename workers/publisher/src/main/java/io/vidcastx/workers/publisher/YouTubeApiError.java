package io.vidcastx.workers.publisher;

import java.util.Set;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * An answer from YouTube that is not success, turned into words a person can act on. Google's errors
 * are {@code {"error":{"code","message","errors":[{"reason"}]}}}; the reason decides.
 */
final class YouTubeApiError extends RuntimeException {

    private static final Set<String> QUOTA = Set.of("quotaExceeded", "dailyLimitExceeded", "rateLimitExceeded",
            "userRateLimitExceeded");
    private static final Set<String> UPLOAD_LIMIT = Set.of("uploadLimitExceeded", "youtubeSignupRequired");

    private final int status;
    private final String reason;
    private final boolean retryable;

    private YouTubeApiError(int status, String reason, String message, boolean retryable) {
        super(message);
        this.status = status;
        this.reason = reason;
        this.retryable = retryable;
    }

    static YouTubeApiError from(int status, String body) {
        String reason = "";
        String googleMessage = "";
        try {
            JsonObject error = JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("error");
            if (error != null) {
                googleMessage = error.has("message") ? error.get("message").getAsString() : "";
                var errors = error.getAsJsonArray("errors");
                if (errors != null && !errors.isEmpty() && errors.get(0).getAsJsonObject().has("reason")) {
                    reason = errors.get(0).getAsJsonObject().get("reason").getAsString();
                }
            }
        } catch (RuntimeException e) {
            googleMessage = body.length() > 200 ? body.substring(0, 200) : body;
        }
        if (QUOTA.contains(reason)) {
            return new YouTubeApiError(status, reason, "YouTube's API quota for this Google Cloud project is used up "
                    + "(" + reason + "). Publish again after the quota resets (midnight Pacific time), or ask Google "
                    + "for a higher quota.", false);
        }
        if (UPLOAD_LIMIT.contains(reason)) {
            return new YouTubeApiError(status, reason, "The YouTube channel cannot take more uploads right now ("
                    + reason + "). Check the channel in YouTube Studio, then publish again later.", false);
        }
        if (status == 401 || "authError".equals(reason) || "forbidden".equals(reason) && status == 403) {
            return new YouTubeApiError(status, reason, "YouTube refused Vidcastx's access (" + (reason.isEmpty()
                    ? status : reason) + "). An Admin must connect YouTube again under Settings › Integrations.", false);
        }
        if (status >= 500 || status == 408 || status == 429) {
            return new YouTubeApiError(status, reason, "YouTube answered " + status + " (" + googleMessage + ")", true);
        }
        return new YouTubeApiError(status, reason, "YouTube refused the video's details (" + (reason.isEmpty()
                ? String.valueOf(status) : reason) + "): " + googleMessage + ". Change them and publish again.", false);
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }

    boolean retryable() {
        return retryable;
    }

    boolean tokenRejected() {
        return status == 401;
    }
}
