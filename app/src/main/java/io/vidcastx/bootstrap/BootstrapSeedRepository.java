package io.vidcastx.bootstrap;

import java.util.Optional;

import io.vidcastx.db.ids.OrganizationId;

/** What the environment bootstrap has already done, so each seed happens once. */
interface BootstrapSeedRepository {

    /** The organization the bootstrap set up, as recorded: empty if none was recorded. */
    Optional<Seed> find(String seed);

    /** Records a seed; a second record of the same seed is ignored. */
    void record(String seed, OrganizationId organizationId);

    /** One done seed; {@code organizationId} is empty once that organization has been deleted. */
    record Seed(String seed, Optional<OrganizationId> organizationId) {
    }
}
