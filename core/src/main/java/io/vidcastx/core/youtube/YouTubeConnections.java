package io.vidcastx.core.youtube;

import static io.vidcastx.db.jooq.Tables.YOUTUBE_CONNECTIONS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.auth.oauth2.TokenResponseException;
import io.vidcastx.core.youtube.SealedTokens.Kind;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.UserId;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each organization's YouTube grant: sealed tokens in {@code youtube_connections}, the access token
 * refreshed shortly before it expires, and the connection marked "needs reconnect" when Google
 * answers {@code invalid_grant}. Every method takes the organization: no row is read across tenants.
 */
public class YouTubeConnections {

    private static final Logger log = LoggerFactory.getLogger(YouTubeConnections.class);
    /** Refresh this long before Google's expiry, so a token never runs out in the middle of a call. */
    private static final Duration EARLY = Duration.ofSeconds(60);
    static final String REVOKED = "Google no longer accepts this connection (the access was revoked or has "
            + "expired). An Admin must connect YouTube again under Settings › Integrations.";

    private final DSLContext dsl;
    private final SealedTokens tokens;
    private final YouTubeGoogle google;
    private final Clock clock;

    public YouTubeConnections(DSLContext dsl, SealedTokens tokens, YouTubeGoogle google, Clock clock) {
        this.dsl = dsl;
        this.tokens = tokens;
        this.google = google;
        this.clock = clock;
    }

    public Optional<YouTubeConnection> find(OrganizationId organization) {
        return dsl.selectFrom(YOUTUBE_CONNECTIONS)
                .where(YOUTUBE_CONNECTIONS.ORGANIZATION_ID.eq(organization))
                .fetchOptional(row -> new YouTubeConnection(row.getOrganizationId(), row.getChannelId(),
                        row.getChannelTitle(), row.getChannelThumbnailUrl(), "needs_reconnect".equals(row.getStatus()),
                        row.getStatusReason(), row.getCreatedAt()));
    }

    /** Stores a fresh grant (replacing any earlier one) with the channel it belongs to. */
    public void save(OrganizationId organization, @Nullable UserId connectedBy, String channelId, String channelTitle,
                     @Nullable String thumbnailUrl, TokenResponse grant) {
        if (grant.getRefreshToken() == null) {
            throw new IllegalStateException("Google sent no refresh token; the consent screen must ask for offline access");
        }
        var now = now();
        var refresh = tokens.seal(organization, Kind.REFRESH, grant.getRefreshToken());
        var access = tokens.seal(organization, Kind.ACCESS, grant.getAccessToken());
        var expires = expiry(grant, now);
        dsl.insertInto(YOUTUBE_CONNECTIONS)
                .set(YOUTUBE_CONNECTIONS.ORGANIZATION_ID, organization)
                .set(YOUTUBE_CONNECTIONS.CHANNEL_ID, channelId)
                .set(YOUTUBE_CONNECTIONS.CHANNEL_TITLE, channelTitle)
                .set(YOUTUBE_CONNECTIONS.CHANNEL_THUMBNAIL_URL, thumbnailUrl)
                .set(YOUTUBE_CONNECTIONS.REFRESH_TOKEN_CIPHERTEXT, refresh)
                .set(YOUTUBE_CONNECTIONS.ACCESS_TOKEN_CIPHERTEXT, access)
                .set(YOUTUBE_CONNECTIONS.ACCESS_TOKEN_EXPIRES_AT, expires)
                .set(YOUTUBE_CONNECTIONS.STATUS, "connected")
                .set(YOUTUBE_CONNECTIONS.CONNECTED_BY, connectedBy == null ? null : connectedBy.value())
                .set(YOUTUBE_CONNECTIONS.CREATED_AT, now)
                .set(YOUTUBE_CONNECTIONS.UPDATED_AT, now)
                .onConflict(YOUTUBE_CONNECTIONS.ORGANIZATION_ID).doUpdate()
                .set(YOUTUBE_CONNECTIONS.CHANNEL_ID, channelId)
                .set(YOUTUBE_CONNECTIONS.CHANNEL_TITLE, channelTitle)
                .set(YOUTUBE_CONNECTIONS.CHANNEL_THUMBNAIL_URL, thumbnailUrl)
                .set(YOUTUBE_CONNECTIONS.REFRESH_TOKEN_CIPHERTEXT, refresh)
                .set(YOUTUBE_CONNECTIONS.ACCESS_TOKEN_CIPHERTEXT, access)
                .set(YOUTUBE_CONNECTIONS.ACCESS_TOKEN_EXPIRES_AT, expires)
                .set(YOUTUBE_CONNECTIONS.STATUS, "connected")
                .set(YOUTUBE_CONNECTIONS.STATUS_REASON, (String) null)
                .set(YOUTUBE_CONNECTIONS.CONNECTED_BY, connectedBy == null ? null : connectedBy.value())
                .set(YOUTUBE_CONNECTIONS.CREATED_AT, now)
                .set(YOUTUBE_CONNECTIONS.UPDATED_AT, now)
                .execute();
    }

