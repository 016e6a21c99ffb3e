package io.vidcastx.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the first-run setup asks for: the owner's account and the first organization. */
public record OwnerSetup(
        @NotBlank @Size(max = 100) String organizationName,
        @NotBlank @Size(max = 100) String displayName,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(min = 12, max = 200, message = "Use at least 12 characters") String password) {
}
