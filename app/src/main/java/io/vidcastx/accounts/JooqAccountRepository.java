package io.vidcastx.accounts;

import static io.vidcastx.db.jooq.Tables.MEMBERSHIPS;
import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.USERS;

import java.util.Locale;
import java.util.Optional;

import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.UserId;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class JooqAccountRepository implements AccountRepository {

    /** Any constant works: it only has to be the same in every app instance. */
    private static final long SETUP_LOCK = 0x76696463L;

    private final DSLContext dsl;

    JooqAccountRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public boolean anyUserExists() {
        return dsl.fetchExists(USERS);
    }

    @Override
    public void lockSetup() {
        dsl.select(DSL.field("pg_advisory_xact_lock({0})", Object.class, DSL.val(SETUP_LOCK))).fetch();
    }

    @Override
    public void insertOrganization(OrganizationId id, String name, String slug) {
        dsl.insertInto(ORGANIZATIONS)
                .set(ORGANIZATIONS.ORGANIZATION_ID, id)
                .set(ORGANIZATIONS.NAME, name)
                .set(ORGANIZATIONS.SLUG, slug)
                .execute();
    }

    @Override
    public boolean slugExists(String slug) {
        return dsl.fetchExists(ORGANIZATIONS, ORGANIZATIONS.SLUG.eq(slug));
    }

    @Override
    public void insertUser(UserId id, String email, String displayName, String passwordHash) {
        dsl.insertInto(USERS)
                .set(USERS.USER_ID, id)
                .set(USERS.EMAIL, email)
                .set(USERS.DISPLAY_NAME, displayName)
                .set(USERS.PASSWORD_HASH, passwordHash)
                .execute();
    }

    @Override
    public void insertMembership(OrganizationId organizationId, UserId userId, Role role) {
        dsl.insertInto(MEMBERSHIPS)
                .set(MEMBERSHIPS.ORGANIZATION_ID, organizationId)
                .set(MEMBERSHIPS.USER_ID, userId)
                .set(MEMBERSHIPS.ROLE, role.dbValue())
                .execute();
    }

    @Override
    public java.util.List<Member> members(OrganizationId organizationId) {
        return dsl.select(USERS.USER_ID, USERS.EMAIL, USERS.DISPLAY_NAME, MEMBERSHIPS.ROLE)
                .from(MEMBERSHIPS).join(USERS).on(USERS.USER_ID.eq(MEMBERSHIPS.USER_ID))
                .where(MEMBERSHIPS.ORGANIZATION_ID.eq(organizationId))
                .orderBy(MEMBERSHIPS.CREATED_AT, USERS.EMAIL)
                .fetch(r -> new Member(r.value1(), r.value2(), r.value3(), Role.fromDb(r.value4())));
    }

    @Override
    public boolean setRole(OrganizationId organizationId, UserId userId, Role role) {
        return dsl.update(MEMBERSHIPS).set(MEMBERSHIPS.ROLE, role.dbValue())
                .where(MEMBERSHIPS.ORGANIZATION_ID.eq(organizationId).and(MEMBERSHIPS.USER_ID.eq(userId))).execute() == 1;
    }

    @Override
    public boolean removeMember(OrganizationId organizationId, UserId userId) {
        return dsl.deleteFrom(MEMBERSHIPS)
                .where(MEMBERSHIPS.ORGANIZATION_ID.eq(organizationId).and(MEMBERSHIPS.USER_ID.eq(userId))).execute() == 1;
    }

    @Override
    public int countOwnersForUpdate(OrganizationId organizationId) {
        // Lock the memberships first: two admins demoting the last two owners at once must not both succeed.
        dsl.select(MEMBERSHIPS.USER_ID).from(MEMBERSHIPS).where(MEMBERSHIPS.ORGANIZATION_ID.eq(organizationId))
                .forUpdate().fetch();
        return dsl.fetchCount(MEMBERSHIPS, MEMBERSHIPS.ORGANIZATION_ID.eq(organizationId)
                .and(MEMBERSHIPS.ROLE.eq(Role.OWNER.dbValue())));
    }

    @Override
    public Optional<OrganizationSettings> findOrganization(OrganizationId id) {
        return dsl.select(ORGANIZATIONS.ORGANIZATION_ID, ORGANIZATIONS.NAME, ORGANIZATIONS.SLUG, ORGANIZATIONS.VERSION,
                        ORGANIZATIONS.LOGO_KEY)
                .from(ORGANIZATIONS).where(ORGANIZATIONS.ORGANIZATION_ID.eq(id))
                .fetchOptional(r -> new OrganizationSettings(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    @Override
    public Optional<String> setLogo(OrganizationId id, @org.jspecify.annotations.Nullable String logoKey) {
        var previous = dsl.select(ORGANIZATIONS.LOGO_KEY).from(ORGANIZATIONS).where(ORGANIZATIONS.ORGANIZATION_ID.eq(id))
                .forUpdate().fetchOptional(ORGANIZATIONS.LOGO_KEY);
        dsl.update(ORGANIZATIONS).set(ORGANIZATIONS.LOGO_KEY, logoKey).where(ORGANIZATIONS.ORGANIZATION_ID.eq(id)).execute();
        return previous;
    }

    @Override
    public boolean deleteOrganization(OrganizationId id) {
        return dsl.deleteFrom(ORGANIZATIONS).where(ORGANIZATIONS.ORGANIZATION_ID.eq(id)).execute() == 1;
    }

    @Override
    public boolean updateOrganization(OrganizationId id, String name, String slug, long version) {
        return dsl.update(ORGANIZATIONS)
                .set(ORGANIZATIONS.NAME, name)
                .set(ORGANIZATIONS.SLUG, slug)
                .set(ORGANIZATIONS.VERSION, ORGANIZATIONS.VERSION.plus(1))
                .set(ORGANIZATIONS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(ORGANIZATIONS.ORGANIZATION_ID.eq(id).and(ORGANIZATIONS.VERSION.eq(version)))
                .execute() == 1;
    }

    @Override
    public Optional<OrganizationId> firstOrganization() {
        return dsl.select(ORGANIZATIONS.ORGANIZATION_ID).from(ORGANIZATIONS).orderBy(ORGANIZATIONS.CREATED_AT).limit(1)
                .fetchOptional(ORGANIZATIONS.ORGANIZATION_ID);
    }

    @Override
    public Optional<Credentials> findCredentials(String email) {
        return dsl.select(USERS.USER_ID, USERS.EMAIL, USERS.PASSWORD_HASH)
                .from(USERS)
                .where(DSL.lower(USERS.EMAIL).eq(email.toLowerCase(Locale.ROOT)))
                .and(USERS.PASSWORD_HASH.isNotNull())
                .fetchOptional(r -> new Credentials(r.value1(), r.value2(), r.value3()));
    }

    @Override
    public Optional<SignedInAccount> findAccount(String email) {
        return findAccounts(email).stream().findFirst();
    }

    @Override
    public java.util.List<SignedInAccount> findAccounts(String email) {
        return dsl.select(USERS.USER_ID, USERS.EMAIL, USERS.DISPLAY_NAME, ORGANIZATIONS.ORGANIZATION_ID,
                        ORGANIZATIONS.NAME, MEMBERSHIPS.ROLE, ORGANIZATIONS.LOGO_KEY)
                .from(USERS)
                .join(MEMBERSHIPS).on(MEMBERSHIPS.USER_ID.eq(USERS.USER_ID))
                .join(ORGANIZATIONS).on(ORGANIZATIONS.ORGANIZATION_ID.eq(MEMBERSHIPS.ORGANIZATION_ID))
                .where(DSL.lower(USERS.EMAIL).eq(email.toLowerCase(Locale.ROOT)))
                .orderBy(MEMBERSHIPS.CREATED_AT, ORGANIZATIONS.ORGANIZATION_ID)
                .fetch(r -> new SignedInAccount(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        Role.fromDb(r.value6()), r.value7()));
    }
}
