package io.vidcastx.security;

import io.vidcastx.db.ids.ApiKeyId;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.UserId;
import org.jspecify.annotations.Nullable;

/** Who is calling and for which organization: a signed-in person, or an API key. */
public record Caller(OrganizationId organizationId, @Nullable UserId userId, @Nullable ApiKeyId apiKeyId) {
}
