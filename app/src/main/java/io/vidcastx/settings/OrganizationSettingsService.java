package io.vidcastx.settings;

import java.util.regex.Pattern;

import io.vidcastx.accounts.AccountRepository;
import io.vidcastx.accounts.AccountRepository.OrganizationSettings;
import io.vidcastx.accounts.Role;
import io.vidcastx.security.Caller;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The current organization's name and URL slug; any member reads them, an Admin or Owner changes them. */
@Service
public class OrganizationSettingsService {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,46}[a-z0-9])");

    private final AccountRepository accounts;

    OrganizationSettingsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    public OrganizationSettings get(Caller caller) {
        return accounts.findOrganization(caller.organizationId()).orElseThrow();
    }

    /**
     * @throws IllegalArgumentException with a message for the form when the name or slug is unacceptable
     */
    @Transactional
    public void update(Caller caller, String name, String slug, long version) {
        caller.require(Role.ADMIN, "change the organization's settings");
        String cleanName = name.strip();
        String cleanSlug = slug.strip();
        if (cleanName.isEmpty() || cleanName.length() > 100) {
            throw new IllegalArgumentException("The name has 1 to 100 characters");
        }
        if (!SLUG.matcher(cleanSlug).matches()) {
            throw new IllegalArgumentException("A slug is 3 to 48 lower-case letters, digits and dashes, "
                    + "starting and ending with a letter or digit");
        }
        var current = get(caller);
        if (!cleanSlug.equals(current.slug()) && accounts.slugExists(cleanSlug)) {
            throw new IllegalArgumentException("Another organization uses the slug \"" + cleanSlug + "\"");
        }
        if (!accounts.updateOrganization(caller.organizationId(), cleanName, cleanSlug, version)) {
            throw new OptimisticLockingFailureException("Someone changed these settings meanwhile; reload the page");
        }
    }
}
