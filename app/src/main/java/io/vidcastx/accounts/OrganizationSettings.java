package io.vidcastx.accounts;

import io.vidcastx.db.ids.OrganizationId;
import org.jspecify.annotations.Nullable;

/** An organization's editable settings. */
public record OrganizationSettings(OrganizationId id, String name, String slug, long version,
                                   @Nullable String logoKey) {
}
