package io.vidcastx.developers;

import static io.vidcastx.db.jooq.Tables.SIGNING_KEYS;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.vidcastx.db.ids.OrganizationId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class JooqSigningKeyRepository implements SigningKeyRepository {

    private final DSLContext dsl;

    JooqSigningKeyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void insert(UUID id, OrganizationId organizationId, String publicKeyBase64) {
        dsl.insertInto(SIGNING_KEYS)
                .set(SIGNING_KEYS.SIGNING_KEY_ID, id)
                .set(SIGNING_KEYS.ORGANIZATION_ID, organizationId)
                .set(SIGNING_KEYS.PUBLIC_KEY, publicKeyBase64)
                .execute();
    }

    @Override
    public List<SigningKeyService.SigningKeyInfo> listActive(OrganizationId organizationId) {
        return dsl.select(SIGNING_KEYS.SIGNING_KEY_ID, SIGNING_KEYS.CREATED_AT).from(SIGNING_KEYS)
                .where(SIGNING_KEYS.ORGANIZATION_ID.eq(organizationId).and(SIGNING_KEYS.REVOKED_AT.isNull()))
                .and(SIGNING_KEYS.DASHBOARD.isFalse())
                .orderBy(SIGNING_KEYS.CREATED_AT.desc())
                .fetch(r -> new SigningKeyService.SigningKeyInfo(r.value1().toString(), r.value2()));
    }

    @Override
    public boolean revoke(OrganizationId organizationId, UUID id) {
        return dsl.update(SIGNING_KEYS).set(SIGNING_KEYS.REVOKED_AT, OffsetDateTime.now())
                .where(SIGNING_KEYS.SIGNING_KEY_ID.eq(id).and(SIGNING_KEYS.ORGANIZATION_ID.eq(organizationId)))
                .and(SIGNING_KEYS.REVOKED_AT.isNull()).and(SIGNING_KEYS.DASHBOARD.isFalse()).execute() == 1;
    }

    @Override
    public Optional<String> findActivePublicKey(OrganizationId organizationId, UUID id) {
        return dsl.select(SIGNING_KEYS.PUBLIC_KEY).from(SIGNING_KEYS)
                .where(SIGNING_KEYS.SIGNING_KEY_ID.eq(id).and(SIGNING_KEYS.ORGANIZATION_ID.eq(organizationId)))
                .and(SIGNING_KEYS.REVOKED_AT.isNull())
                .fetchOptional(SIGNING_KEYS.PUBLIC_KEY);
    }

    @Override
    public void insertDashboardKey(UUID id, OrganizationId organizationId, String publicKeyBase64, String sealedPrivateKey) {
        // One per organization (a partial unique index): when two requests race, the first one's key stays.
        dsl.insertInto(SIGNING_KEYS)
                .set(SIGNING_KEYS.SIGNING_KEY_ID, id)
                .set(SIGNING_KEYS.ORGANIZATION_ID, organizationId)
                .set(SIGNING_KEYS.PUBLIC_KEY, publicKeyBase64)
                .set(SIGNING_KEYS.DASHBOARD, true)
                .set(SIGNING_KEYS.PRIVATE_KEY_SEALED, sealedPrivateKey)
                .onConflictDoNothing()
                .execute();
    }

    @Override
    public Optional<DashboardKey> findDashboardKey(OrganizationId organizationId) {
        return dsl.select(SIGNING_KEYS.SIGNING_KEY_ID, SIGNING_KEYS.PRIVATE_KEY_SEALED).from(SIGNING_KEYS)
                .where(SIGNING_KEYS.ORGANIZATION_ID.eq(organizationId).and(SIGNING_KEYS.DASHBOARD.isTrue()))
                .and(SIGNING_KEYS.REVOKED_AT.isNull())
                .fetchOptional(r -> new DashboardKey(r.value1(), java.util.Objects.requireNonNull(r.value2())));
    }
}
