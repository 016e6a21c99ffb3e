package io.vidcastx.accounts;

import java.util.List;
import java.util.Optional;

import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * People, organizations and memberships for the features built on them (team, settings, security,
 * bootstrap), which must not reach into accounts' repository. It checks no roles and opens no
 * transaction: the calling feature's service checks the caller's rights and owns the transaction, so
 * a lock taken here (see {@link #countOwnersForUpdate}) lasts until that service is done.
 */
@Service
public class AccountDirectory {

    private final AccountRepository accounts;

    AccountDirectory(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** The credentials of the user with this e-mail address, whatever its case. */
    public Optional<Credentials> credentials(String email) {
        return accounts.findCredentials(email);
    }

    public boolean userExists(String email) {
        return accounts.findCredentials(email).isPresent();
    }

    /** The user's first organization. */
    public Optional<SignedInAccount> firstAccount(String email) {
        return accounts.findAccount(email);
    }

    /** Every organization the user belongs to, oldest membership first. */
    public List<SignedInAccount> accounts(String email) {
        return accounts.findAccounts(email);
    }

    public boolean isMember(String email, OrganizationId organizationId) {
        return accounts.findAccounts(email).stream().anyMatch(account -> account.organizationId().equals(organizationId));
    }

    public List<Member> members(OrganizationId organizationId) {
        return accounts.members(organizationId);
    }

    /** Locks the organization's memberships until the caller's transaction ends (owner count checks). */
    public int countOwnersForUpdate(OrganizationId organizationId) {
        return accounts.countOwnersForUpdate(organizationId);
    }

    /** @return false when the user is not a member */
    public boolean setRole(OrganizationId organizationId, UserId userId, Role role) {
        return accounts.setRole(organizationId, userId, role);
    }

    public boolean removeMember(OrganizationId organizationId, UserId userId) {
        return accounts.removeMember(organizationId, userId);
    }

    /** A new user with a password, made a member of the organization. */
    public UserId addUser(OrganizationId organizationId, String email, String displayName, String passwordHash,
                          Role role) {
        var userId = UserId.random();
        accounts.insertUser(userId, email, displayName, passwordHash);
        accounts.insertMembership(organizationId, userId, role);
        return userId;
    }

    public void addMembership(OrganizationId organizationId, UserId userId, Role role) {
        accounts.insertMembership(organizationId, userId, role);
    }

    public Optional<OrganizationSettings> organization(OrganizationId id) {
        return accounts.findOrganization(id);
    }

    public boolean slugExists(String slug) {
        return accounts.slugExists(slug);
    }

    /** @return false when the organization changed since {@code version} */
    public boolean updateOrganization(OrganizationId id, String name, String slug, long version) {
        return accounts.updateOrganization(id, name, slug, version);
    }

    /** @return the previous logo's key, to delete from storage once the change has committed */
    public Optional<String> setLogo(OrganizationId id, @Nullable String logoKey) {
        return accounts.setLogo(id, logoKey);
    }

    /** Deletes the organization and, by cascade, every row of it. */
    public boolean deleteOrganization(OrganizationId id) {
        return accounts.deleteOrganization(id);
    }
}
