package io.vidcastx.bootstrap;

import static io.vidcastx.db.jooq.Tables.BOOTSTRAP_SEEDS;

import java.util.Optional;

import io.vidcastx.db.ids.OrganizationId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class JooqBootstrapSeedRepository implements BootstrapSeedRepository {

    private final DSLContext dsl;

    JooqBootstrapSeedRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<Seed> find(String seed) {
        return dsl.select(BOOTSTRAP_SEEDS.SEED, BOOTSTRAP_SEEDS.ORGANIZATION_ID)
                .from(BOOTSTRAP_SEEDS)
                .where(BOOTSTRAP_SEEDS.SEED.eq(seed))
                .fetchOptional(r -> new Seed(r.value1(), Optional.ofNullable(r.value2())));
    }

    @Override
    public void record(String seed, OrganizationId organizationId) {
        dsl.insertInto(BOOTSTRAP_SEEDS)
                .set(BOOTSTRAP_SEEDS.SEED, seed)
                .set(BOOTSTRAP_SEEDS.ORGANIZATION_ID, organizationId)
                .onConflictDoNothing()
                .execute();
    }
}
