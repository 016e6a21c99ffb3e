package io.vidcastx.analytics;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.vidcastx.db.ids.OrganizationId;
import org.springframework.stereotype.Service;

/**
 * Each organization's environment key, the {@code env_key} its players send (Mux's "environment").
 * It is public by design (it sits in every embed page): it lets a player report views, nothing else.
 */
@Service
public class EnvironmentKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final JooqEnvironmentKeyRepository repository;
    private final Map<String, OrganizationId> byKey = new ConcurrentHashMap<>();

    EnvironmentKeys(JooqEnvironmentKeyRepository repository) {
        this.repository = repository;
    }

    /** The organization's key, created on first use. */
    public String keyOf(OrganizationId organization) {
        return repository.keyOf(organization).orElseGet(() -> repository.create(organization, newKey()));
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
        var found = repository.organizationOf(envKey);
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
