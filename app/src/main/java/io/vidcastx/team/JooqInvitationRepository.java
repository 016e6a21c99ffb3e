package io.vidcastx.team;

import static io.vidcastx.db.jooq.Tables.INVITATIONS;
import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.USERS;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.vidcastx.accounts.Role;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.UserId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class JooqInvitationRepository implements InvitationRepository {

    private final DSLContext dsl;

    JooqInvitationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void insert(UUID id, OrganizationId organizationId, String email, Role role, String tokenHash,
                       @Nullable UserId invitedBy, OffsetDateTime expiresAt) {
        dsl.insertInto(INVITATIONS)
                .set(INVITATIONS.INVITATION_ID, id)
                .set(INVITATIONS.ORGANIZATION_ID, organizationId)
                .set(INVITATIONS.EMAIL, email)
                .set(INVITATIONS.ROLE, role.dbValue())
                .set(INVITATIONS.TOKEN_HASH, tokenHash)
                .set(INVITATIONS.INVITED_BY, invitedBy)
                .set(INVITATIONS.EXPIRES_AT, expiresAt)
                .execute();
    }

    @Override
    public List<Invitation> pending(OrganizationId organizationId, OffsetDateTime now) {
        return dsl.select(INVITATIONS.INVITATION_ID, INVITATIONS.EMAIL, INVITATIONS.ROLE, USERS.DISPLAY_NAME,
                        INVITATIONS.CREATED_AT, INVITATIONS.EXPIRES_AT)
                .from(INVITATIONS)
                .leftJoin(USERS).on(USERS.USER_ID.eq(INVITATIONS.INVITED_BY))
                .where(INVITATIONS.ORGANIZATION_ID.eq(organizationId).and(open(now)))
                .orderBy(INVITATIONS.CREATED_AT.desc())
                .fetch(r -> new Invitation(r.value1(), r.value2(), Role.fromDb(r.value3()), r.value4(), r.value5(), r.value6()));
    }

    @Override
    public Optional<Stored> findByTokenHash(String tokenHash, boolean forUpdate) {
        var query = dsl.select(INVITATIONS.INVITATION_ID, INVITATIONS.ORGANIZATION_ID, ORGANIZATIONS.NAME,
                        INVITATIONS.EMAIL, INVITATIONS.ROLE, INVITATIONS.EXPIRES_AT, INVITATIONS.ACCEPTED_AT,
                        INVITATIONS.REVOKED_AT)
                .from(INVITATIONS)
                .join(ORGANIZATIONS).on(ORGANIZATIONS.ORGANIZATION_ID.eq(INVITATIONS.ORGANIZATION_ID))
                .where(INVITATIONS.TOKEN_HASH.eq(tokenHash));
        var result = forUpdate ? query.forUpdate().of(INVITATIONS).fetchOptional() : query.fetchOptional();
        return result.map(r -> new Stored(r.value1(), r.value2(), r.value3(), r.value4(), Role.fromDb(r.value5()),
                r.value6(), r.value7(), r.value8()));
    }

    @Override
    public boolean markAccepted(UUID id, OffsetDateTime at) {
        return dsl.update(INVITATIONS).set(INVITATIONS.ACCEPTED_AT, at)
                .where(INVITATIONS.INVITATION_ID.eq(id).and(INVITATIONS.ACCEPTED_AT.isNull()))
                .execute() == 1;
    }

    @Override
    public boolean revoke(OrganizationId organizationId, UUID id, OffsetDateTime at) {
        return dsl.update(INVITATIONS).set(INVITATIONS.REVOKED_AT, at)
                .where(INVITATIONS.INVITATION_ID.eq(id).and(INVITATIONS.ORGANIZATION_ID.eq(organizationId))
                        .and(INVITATIONS.ACCEPTED_AT.isNull()).and(INVITATIONS.REVOKED_AT.isNull()))
                .execute() == 1;
    }

    @Override
    public boolean openInvitationExists(OrganizationId organizationId, String email, OffsetDateTime now) {
        return dsl.fetchExists(INVITATIONS, INVITATIONS.ORGANIZATION_ID.eq(organizationId)
                .and(INVITATIONS.EMAIL.eq(email)).and(open(now)));
    }

    private static Condition open(OffsetDateTime now) {
        return INVITATIONS.ACCEPTED_AT.isNull().and(INVITATIONS.REVOKED_AT.isNull()).and(INVITATIONS.EXPIRES_AT.gt(now));
    }
}
