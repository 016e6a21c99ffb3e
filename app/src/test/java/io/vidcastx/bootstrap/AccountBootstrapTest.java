package io.vidcastx.bootstrap;

import static io.vidcastx.db.jooq.Tables.API_KEYS;
import static io.vidcastx.db.jooq.Tables.BOOTSTRAP_SEEDS;
import static io.vidcastx.db.jooq.Tables.MEMBERSHIPS;
import static io.vidcastx.db.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.vidcastx.AppTestSupport;
import io.vidcastx.accounts.AccountDirectory;
import io.vidcastx.accounts.OwnerSetup;
import io.vidcastx.accounts.Role;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.db.ids.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The environment bootstrap seeds its API key into its own organization only, and only once. */
class AccountBootstrapTest extends AppTestSupport {

    private static final String ADMIN = "bootstrap-admin@example.com";

    @Autowired
    AccountDirectory directory;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    BootstrapSeedRepository seeds;

    private AccountBootstrap bootstrap() {
        var properties = new BootstrapProperties(new BootstrapProperties.Admin(ADMIN, "a long enough password", null,
                "Bootstrapped"), "bootstraptoken:bootstrapsecret-long-enough");
        return new AccountBootstrap(properties, accounts, directory, apiKeys, seeds, new BootstrapStatus());
    }

    @AfterEach
    void freshInstallForOthers() {
        dsl.deleteFrom(BOOTSTRAP_SEEDS).execute();
        resetAccounts();
    }

    @Test
    void after_its_organization_is_deleted_a_restart_seeds_the_key_into_no_other_tenant() {
        resetAccounts();
        dsl.deleteFrom(BOOTSTRAP_SEEDS).execute();
        bootstrap().run();
        var own = directory.firstAccount(ADMIN).orElseThrow().organizationId();
        assertThat(dsl.fetchExists(API_KEYS, API_KEYS.TOKEN_ID.eq("bootstraptoken").and(API_KEYS.ORGANIZATION_ID.eq(own))))
                .isTrue();

        // Another tenant, which the admin then joins as a member; the admin's own organization is deleted.
        var tenant = accounts.createOrganization(ADMIN, "Someone else's");
        var tenantOwner = UserId.random();
        dsl.insertInto(USERS).set(USERS.USER_ID, tenantOwner).set(USERS.EMAIL, "tenant@example.com")
                .set(USERS.DISPLAY_NAME, "Tenant").set(USERS.PASSWORD_HASH, "{noop}unused").execute();
        dsl.update(MEMBERSHIPS).set(MEMBERSHIPS.USER_ID, tenantOwner).where(MEMBERSHIPS.ORGANIZATION_ID.eq(tenant)).execute();
        dsl.insertInto(MEMBERSHIPS).set(MEMBERSHIPS.ORGANIZATION_ID, tenant).set(MEMBERSHIPS.USER_ID,
                directory.firstAccount(ADMIN).orElseThrow().userId()).set(MEMBERSHIPS.ROLE, Role.MEMBER.dbValue()).execute();
        directory.deleteOrganization(own);
        assertThat(apiKeys.exists("bootstraptoken")).isFalse();

        bootstrap().run();

        assertThat(apiKeys.exists("bootstraptoken")).as("never recreated, least of all in another tenant").isFalse();
        assertThat(dsl.fetchCount(API_KEYS, API_KEYS.ORGANIZATION_ID.eq(tenant))).isZero();
    }

    @Test
    void a_revoked_bootstrap_key_stays_revoked_after_a_restart() {
        resetAccounts();
        dsl.deleteFrom(BOOTSTRAP_SEEDS).execute();
        bootstrap().run();
        dsl.deleteFrom(API_KEYS).where(API_KEYS.TOKEN_ID.eq("bootstraptoken")).execute();

        bootstrap().run();

        assertThat(apiKeys.exists("bootstraptoken")).isFalse();
    }

    @Test
    void an_install_set_up_on_the_setup_page_gets_the_key_in_the_admins_own_organization() {
        resetAccounts();
        dsl.deleteFrom(BOOTSTRAP_SEEDS).execute();
        var owner = accounts.setUp(new OwnerSetup("Set up by hand", "Ada", ADMIN, "a long enough password"));

        bootstrap().run();

        assertThat(dsl.fetchExists(API_KEYS, API_KEYS.TOKEN_ID.eq("bootstraptoken")
                .and(API_KEYS.ORGANIZATION_ID.eq(owner.organizationId())))).isTrue();
    }
}
