package io.vidcastx.developers;

import static io.vidcastx.db.jooq.Tables.API_KEYS;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.vidcastx.accounts.Role;
import io.vidcastx.db.ids.ApiKeyId;
import io.vidcastx.db.ids.OrganizationId;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class JooqApiKeyRepository implements ApiKeyRepository {

    private final DSLContext dsl;

    JooqApiKeyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<StoredKey> findByTokenId(String tokenId) {
        return dsl.select(API_KEYS.API_KEY_ID, API_KEYS.ORGANIZATION_ID, API_KEYS.NAME, API_KEYS.SECRET_HASH,
                        API_KEYS.REVOKED_AT, API_KEYS.ROLE)
                .from(API_KEYS).where(API_KEYS.TOKEN_ID.eq(tokenId))
                .fetchOptional(r -> new StoredKey(r.value1(), r.value2(), r.value3(), r.value4(), r.value5() != null,
                        Role.fromDb(r.value6())));
    }

    @Override
    public void markUsed(ApiKeyId id) {
        dsl.update(API_KEYS).set(API_KEYS.LAST_USED_AT, DSL.currentOffsetDateTime())
                .where(API_KEYS.API_KEY_ID.eq(id)).execute();
    }

    @Override
    public List<ApiKeyService.ApiKeyInfo> listActive(OrganizationId organizationId) {
        return dsl.select(API_KEYS.API_KEY_ID, API_KEYS.NAME, API_KEYS.TOKEN_ID, API_KEYS.ROLE, API_KEYS.CREATED_AT,
                        API_KEYS.LAST_USED_AT)
                .from(API_KEYS)
                .where(API_KEYS.ORGANIZATION_ID.eq(organizationId).and(API_KEYS.REVOKED_AT.isNull()))
                .orderBy(API_KEYS.CREATED_AT.desc())
                .fetch(r -> new ApiKeyService.ApiKeyInfo(r.value1(), r.value2(), r.value3(), Role.fromDb(r.value4()),
                        r.value5(), r.value6()));
    }

    @Override
    public boolean existsByTokenId(String tokenId) {
        return dsl.fetchExists(API_KEYS, API_KEYS.TOKEN_ID.eq(tokenId));
    }

    @Override
    public boolean revoke(OrganizationId organizationId, ApiKeyId id) {
        return dsl.update(API_KEYS).set(API_KEYS.REVOKED_AT, OffsetDateTime.now())
                .where(API_KEYS.API_KEY_ID.eq(id).and(API_KEYS.ORGANIZATION_ID.eq(organizationId)))
                .and(API_KEYS.REVOKED_AT.isNull())
                .execute() == 1;
    }

    @Override
    public void insert(ApiKeyId id, OrganizationId organizationId, String name, String tokenId, String secretHash,
                       Role role) {
        dsl.insertInto(API_KEYS)
                .set(API_KEYS.API_KEY_ID, id)
                .set(API_KEYS.ORGANIZATION_ID, organizationId)
                .set(API_KEYS.NAME, name)
                .set(API_KEYS.TOKEN_ID, tokenId)
                .set(API_KEYS.SECRET_HASH, secretHash)
                .set(API_KEYS.ROLE, role.dbValue())
                .execute();
    }
}
