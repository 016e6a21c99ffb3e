package io.vidcastx.accounts;

import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.UserId;

/** The signed-in person and the organization they are working in. */
public record SignedInAccount(UserId userId, String email, String displayName, OrganizationId organizationId,
                              String organizationName, Role role) {
}
