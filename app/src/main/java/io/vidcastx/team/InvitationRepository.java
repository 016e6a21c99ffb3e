package io.vidcastx.team;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.vidcastx.accounts.Role;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.UserId;
import org.jspecify.annotations.Nullable;

/** Invitations, found by organization or by the digest of their token. */
interface InvitationRepository {

    void insert(UUID id, OrganizationId organizationId, String email, Role role, String tokenHash,
                @Nullable UserId invitedBy, OffsetDateTime expiresAt);

    /** Open invitations (neither accepted nor revoked) that have not expired, newest first. */
    List<Invitation> pending(OrganizationId organizationId, OffsetDateTime now);

    /** An invitation's state as the accept page needs it, locked until the transaction ends. */
    record Stored(UUID id, OrganizationId organizationId, String organizationName, String email, Role role,
                  OffsetDateTime expiresAt, @Nullable OffsetDateTime acceptedAt, @Nullable OffsetDateTime revokedAt) {
    }

    Optional<Stored> findByTokenHash(String tokenHash, boolean forUpdate);

    boolean markAccepted(UUID id, OffsetDateTime at);

    boolean revoke(OrganizationId organizationId, UUID id, OffsetDateTime at);

    /** True while an open, unexpired invitation exists for this address in this organization. */
    boolean openInvitationExists(OrganizationId organizationId, String email, OffsetDateTime now);
}
