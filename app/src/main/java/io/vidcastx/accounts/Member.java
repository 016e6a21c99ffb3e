package io.vidcastx.accounts;

import io.vidcastx.db.ids.UserId;

/** A member as the team page lists them. */
public record Member(UserId userId, String email, String displayName, Role role) {
}
