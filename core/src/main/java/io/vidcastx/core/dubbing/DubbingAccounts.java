package io.vidcastx.core.dubbing;

import static io.vidcastx.db.jooq.Tables.ORGANIZATION_DUBBING;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.vidcastx.core.crypto.SealedSecrets;
import io.vidcastx.db.ids.OrganizationId;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Each organization's dubbing provider and its ElevenLabs API key. The key is sealed with a key of its
 * own derived from {@code vidcastx.webhooks.encryption-key} (as webhook secrets and YouTube tokens are),
 * with the organization as authenticated data, so a sealed key copied onto another organization's row
 * does not open. The app writes it and never reads it back; the AI worker opens it to call ElevenLabs.
 */
public class DubbingAccounts {

    public static final String LABEL = "vidcastx elevenlabs api keys v1";

    private final DSLContext dsl;
    private final SealedSecrets secrets;

    public DubbingAccounts(DSLContext dsl, SealedSecrets secrets) {
        this.dsl = dsl;
        this.secrets = secrets;
    }

    public DubbingSettings settings(OrganizationId organizationId) {
        return dsl.select(ORGANIZATION_DUBBING.PROVIDER, ORGANIZATION_DUBBING.ELEVENLABS_API_KEY)
                .from(ORGANIZATION_DUBBING).where(ORGANIZATION_DUBBING.ORGANIZATION_ID.eq(organizationId))
                .fetchOptional(r -> new DubbingSettings(DubbingProvider.fromDb(r.value1()), r.value2() != null))
                .orElse(DubbingSettings.DEFAULT);
    }

    public void setProvider(OrganizationId organizationId, DubbingProvider provider) {
        dsl.insertInto(ORGANIZATION_DUBBING)
                .set(ORGANIZATION_DUBBING.ORGANIZATION_ID, organizationId)
                .set(ORGANIZATION_DUBBING.PROVIDER, provider.db())
                .onConflict(ORGANIZATION_DUBBING.ORGANIZATION_ID).doUpdate()
                .set(ORGANIZATION_DUBBING.PROVIDER, provider.db())
                .set(ORGANIZATION_DUBBING.UPDATED_AT, DSL.currentOffsetDateTime())
                .set(ORGANIZATION_DUBBING.VERSION, ORGANIZATION_DUBBING.VERSION.plus(1))
                .execute();
    }

    /** Replaces the organization's key; the plain key is not kept anywhere. */
    public void setElevenLabsKey(OrganizationId organizationId, String apiKey) {
        String sealed = secrets.seal(organizationId.toString(), apiKey.getBytes(StandardCharsets.UTF_8));
        dsl.insertInto(ORGANIZATION_DUBBING)
                .set(ORGANIZATION_DUBBING.ORGANIZATION_ID, organizationId)
                .set(ORGANIZATION_DUBBING.ELEVENLABS_API_KEY, sealed)
                .onConflict(ORGANIZATION_DUBBING.ORGANIZATION_ID).doUpdate()
                .set(ORGANIZATION_DUBBING.ELEVENLABS_API_KEY, sealed)
                .set(ORGANIZATION_DUBBING.UPDATED_AT, DSL.currentOffsetDateTime())
                .set(ORGANIZATION_DUBBING.VERSION, ORGANIZATION_DUBBING.VERSION.plus(1))
                .execute();
    }

    /** Forgets the key; with ElevenLabs as the default, the default falls back to local. */
    public void removeElevenLabsKey(OrganizationId organizationId) {
        dsl.update(ORGANIZATION_DUBBING)
                .setNull(ORGANIZATION_DUBBING.ELEVENLABS_API_KEY)
                .set(ORGANIZATION_DUBBING.PROVIDER, DubbingProvider.LOCAL.db())
                .set(ORGANIZATION_DUBBING.UPDATED_AT, DSL.currentOffsetDateTime())
                .set(ORGANIZATION_DUBBING.VERSION, ORGANIZATION_DUBBING.VERSION.plus(1))
                .where(ORGANIZATION_DUBBING.ORGANIZATION_ID.eq(organizationId))
                .execute();
    }

    /** The plain key, for the AI worker's calls to ElevenLabs only. */
    public Optional<String> elevenLabsKey(OrganizationId organizationId) {
        return dsl.select(ORGANIZATION_DUBBING.ELEVENLABS_API_KEY).from(ORGANIZATION_DUBBING)
                .where(ORGANIZATION_DUBBING.ORGANIZATION_ID.eq(organizationId),
                        ORGANIZATION_DUBBING.ELEVENLABS_API_KEY.isNotNull())
                .fetchOptional(ORGANIZATION_DUBBING.ELEVENLABS_API_KEY)
                .map(sealed -> new String(secrets.open(organizationId.toString(), sealed), StandardCharsets.UTF_8));
    }
}
