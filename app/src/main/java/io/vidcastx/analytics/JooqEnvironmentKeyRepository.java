package io.vidcastx.analytics;

import static io.vidcastx.db.jooq.Tables.ANALYTICS_ENVIRONMENTS;

import java.util.Optional;

import io.vidcastx.db.ids.OrganizationId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Organizations' environment keys ({@code analytics_environments}). */
@Repository
class JooqEnvironmentKeyRepository {

    private final DSLContext dsl;

    JooqEnvironmentKeyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<String> keyOf(OrganizationId organization) {
        return dsl.select(ANALYTICS_ENVIRONMENTS.ENV_KEY).from(ANALYTICS_ENVIRONMENTS)
                .where(ANALYTICS_ENVIRONMENTS.ORGANIZATION_ID.eq(organization)).fetchOptional(ANALYTICS_ENVIRONMENTS.ENV_KEY);
    }

    /** Stores the key unless the organization has one already (two racing first uses agree); returns the stored one. */
    String create(OrganizationId organization, String key) {
        dsl.insertInto(ANALYTICS_ENVIRONMENTS).set(ANALYTICS_ENVIRONMENTS.ORGANIZATION_ID, organization)
                .set(ANALYTICS_ENVIRONMENTS.ENV_KEY, key).onConflictDoNothing().execute();
        return keyOf(organization).orElseThrow();
    }

    Optional<OrganizationId> organizationOf(String key) {
        return dsl.select(ANALYTICS_ENVIRONMENTS.ORGANIZATION_ID).from(ANALYTICS_ENVIRONMENTS)
                .where(ANALYTICS_ENVIRONMENTS.ENV_KEY.eq(key)).fetchOptional(ANALYTICS_ENVIRONMENTS.ORGANIZATION_ID);
    }
}
