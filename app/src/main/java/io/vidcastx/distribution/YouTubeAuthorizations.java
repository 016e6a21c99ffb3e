package io.vidcastx.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.api.client.auth.oauth2.TokenResponseException;
import io.vidcastx.accounts.Role;
import io.vidcastx.core.youtube.YouTubeConnections;
import io.vidcastx.core.youtube.YouTubeGoogle;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.UserId;
import io.vidcastx.security.Caller;
import io.vidcastx.security.CallerResolver;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The OAuth 2.0 authorization-code flow with PKCE that connects an organization's YouTube channel.
 * Each attempt's {@code state} and code verifier live in the signed-in HTTP session, bound to the
 * organization and person who started it; the callback takes them out, so a state works once, in
 * the session that made it, within ten minutes.
 */
@Service
public class YouTubeAuthorizations {

    static final String SESSION_KEY = YouTubeAuthorizations.class.getName() + ".pending";
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final YouTubeGoogle google;
    private final YouTubeConnections connections;
    private final CallerResolver callers;
    private final Clock clock = Clock.systemUTC();

    YouTubeAuthorizations(YouTubeGoogle google, YouTubeConnections connections, CallerResolver callers) {
        this.google = google;
        this.connections = connections;
        this.callers = callers;
    }

    private record Pending(OrganizationId organization, @Nullable UserId user, String verifier, String redirectUri,
                           Instant expires) {
    }

    /** Why a callback was refused, in words for the person who clicked Connect. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** Starts a connection for the signed-in Admin: Google's consent URL to send the browser to. */
    public String start(HttpSession session, String redirectUri) {
        Caller caller = callers.signedIn();
        caller.require(Role.ADMIN, "connect YouTube");
        if (!google.configured()) {
            throw new Refused("YouTube is not set up on this server: the operator must set VIDCASTX_YOUTUBE_CLIENT_ID "
                    + "and VIDCASTX_YOUTUBE_CLIENT_SECRET.");
        }
        String state = random(32);
        String verifier = random(48); // 64 characters of base64url: within RFC 7636's 43-128
        pending(session).put(state, new Pending(caller.organizationId(), caller.userId(), verifier, redirectUri,
                clock.instant().plus(LIFETIME)));
        return google.authorizationUrl(redirectUri, state, challenge(verifier));
    }

    /**
     * Finishes a connection: checks the state, exchanges the code (with the PKCE verifier), reads the
     * channel and stores the sealed tokens.
     *
     * @return the organization now connected
     * @throws Refused for a bad, replayed or expired state, a denied consent, or a caller no longer Admin
     */
    public OrganizationId complete(HttpSession session, @Nullable String state, @Nullable String code,
                                   @Nullable String error) {
        Pending pending = state == null ? null : pending(session).remove(state);
        if (pending == null || pending.expires().isBefore(clock.instant())) {
            throw new Refused("This YouTube sign-in link is not valid (already used, expired, or started in another "
                    + "browser). Start again from Settings › Integrations › YouTube.");
        }
        Caller caller = callers.signedInTo(pending.organization());
        caller.require(Role.ADMIN, "connect YouTube");
        if (error != null || code == null) {
            throw new Refused("Google did not grant access" + (error != null ? " (" + error + ")" : "")
                    + "; YouTube stays disconnected.");
        }
        try {
            var grant = google.exchangeCode(code, pending.verifier(), pending.redirectUri());
            var channel = google.myChannel(grant.getAccessToken());
            if (channel == null) {
                throw new Refused("This Google account has no YouTube channel. Create one on YouTube, then connect again.");
            }
            var thumbnails = channel.getSnippet().getThumbnails();
            String thumbnail = thumbnails != null && thumbnails.getDefault() != null ? thumbnails.getDefault().getUrl() : null;
            connections.save(pending.organization(), pending.user(), channel.getId(), channel.getSnippet().getTitle(),
                    thumbnail, grant);
            return pending.organization();
        } catch (TokenResponseException e) {
            throw new Refused("Google refused the sign-in code (" + (e.getDetails() != null ? e.getDetails().getError()
                    : e.getStatusCode()) + "). Start again from Settings › Integrations › YouTube.");
        } catch (IOException e) {
            throw new Refused("Google could not be reached to finish connecting YouTube: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Pending> pending(HttpSession session) {
        synchronized (session) {
            var map = (Map<String, Pending>) session.getAttribute(SESSION_KEY);
            if (map == null) {
                map = new ConcurrentHashMap<>();
                session.setAttribute(SESSION_KEY, map);
            }
            return map;
        }
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
