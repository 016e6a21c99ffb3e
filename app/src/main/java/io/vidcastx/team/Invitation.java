package io.vidcastx.team;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.vidcastx.accounts.Role;
import org.jspecify.annotations.Nullable;

/** An invitation as the team page lists it: never its token, which only the link carries. */
public record Invitation(UUID id, String email, Role role, @Nullable String invitedBy, OffsetDateTime createdAt,
                        OffsetDateTime expiresAt) {
}
