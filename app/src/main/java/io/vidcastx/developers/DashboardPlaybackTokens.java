package io.vidcastx.developers;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.security.Caller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Playback tokens with which the dashboard previews a signed video to a signed-in member of its
 * organization: the same RS256 JWTs a customer makes (so the public endpoints verify them unchanged),
 * signed with the organization's dashboard key. That key is made on first use, kept apart from the
 * customer's keys (never listed, never revocable by them) and its private half never leaves this class,
 * which signs nothing but a video ({@code v}) or thumbnail ({@code t}) token for one playback id that
 * expires within {@link #LONGEST_LIFETIME}.
 */
@Service
public class DashboardPlaybackTokens {

    /**
     * Tokens expire at the end of the half hour after next: 60 to 90 minutes from now. Everyone minting
     * within the same half hour gets the same token (RS256 signatures are deterministic), so the
     * thumbnail URLs stay stable and the browser's cache keeps working.
     */
    static final Duration STEP = Duration.ofMinutes(30);
    public static final Duration LONGEST_LIFETIME = STEP.multipliedBy(3);
    private static final Set<String> AUDIENCES = Set.of("v", "t");

    private final SigningKeyRepository keys;
    private final DashboardKeyCipher cipher;
    private final JsonMapper json;
    private final Clock clock;
    /** Opened private keys by key id: the row is still read on every mint, so a deleted key is never used. */
    private final Map<UUID, PrivateKey> opened = new ConcurrentHashMap<>();

    @Autowired
    DashboardPlaybackTokens(SigningKeyRepository keys, DashboardKeyCipher cipher, JsonMapper json) {
        this(keys, cipher, json, Clock.systemUTC());
    }

    DashboardPlaybackTokens(SigningKeyRepository keys, DashboardKeyCipher cipher, JsonMapper json, Clock clock) {
        this.keys = keys;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    private record SigningMaterial(UUID keyId, PrivateKey privateKey) {
    }

    /** A token to watch this playback id ({@code aud} "v"), for a person signed in to its organization. */
    public String video(Caller caller, String playbackId) {
        return mint(caller, playbackId, "v");
    }

    /** A token for this playback id's pictures ({@code aud} "t"), for a person signed in to its organization. */
    public String thumbnail(Caller caller, String playbackId) {
        return mint(caller, playbackId, "t");
    }

    private String mint(Caller caller, String playbackId, String audience) {
        if (caller.userId() == null) {
            // API keys have the customer's own signing keys for this.
            throw new IllegalArgumentException("Dashboard playback tokens are for people signed in to the dashboard");
        }
        if (!AUDIENCES.contains(audience) || playbackId.isBlank()) {
            throw new IllegalArgumentException("A dashboard token is for one playback id's video or thumbnails");
        }
        var material = load(caller.organizationId());
        long step = STEP.toSeconds();
        long expires = (clock.instant().getEpochSecond() / step + 3) * step;
        var encoder = Base64.getUrlEncoder().withoutPadding();
        var header = new LinkedHashMap<String, Object>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", material.keyId().toString());
        var claims = new LinkedHashMap<String, Object>();
        claims.put("sub", playbackId);
        claims.put("aud", audience);
        claims.put("exp", expires);
        String signed = encoder.encodeToString(json.writeValueAsBytes(header)) + "."
                + encoder.encodeToString(json.writeValueAsBytes(claims));
        try {
            var signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(material.privateKey());
            signer.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + encoder.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RS256 signing failed", e);
        }
    }

    /** The organization's dashboard key, made now when it has none (the first of two racing makers wins). */
    private SigningMaterial load(OrganizationId organization) {
        var stored = keys.findDashboardKey(organization);
        if (stored.isEmpty()) {
            create(organization);
            stored = keys.findDashboardKey(organization);
        }
        var key = stored.orElseThrow(() -> new IllegalStateException("The dashboard signing key was not stored"));
        return new SigningMaterial(key.id(), opened.computeIfAbsent(key.id(),
                id -> open(id, organization, key.sealedPrivateKey())));
    }

    private PrivateKey open(UUID keyId, OrganizationId organization, String sealed) {
        try {
            byte[] pkcs8 = cipher.open(keyId, organization, sealed);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The dashboard signing key is unreadable", e);
        }
    }

    private void create(OrganizationId organization) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            var id = UUID.randomUUID();
            keys.insertDashboardKey(id, organization, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                    cipher.seal(id, organization, pair.getPrivate().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