    /**
     * A usable access token, refreshed when it expires within a minute.
     *
     * @throws YouTubeReconnectNeeded when there is no connection or Google refused the refresh token
     */
    public String accessToken(OrganizationId organization) {
        var row = dsl.selectFrom(YOUTUBE_CONNECTIONS).where(YOUTUBE_CONNECTIONS.ORGANIZATION_ID.eq(organization))
                .fetchOptional()
                .orElseThrow(() -> new YouTubeReconnectNeeded("YouTube is not connected for this organization. An Admin "
                        + "can connect it under Settings › Integrations."));
        if ("needs_reconnect".equals(row.getStatus())) {
            throw new YouTubeReconnectNeeded(REVOKED);
        }
        var expires = row.getAccessTokenExpiresAt();
        if (row.getAccessTokenCiphertext() != null && expires != null && expires.isAfter(now().plus(EARLY))) {
            return tokens.open(organization, Kind.ACCESS, row.getAccessTokenCiphertext());
        }
        return refresh(organization, tokens.open(organization, Kind.REFRESH, row.getRefreshTokenCiphertext()));
    }

    /** Forces a refresh (after Google answered 401 to a token it still had time on). */
    public String refreshNow(OrganizationId organization) {
        var sealed = dsl.select(YOUTUBE_CONNECTIONS.REFRESH_TOKEN_CIPHERTEXT).from(YOUTUBE_CONNECTIONS)
                .where(YOUTUBE_CONNECTIONS.ORGANIZATION_ID.eq(organization)).fetchOptional(YOUTUBE_CONNECTIONS.REFRESH_TOKEN_CIPHERTEXT)
                .orElseThrow(() -> new YouTubeReconnectNeeded(REVOKED));
        return refresh(organization, tokens.open(organization, Kind.REFRESH, sealed));
    }

    private String refresh(OrganizationId organization, String refreshToken) {
        TokenResponse fresh;
        try {
            fresh = google.refresh(refreshToken);
        } catch (TokenResponseException e) {
            if (e.getDetails() != null && "invalid_grant".equals(e.getDetails().getError())) {
                markNeedsReconnect(organization, REVOKED);
                throw new YouTubeReconnectNeeded(REVOKED);
            }
            throw new UncheckedIOException("Google's token endpoint answered " + e.getStatusCode(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Google's token endpoint cannot be reached", e);
        }
        var now = now();
        var update = dsl.update(YOUTUBE_CONNECTIONS)
                .set(YOUTUBE_CONNECTIONS.ACCESS_TOKEN_CIPHERTEXT, tokens.seal(organization, Kind.ACCESS, fresh.getAccessToken()))
                .set(YOUTUBE_CONNECTIONS.ACCESS_TOKEN_EXPIRES_AT, expiry(fresh, now))
                .set(YOUTUBE_CONNECTIONS.UPDATED_AT, now);
        if (fresh.getRefreshToken() != null) {
            // Google may rotate the refresh token; the old one stops working once the new one is used.
            update = update.set(YOUTUBE_CONNECTIONS.REFRESH_TOKEN_CIPHERTEXT,
                    tokens.seal(organization, Kind.REFRESH, fresh.getRefreshToken()));
        }
        update.where(YOUTUBE_CONNECTIONS.ORGANIZATION_ID.eq(organization)).execute();
        return fresh.getAccessToken();
    }

    public void markNeedsReconnect(OrganizationId organization, String reason) {
        dsl.update(YOUTUBE_CONNECTIONS)
                .set(YOUTUBE_CONNECTIONS.STATUS, "needs_reconnect")
                .set(YOUTUBE_CONNECTIONS.STATUS_REASON, reason)
                .set(YOUTUBE_CONNECTIONS.UPDATED_AT, now())
                .where(YOUTUBE_CONNECTIONS.ORGANIZATION_ID.eq(organization))
                .execute();
    }

    /** Revokes the grant at Google (best effort: a revoked grant is already gone there) and deletes it here. */
    public boolean disconnect(OrganizationId organization) {
        var sealed = dsl.select(YOUTUBE_CONNECTIONS.REFRESH_TOKEN_CIPHERTEXT).from(YOUTUBE_CONNECTIONS)
                .where(YOUTUBE_CONNECTIONS.ORGANIZATION_ID.eq(organization))
                .fetchOptional(YOUTUBE_CONNECTIONS.REFRESH_TOKEN_CIPHERTEXT);
        if (sealed.isEmpty()) {
            return false;
        }
        try {
            google.revoke(tokens.open(organization, Kind.REFRESH, sealed.get()));
        } catch (IOException | RuntimeException e) {
            log.warn("Revoking organization {}'s YouTube grant failed ({}); deleting it here anyway", organization,
                    e.getMessage());
        }
        return dsl.deleteFrom(YOUTUBE_CONNECTIONS).where(YOUTUBE_CONNECTIONS.ORGANIZATION_ID.eq(organization))
                .execute() > 0;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static OffsetDateTime expiry(TokenResponse grant, OffsetDateTime now) {
        Long seconds = grant.getExpiresInSeconds();
        return now.plusSeconds(seconds != null ? seconds : 3600);
    }
}
