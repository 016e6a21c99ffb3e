package io.vidcastx.developers;

import static io.vidcastx.db.jooq.Tables.API_KEYS;

import java.time.OffsetDateTime;
import java.util.Optional;

import io.vidcastx.accounts.Role;
import io.vidcastx.core.crypto.SecretTokens;
import io.vidcastx.db.ids.ApiKeyId;
import io.vidcastx.db.ids.OrganizationId;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys in Mux's shape: a public token id and a secret, presented together (HTTP Basic or
 * Bearer). Only a SHA-256 of the secret is stored; the secret is shown once, at creation.
 */
@Service
public class ApiKeyService {

    private final DSLContext dsl;

    ApiKeyService(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A new key: the only moment its secret exists outside the caller's hands. */
    public record CreatedKey(ApiKeyId id, String tokenId, String secret) {
    }

    /** A key as lists show it: never its secret. */
    public record ApiKeyInfo(ApiKeyId id, String name, String tokenId, Role role, OffsetDateTime createdAt,
                             @org.jspecify.annotations.Nullable OffsetDateTime lastUsedAt) {
    }

    /** The organization a valid key acts for, and the role it acts with. */
    public record KeyOwner(ApiKeyId id, OrganizationId organizationId, String name, Role role) {
    }

    /** A key with an Admin's rights (read and write everything but billing and the organization itself). */
    @Transactional
    public CreatedKey create(OrganizationId organizationId, String name) {
        return create(organizationId, name, Role.ADMIN);
    }

    /** A key that acts with {@code role}; never Owner, so no key can bill or delete the organization. */
    @Transactional
    public CreatedKey create(OrganizationId organizationId, String name, Role role) {
        return store(organizationId, name, SecretTokens.random(18), SecretTokens.random(32), role);
    }

    /** Seeds a key whose token id and secret were chosen by the operator (VIDCASTX_BOOTSTRAP_API_KEY). */
    @Transactional
    public CreatedKey importKey(OrganizationId organizationId, String name, String tokenId, String secret) {
        if (tokenId.length() < 8 || secret.length() < 16) {
            throw new IllegalArgumentException("An API key needs a token id of at least 8 and a secret of at least 16 characters");
        }
        return store(organizationId, name, tokenId, secret, Role.ADMIN);
    }

    /**
     * Checks a presented token id and secret. The hash comparison is constant-time; unknown ids, wrong
     * secrets and revoked keys are all refused the same way.
     */
    @Transactional
    public Optional<KeyOwner> authenticate(String tokenId, String secret) {
        var row = dsl.select(API_KEYS.API_KEY_ID, API_KEYS.ORGANIZATION_ID, API_KEYS.NAME, API_KEYS.SECRET_HASH,
                        API_KEYS.REVOKED_AT, API_KEYS.ROLE)
                .from(API_KEYS).where(API_KEYS.TOKEN_ID.eq(tokenId)).fetchOptional();
        String presented = SecretTokens.sha256Hex(secret);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        var key = row.get();
        boolean matches = SecretTokens.sameDigest(presented, key.value4());
        if (!matches || key.value5() != null) {
            return Optional.empty();
        }
        dsl.update(API_KEYS).set(API_KEYS.LAST_USED_AT, DSL.currentOffsetDateTime())
                .where(API_KEYS.API_KEY_ID.eq(key.value1())).execute();
        return Optional.of(new KeyOwner(key.value1(), key.value2(), key.value3(), Role.fromDb(key.value6())));
    }

    /** The organization's keys that are not revoked, newest first. */
    @Transactional(readOnly = true)
    public java.util.List<ApiKeyInfo> list(OrganizationId organizationId) {
        return dsl.select(API_KEYS.API_KEY_ID, API_KEYS.NAME, API_KEYS.TOKEN_ID, API_KEYS.ROLE, API_KEYS.CREATED_AT,
                        API_KEYS.LAST_USED_AT)
                .from(API_KEYS)
                .where(API_KEYS.ORGANIZATION_ID.eq(organizationId).and(API_KEYS.REVOKED_AT.isNull()))
                .orderBy(API_KEYS.CREATED_AT.desc())
                .fetch(r -> new ApiKeyInfo(r.value1(), r.value2(), r.value3(), Role.fromDb(r.value4()), r.value5(),
                        r.value6()));
    }

    @Transactional(readOnly = true)
    public boolean exists(String tokenId) {
        return dsl.fetchExists(API_KEYS, API_KEYS.TOKEN_ID.eq(tokenId));
    }

    @Transactional
    public boolean revoke(OrganizationId organizationId, ApiKeyId id) {
        return dsl.update(API_KEYS).set(API_KEYS.REVOKED_AT, OffsetDateTime.now())
                .where(API_KEYS.API_KEY_ID.eq(id).and(API_KEYS.ORGANIZATION_ID.eq(organizationId)))
                .and(API_KEYS.REVOKED_AT.isNull())
                .execute() == 1;
    }

    private CreatedKey store(OrganizationId organizationId, String name, String tokenId, String secret, Role role) {
        if (role == Role.OWNER) {
            throw new IllegalArgumentException("An API key acts as an admin, member or viewer, never as an owner");
        }
        var id = ApiKeyId.random();
        dsl.insertInto(API_KEYS)
                .set(API_KEYS.API_KEY_ID, id)
                .set(API_KEYS.ORGANIZATION_ID, organizationId)
                .set(API_KEYS.NAME, name)
                .set(API_KEYS.TOKEN_ID, tokenId)
                .set(API_KEYS.SECRET_HASH, SecretTokens.sha256Hex(secret))
                .set(API_KEYS.ROLE, role.dbValue())
                .execute();
        return new CreatedKey(id, tokenId, secret);
    }
}
