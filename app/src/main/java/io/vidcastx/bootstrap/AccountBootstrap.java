package io.vidcastx.bootstrap;

import java.util.Optional;

import io.vidcastx.accounts.AccountDirectory;
import io.vidcastx.accounts.AccountService;
import io.vidcastx.accounts.OwnerSetup;
import io.vidcastx.accounts.Role;
import io.vidcastx.accounts.SetupAlreadyDoneException;
import io.vidcastx.accounts.SignedInAccount;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.db.ids.OrganizationId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Creates the owner and an API key from the environment, once, for installs without a browser. Its
 * own package: it joins accounts and API keys, which know nothing of each other.
 * <p>
 * It runs when every bean exists and before the web server opens its port (Boot starts the server
 * later, in the context's lifecycle phase), so a script that waits for the port and then calls the
 * API never meets a missing key. The key goes only into the organization this bootstrap set up
 * (recorded in {@code bootstrap_seeds}), and only once: revoking it, or deleting that organization,
 * is never undone by a restart.
 */
@Component
@EnableConfigurationProperties(BootstrapProperties.class)
class AccountBootstrap implements SmartInitializingSingleton {

    static final String OWNER_ORGANIZATION = "owner-organization";
    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    private final BootstrapProperties properties;
    private final AccountService accounts;
    private final AccountDirectory directory;
    private final ApiKeyService apiKeys;
    private final BootstrapSeedRepository seeds;
    private final BootstrapStatus status;

    AccountBootstrap(BootstrapProperties properties, AccountService accounts, AccountDirectory directory,
                     ApiKeyService apiKeys, BootstrapSeedRepository seeds, BootstrapStatus status) {
        this.properties = properties;
        this.accounts = accounts;
        this.directory = directory;
        this.apiKeys = apiKeys;
        this.seeds = seeds;
        this.status = status;
    }

    @Override
    public void afterSingletonsInstantiated() {
        run();
        status.finish();
    }

    void run() {
        var admin = properties.admin();
        if (admin != null && admin.email() != null && admin.password() != null && !accounts.isSetUp()) {
            try {
                var owner = accounts.setUp(new OwnerSetup(admin.organization(),
                        admin.name() != null ? admin.name() : admin.email(), admin.email(), admin.password()));
                seeds.record(OWNER_ORGANIZATION, owner.organizationId());
                log.info("Created the owner account {} from VIDCASTX_ADMIN_EMAIL", admin.email());
            } catch (SetupAlreadyDoneException e) {
                // another instance did it first
            }
        }
        String key = properties.bootstrapApiKey();
        if (key == null || key.isBlank()) {
            return;
        }
        int colon = key.indexOf(':');
        if (colon < 1) {
            throw new IllegalStateException("VIDCASTX_BOOTSTRAP_API_KEY must be <token id>:<secret>");
        }
        String tokenId = key.substring(0, colon);
        String seed = "api-key:" + tokenId;
        if (seeds.find(seed).isPresent()) {
            return; // seeded once already: a revoked or deleted key stays so
        }
        var organization = ownOrganization(admin != null ? admin.email() : null);
        if (organization.isEmpty()) {
            return;
        }
        if (!apiKeys.exists(tokenId)) {
            apiKeys.importKey(organization.get(), "Bootstrap key", tokenId, key.substring(colon + 1));
            log.info("Seeded the API key {} from VIDCASTX_BOOTSTRAP_API_KEY", tokenId);
        }
        seeds.record(seed, organization.get());
    }

    /**
     * The organization the bootstrap set up. Installs set up before it was recorded (or on the setup
     * page) fall back to the organization the admin owns. Never any other organization.
     */
    private Optional<OrganizationId> ownOrganization(@Nullable String adminEmail) {
        var recorded = seeds.find(OWNER_ORGANIZATION);
        if (recorded.isPresent()) {
            if (recorded.get().organizationId().isEmpty()) {
                log.warn("VIDCASTX_BOOTSTRAP_API_KEY is set, but the organization the bootstrap created was deleted; "
                        + "no key is seeded. Make one on the API keys page instead.");
            }
            return recorded.get().organizationId();
        }
        var owner = adminEmail != null ? directory.firstAccount(adminEmail) : Optional.<SignedInAccount>empty();
        if (owner.isEmpty() || owner.get().role() != Role.OWNER) {
            log.warn("VIDCASTX_BOOTSTRAP_API_KEY is set, but VIDCASTX_ADMIN_EMAIL names no owner of an organization; "
                    + "no key is seeded");
            return Optional.empty();
        }
        seeds.record(OWNER_ORGANIZATION, owner.get().organizationId());
        return Optional.of(owner.get().organizationId());
    }
}
