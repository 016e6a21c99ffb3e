package io.vidcastx.core.youtube;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Google OAuth client an operator creates in the Google Cloud Console, and Google's endpoints
 * (other values only for tests and other deployments).
 *
 * @param clientId     {@code VIDCASTX_YOUTUBE_CLIENT_ID}; YouTube stays unavailable without it
 * @param clientSecret {@code VIDCASTX_YOUTUBE_CLIENT_SECRET}
 * @param authUri      Google's authorization endpoint
 * @param tokenUri     Google's token endpoint; its sibling {@code /revoke} revokes tokens
 * @param apiRoot      root of the Data API and of uploads ({@code youtube/v3/...}, {@code upload/youtube/v3/...})
 */
@ConfigurationProperties("vidcastx.youtube")
public record YouTubeProperties(@Nullable String clientId, @Nullable String clientSecret, @Nullable URI authUri,
                                @Nullable URI tokenUri, @Nullable URI apiRoot) {

    public static final URI GOOGLE_AUTH_URI = URI.create("https://accounts.google.com/o/oauth2/v2/auth");
    public static final URI GOOGLE_TOKEN_URI = URI.create("https://oauth2.googleapis.com/token");
    public static final URI GOOGLE_API_ROOT = URI.create("https://www.googleapis.com/");

    public YouTubeProperties {
        authUri = authUri != null ? authUri : GOOGLE_AUTH_URI;
        tokenUri = tokenUri != null ? tokenUri : GOOGLE_TOKEN_URI;
        apiRoot = apiRoot != null ? withSlash(apiRoot) : GOOGLE_API_ROOT;
    }

    static URI withSlash(URI root) {
        return root.toString().endsWith("/") ? root : URI.create(root + "/");
    }
}
