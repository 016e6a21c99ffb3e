package io.vidcastx.playback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.developers.SigningKeyService;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies playback tokens as Mux defines them: a JWT signed RS256 with one of the organization's
 * signing keys ({@code kid}), {@code sub} = the playback id, {@code aud} = "v" (video), "t"
 * (thumbnail), "g" (GIF) or "s" (storyboard), and an {@code exp} in the future.
 */
@Component
class PlaybackTokenVerifier {

    private final SigningKeyService keys;
    private final JsonMapper json;

    PlaybackTokenVerifier(SigningKeyService keys, JsonMapper json) {
        this.keys = keys;
        this.json = json;
    }

    /** Why a token was refused, for the response body. */
    static final class InvalidToken extends RuntimeException {
        InvalidToken(String message) {
            super(message);
        }
    }

    void verify(String token, OrganizationId organizationId, String playbackId, String audience) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw new InvalidToken("The token is not a JWT");
        }
        JsonNode header = decode(parts[0]);
        JsonNode claims = decode(parts[1]);
        if (!"RS256".equals(header.path("alg").asString(""))) {
            throw new InvalidToken("The token must be signed with RS256");
        }
        var key = keys.publicKey(organizationId, header.path("kid").asString(""))
                .orElseThrow(() -> new InvalidToken("The token's signing key (kid) is unknown or revoked"));
        try {
            var signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                throw new InvalidToken("The token's signature does not verify");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidToken("The token's signature does not verify");
        }
        if (!playbackId.equals(claims.path("sub").asString(""))) {
            throw new InvalidToken("The token is for another playback id");
        }
        if (!audience.equals(claims.path("aud").asString(""))) {
            throw new InvalidToken("The token's audience must be '" + audience + "' here");
        }
        if (!claims.path("exp").canConvertToLong() || claims.path("exp").asLong() <= Instant.now().getEpochSecond()) {
            throw new InvalidToken("The token has expired");
        }
    }

    private JsonNode decode(String part) {
        try {
            return json.readTree(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new InvalidToken("The token is not a JWT");
        }
    }
}
