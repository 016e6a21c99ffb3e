package io.vidcastx.accounts;

import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.spring.security.AuthenticationContext;
import io.vidcastx.core.storage.StorageObjectNotFoundException;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.UserId;
import jakarta.validation.Valid;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** First-run setup and the signed-in account. */
@Service
@Validated
public class AccountService {

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final StorageService storage;

    AccountService(AccountRepository accounts, PasswordEncoder passwords, StorageService storage) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.storage = storage;
    }

    /** An organization's logo, ready to stream to the browser. */
    public record Logo(java.io.InputStream body, long size, String contentType) {
    }

    /**
     * The logo of the account's organization, read from storage; empty when it has none, or when it was
     * replaced since the account was read (the page shows the new one once reloaded).
     */
    public Optional<Logo> logo(SignedInAccount account) {
        String key = account.logoKey();
        if (key == null) {
            return Optional.empty();
        }
        try {
            var opened = storage.open(key, null);
            String type = key.endsWith(".png") ? "image/png" : key.endsWith(".webp") ? "image/webp" : "image/jpeg";
            return Optional.of(new Logo(opened.body(), opened.totalSize(), type));
        } catch (StorageObjectNotFoundException e) {
            return Optional.empty();
        }
    }

    /** True once an owner exists; until then the setup page is the only way in. */
    @Transactional(readOnly = true)
    public boolean isSetUp() {
        return accounts.anyUserExists();
    }

    /**
     * Creates the owner and the first organization. Refused once anyone exists, even when two
     * browsers submit the setup form at the same moment.
     *
     * @throws SetupAlreadyDoneException when an account already exists
     */
    @Transactional
    public SignedInAccount setUp(@Valid OwnerSetup setup) {
        accounts.lockSetup();
        if (accounts.anyUserExists()) {
            throw new SetupAlreadyDoneException();
        }
        var organizationId = OrganizationId.random();
        var userId = UserId.random();
        String email = setup.email().strip().toLowerCase(Locale.ROOT);
        String organizationName = setup.organizationName().strip();
        accounts.insertOrganization(organizationId, organizationName, Slugs.from(organizationName));
        accounts.insertUser(userId, email, setup.displayName().strip(), passwords.encode(setup.password()));
        accounts.insertMembership(organizationId, userId, Role.OWNER);
        return new SignedInAccount(userId, email, setup.displayName().strip(), organizationId, organizationName,
                Role.OWNER, null);
    }

    /** The account behind the current dashboard session, in the organization it works in. */
    @Transactional(readOnly = true)
    public Optional<SignedInAccount> currentAccount(AuthenticationContext authentication) {
        return authentication.getAuthenticatedUser(UserDetails.class)
                .flatMap(user -> account(user.getUsername()));
    }

    /**
     * The user's membership in the session's current organization, or their first one when the
     * session has none or is no longer a member there.
     */
    @Transactional(readOnly = true)
    public Optional<SignedInAccount> account(String email) {
        var all = accounts.findAccounts(email);
        var chosen = CurrentOrganization.get();
        return chosen.flatMap(id -> all.stream().filter(a -> a.organizationId().equals(id)).findFirst())
                .or(() -> all.stream().findFirst());
    }

    /** Every organization the user belongs to, for the switcher. */
    @Transactional(readOnly = true)
    public java.util.List<SignedInAccount> organizations(String email) {
        return accounts.findAccounts(email);
    }

    /** Switches the session to another organization of the user's; false if they are not a member. */
    public boolean switchTo(String email, OrganizationId organizationId) {
        boolean member = accounts.findAccounts(email).stream().anyMatch(a -> a.organizationId().equals(organizationId));
        if (member) {
            CurrentOrganization.set(organizationId);
        }
        return member;
    }

    /** A new organization, owned by its creator, who switches to it. */
    @Transactional
    public OrganizationId createOrganization(String email, String name) {
        String clean = name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw new IllegalArgumentException("An organization's name has 1 to 100 characters");
        }
        var user = accounts.findCredentials(email).orElseThrow(() -> new IllegalStateException("No such user"));
        var id = OrganizationId.random();
        String slug = Slugs.from(clean);
        for (int n = 2; accounts.slugExists(slug); n++) {
            slug = Slugs.from(clean) + "-" + n;
        }
        accounts.insertOrganization(id, clean, slug);
        accounts.insertMembership(id, user.userId(), Role.OWNER);
        CurrentOrganization.set(id);
        return id;
    }
}
