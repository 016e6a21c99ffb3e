package io.vidcastx.accounts;

import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.spring.security.AuthenticationContext;
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

    AccountService(AccountRepository accounts, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.passwords = passwords;
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
                Role.OWNER);
    }

    /** The account behind the current dashboard session, if any. */
    @Transactional(readOnly = true)
    public Optional<SignedInAccount> currentAccount(AuthenticationContext authentication) {
        return authentication.getAuthenticatedUser(UserDetails.class)
                .flatMap(user -> accounts.findAccount(user.getUsername()));
    }
}
