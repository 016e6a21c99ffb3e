package io.vidcastx.accounts;

import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.UserId;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in person and the organization they are working in.
 *
 * @param logoKey where the organization's logo is stored, null when it has none
 */
public record SignedInAccount(UserId userId, String email, String displayName, OrganizationId organizationId,
                              String organizationName, Role role, @Nullable String logoKey) {
}
