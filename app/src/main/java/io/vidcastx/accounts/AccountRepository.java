package io.vidcastx.accounts;

import java.util.Optional;

import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.UserId;

/** People, organizations and memberships. */
public interface AccountRepository {

    boolean anyUserExists();

    /** Serialises first-run setup across app instances until the transaction ends. */
    void lockSetup();

    void insertOrganization(OrganizationId id, String name, String slug);

    boolean slugExists(String slug);

    void insertUser(UserId id, String email, String displayName, String passwordHash);

    void insertMembership(OrganizationId organizationId, UserId userId, Role role);

    /** The credentials of the user with this e-mail address, whatever its case. */
    Optional<Credentials> findCredentials(String email);

    /** The user's first organization. */
    Optional<SignedInAccount> findAccount(String email);

    /** Every organization the user belongs to, oldest membership first. */
    java.util.List<SignedInAccount> findAccounts(String email);

    java.util.List<Member> members(OrganizationId organizationId);

    /** @return false when the user is not a member */
    boolean setRole(OrganizationId organizationId, UserId userId, Role role);

    boolean removeMember(OrganizationId organizationId, UserId userId);

    /** Locks the organization's memberships until the transaction ends (owner count checks). */
    int countOwnersForUpdate(OrganizationId organizationId);

    /** @return the previous logo's key, to delete from storage once the change has committed */
    java.util.Optional<String> setLogo(OrganizationId id, @org.jspecify.annotations.Nullable String logoKey);

    /** Deletes the organization and, by cascade, every row of it. */
    boolean deleteOrganization(OrganizationId id);

    Optional<OrganizationSettings> findOrganization(OrganizationId id);

    /** @return false when the organization changed since {@code version} */
    boolean updateOrganization(OrganizationId id, String name, String slug, long version);

    /** The oldest organization, for installs that seed things before anyone signs in. */
    Optional<OrganizationId> firstOrganization();
}
