package io.vidcastx.accounts;

import io.vidcastx.db.ids.UserId;

/** What signing in checks: the user, their e-mail address as stored, and their password's hash. */
public record Credentials(UserId userId, String email, String passwordHash) {
}
