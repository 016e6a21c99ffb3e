package io.vidcastx.settings;

import java.util.UUID;
import java.util.regex.Pattern;

import io.vidcastx.accounts.AccountDirectory;
import io.vidcastx.accounts.OrganizationSettings;
import io.vidcastx.accounts.Role;
import io.vidcastx.core.database.AfterCommit;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.security.Caller;
import io.vidcastx.videos.VideoService;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The current organization's name and URL slug; any member reads them, an Admin or Owner changes them. */
@Service
public class OrganizationSettingsService {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,46}[a-z0-9])");

    private final AccountDirectory accounts;
    private final StorageService storage;
    private final VideoService videos;

    OrganizationSettingsService(AccountDirectory accounts, StorageService storage, VideoService videos) {
        this.accounts = accounts;
        this.storage = storage;
        this.videos = videos;
    }


    @Transactional(readOnly = true)
    public OrganizationSettings get(Caller caller) {
        return accounts.organization(caller.organizationId()).orElseThrow();
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

    /**
     * Replaces the organization's logo. The bytes are checked (PNG, JPEG or WebP, at most 1 MB) and
     * stored under a generated key; the uploaded file's name is never used.
     *
     * @throws IllegalArgumentException saying what is wrong with the file
     */
    @Transactional
    public void changeLogo(Caller caller, byte[] bytes) {
        caller.require(Role.ADMIN, "change the organization's logo");
        var image = LogoImage.inspect(bytes);
        String key = StorageKeys.organizationLogo(caller.organizationId(), UUID.randomUUID() + "." + image.extension());
        storage.uploadFile(key, bytes, image.contentType());
        var previous = accounts.setLogo(caller.organizationId(), key);
        previous.ifPresent(old -> AfterCommit.run(() -> storage.deleteFile(old)));
    }

    @Transactional
    public void removeLogo(Caller caller) {
        caller.require(Role.ADMIN, "remove the organization's logo");
        accounts.setLogo(caller.organizationId(), null)
                .ifPresent(old -> AfterCommit.run(() -> storage.deleteFile(old)));
    }

    /**
     * Deletes the organization, its videos with their files, keys, webhooks and memberships. Only an
     * Owner may, after typing the slug, and never their last organization (they would be locked out).
     *
     * @throws IllegalArgumentException when the confirmation does not match
     * @throws IllegalStateException    when it is the caller's only organization
     */
    @Transactional
    public void deleteOrganization(Caller caller, String email, String confirmation) {
        caller.require(Role.OWNER, "delete the organization");
        var current = get(caller);
        if (!current.slug().equals(confirmation.strip())) {
            throw new IllegalArgumentException("Type the slug \"" + current.slug() + "\" to confirm");
        }
        if (accounts.accounts(email).size() <= 1) {
            throw new IllegalStateException("This is your only organization: create or join another before deleting it");
        }
        videos.deleteAll(caller);
        String logos = StorageKeys.organizationLogos(caller.organizationId());
        accounts.deleteOrganization(caller.organizationId());
        AfterCommit.run(() -> storage.deleteFolder(logos));
    }
}
