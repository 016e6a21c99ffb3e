package io.vidcastx.bootstrap;

import io.vidcastx.accounts.AccountRepository;
import io.vidcastx.accounts.AccountService;
import io.vidcastx.accounts.OwnerSetup;
import io.vidcastx.accounts.SetupAlreadyDoneException;
import io.vidcastx.accounts.SignedInAccount;
import io.vidcastx.developers.ApiKeyService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Creates the owner and an API key from the environment, once, for installs without a browser. Its
 * own package: it joins accounts and API keys, which know nothing of each other.
 */
@Component
@EnableConfigurationProperties(BootstrapProperties.class)
class AccountBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    private final BootstrapProperties properties;
    private final AccountService accounts;
    private final AccountRepository repository;
    private final ApiKeyService apiKeys;

    AccountBootstrap(BootstrapProperties properties, AccountService accounts, AccountRepository repository,
                     ApiKeyService apiKeys) {
        this.properties = properties;
        this.accounts = accounts;
        this.repository = repository;
        this.apiKeys = apiKeys;
    }

    @Override
    public void run(ApplicationArguments args) {
        var admin = properties.admin();
        if (admin != null && admin.email() != null && admin.password() != null && !accounts.isSetUp()) {
            try {
                accounts.setUp(new OwnerSetup(admin.organization(), admin.name() != null ? admin.name() : admin.email(),
                        admin.email(), admin.password()));
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
        String email = admin != null ? admin.email() : null;
        var owner = email != null ? repository.findAccount(email) : java.util.Optional.<SignedInAccount>empty();
        var organization = owner.map(SignedInAccount::organizationId).or(repository::firstOrganization);
        if (organization.isEmpty()) {
            log.warn("VIDCASTX_BOOTSTRAP_API_KEY is set but no organization exists yet; it is seeded after setup and a restart");
            return;
        }
        if (apiKeys.exists(key.substring(0, colon))) {
            return;
        }
        apiKeys.importKey(organization.get(), "Bootstrap key", key.substring(0, colon), key.substring(colon + 1));
        log.info("Seeded the API key {} from VIDCASTX_BOOTSTRAP_API_KEY", key.substring(0, colon));
    }
}
