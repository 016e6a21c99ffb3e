package io.vidcastx.core.youtube;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import com.google.api.client.auth.oauth2.AuthorizationCodeRequestUrl;
import com.google.api.client.auth.oauth2.AuthorizationCodeTokenRequest;
import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.RefreshTokenRequest;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.UrlEncodedContent;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.youtube.YouTube;
import com.google.api.services.youtube.model.Channel;
import org.jspecify.annotations.Nullable;

/**
 * Google's OAuth 2.0 and YouTube Data API endpoints through Google's own client libraries. The
 * endpoints and client come from {@link YouTubeProperties}; {@link #pointAt} swaps them at run time so
 * tests can aim the real clients at a local server without a Spring context of their own.
 */
public class YouTubeGoogle {

    public static final List<String> SCOPES = List.of(
            "https://www.googleapis.com/auth/youtube.upload",
            "https://www.googleapis.com/auth/youtube.readonly");

    private static final JsonFactory JSON = GsonFactory.getDefaultInstance();

    /** What a deployment (or a test) points the clients at. */
    public record Endpoints(@Nullable String clientId, @Nullable String clientSecret, URI authUri, URI tokenUri,
                            URI apiRoot) {
        public Endpoints {
            apiRoot = YouTubeProperties.withSlash(apiRoot);
        }
    }

    private final HttpTransport transport = new NetHttpTransport();
    private final Endpoints configured;
    private volatile Endpoints endpoints;

    public YouTubeGoogle(YouTubeProperties settings) {
        this.configured = new Endpoints(settings.clientId(), settings.clientSecret(), settings.authUri(),
                settings.tokenUri(), settings.apiRoot());
        this.endpoints = configured;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** Points every later call at other endpoints; {@link #reset()} goes back to the configured ones. */
    public void pointAt(Endpoints other) {
        this.endpoints = other;
    }

    public void reset() {
        this.endpoints = configured;
    }

    /** False until an operator has set {@code VIDCASTX_YOUTUBE_CLIENT_ID} and the secret. */
    public boolean configured() {
        var current = endpoints;
        return current.clientId() != null && !current.clientId().isBlank()
                && current.clientSecret() != null && !current.clientSecret().isBlank();
    }

    /**
     * Google's consent page: authorization code with PKCE (S256), offline access so a refresh token
     * comes back, and {@code prompt=consent} so a reconnect gets a fresh refresh token too.
     */
    public String authorizationUrl(String redirectUri, String state, String codeChallenge) {
        var current = requireConfigured();
        var url = new AuthorizationCodeRequestUrl(current.authUri().toString(), current.clientId())
                .setRedirectUri(redirectUri)
                .setScopes(SCOPES)
                .setState(state);
        url.set("code_challenge", codeChallenge);
        url.set("code_challenge_method", "S256");
        url.set("access_type", "offline");
        url.set("prompt", "consent");
        url.set("include_granted_scopes", "true");
        return url.build();
    }

    public TokenResponse exchangeCode(String code, String codeVerifier, String redirectUri) throws IOException {
        var current = requireConfigured();
        var request = new AuthorizationCodeTokenRequest(transport, JSON, new GenericUrl(current.tokenUri()), code)
                .setRedirectUri(redirectUri)
                .setClientAuthentication(clientAuthentication(current));
        request.set("code_verifier", codeVerifier);
        return request.execute();
    }

    /** @throws com.google.api.client.auth.oauth2.TokenResponseException with error {@code invalid_grant} when revoked */
    public TokenResponse refresh(String refreshToken) throws IOException {
        var current = requireConfigured();
        return new RefreshTokenRequest(transport, JSON, new GenericUrl(current.tokenUri()), refreshToken)
                .setClientAuthentication(clientAuthentication(current))
                .execute();
    }

    /** Revokes the grant (a refresh token revokes its access tokens too). */
    public void revoke(String token) throws IOException {
        var current = endpoints;
        transport.createRequestFactory()
                .buildPostRequest(new GenericUrl(revokeUri(current.tokenUri())),
                        new UrlEncodedContent(Map.of("token", token)))
                .execute()
                .disconnect();
    }

    /** Google's revocation endpoint sits beside its token endpoint ({@code .../token} → {@code .../revoke}). */
    static URI revokeUri(URI tokenUri) {
        String text = tokenUri.toString();
        return text.endsWith("/token") ? URI.create(text.substring(0, text.length() - "token".length()) + "revoke")
                : tokenUri.resolve("revoke");
    }

    /** A Data API client acting with this access token. */
    public YouTube youtube(String accessToken) {
        return new YouTube.Builder(transport, JSON,
                request -> request.getHeaders().setAuthorization("Bearer " + accessToken))
                .setRootUrl(endpoints.apiRoot().toString())
                .setApplicationName("Vidcastx")
                .build();
    }

    /** The channel of the signed-in Google account ({@code channels.list mine=true}). */
    public @Nullable Channel myChannel(String accessToken) throws IOException {
        var channels = youtube(accessToken).channels().list(List.of("snippet")).setMine(true).execute().getItems();
        return channels == null || channels.isEmpty() ? null : channels.getFirst();
    }

    public JsonFactory json() {
        return JSON;
    }

    private Endpoints requireConfigured() {
        if (!configured()) {
            throw new IllegalStateException("YouTube is not set up: set VIDCASTX_YOUTUBE_CLIENT_ID and "
                    + "VIDCASTX_YOUTUBE_CLIENT_SECRET (see the README's YouTube section)");
        }
        return endpoints;
    }

    private static ClientParametersAuthentication clientAuthentication(Endpoints current) {
        return new ClientParametersAuthentication(current.clientId(), current.clientSecret());
    }
}
