package io.vidcastx.analytics;

import static io.vidcastx.db.jooq.Tables.ANALYTICS_ENVIRONMENTS;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.vidcastx.db.ids.OrganizationId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * Each organization's environment key, the {@code env_key} its players send (Mux's "environment").
 * It is public by design (it sits in every embed page): it lets a player report views, nothing else.
 */
@Service
public class EnvironmentKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final DSLContext dsl;
    private final Map<String, OrganizationId> byKey = new ConcurrentHashMap<>();

    EnvironmentKeys(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The organization's key, created on first use. */
    public String keyOf(OrganizationId organization) {
        var existing = dsl.select(ANALYTICS_ENVIRONMENTS.ENV_KEY).from(ANALYTICS_ENVIRONMENTS)
                .where(ANALYTICS_ENVIRONMENTS.ORGANIZATION_ID.eq(organization)).fetchOptional(ANALYTICS_ENVIRONMENTS.ENV_KEY);
        if (existing.isPresent()) {
            return existing.get();
        }
        dsl.insertInto(ANALYTICS_ENVIRONMENTS).set(ANALYTICS_ENVIRONMENTS.ORGANIZATION_ID, organization)
                .set(ANALYTICS_ENVIRONMENTS.ENV_KEY, newKey()).onConflictDoNothing().execute();
        return dsl.select(ANALYTICS_ENVIRONMENTS.ENV_KEY).from(ANALYTICS_ENVIRONMENTS)
                .where(ANALYTICS_ENVIRONMENTS.ORGANIZATION_ID.eq(organization)).fetchSingle(ANALYTICS_ENVIRONMENTS.ENV_KEY);
    }

    /** The organization a key belongs to; keys never change owner, so known ones are cached. */
    Optional<OrganizationId> organizationOf(String envKey) {
        if (envKey.isEmpty() || envKey.length() > 64) {
            return Optional.empty();
        }
        var cached = byKey.get(envKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        var found = dsl.select(ANALYTICS_ENVIRONMENTS.ORGANIZATION_ID).from(ANALYTICS_ENVIRONMENTS)
                .where(ANALYTICS_ENVIRONMENTS.ENV_KEY.eq(envKey)).fetchOptional(ANALYTICS_ENVIRONMENTS.ORGANIZATION_ID);
        found.ifPresent(organization -> byKey.put(envKey, organization));
        return found;
    }

    private static String newKey() {
        var key = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return key.toString();
    }
}
