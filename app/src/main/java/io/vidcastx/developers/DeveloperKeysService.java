package io.vidcastx.developers;

import java.util.List;

import io.vidcastx.accounts.Role;
import io.vidcastx.db.ids.ApiKeyId;
import io.vidcastx.security.Caller;
import org.springframework.stereotype.Service;

/**
 * The Developers section's keys: API keys and playback signing keys. Anyone in the organization may
 * see them (never a secret); only an Admin or Owner creates and revokes them.
 */
@Service
public class DeveloperKeysService {

    private final ApiKeyService apiKeys;
    private final SigningKeyService signingKeys;

    DeveloperKeysService(ApiKeyService apiKeys, SigningKeyService signingKeys) {
        this.apiKeys = apiKeys;
        this.signingKeys = signingKeys;
    }

    public List<ApiKeyService.ApiKeyInfo> apiKeys(Caller caller) {
        return apiKeys.list(caller.organizationId());
    }

    /** A key acting as {@code role}: Admin (read and write), Member (videos and uploads) or Viewer (read only). */
    public ApiKeyService.CreatedKey createApiKey(Caller caller, String name, Role role) {
        caller.require(Role.ADMIN, "create API keys");
        if (role == Role.OWNER) {
            throw new IllegalArgumentException("An API key acts as an admin, member or viewer, never as an owner");
        }
        String clean = name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw new IllegalArgumentException("Give the key a name of 1 to 100 characters");
        }
        return apiKeys.create(caller.organizationId(), clean, role);
    }

    public void revokeApiKey(Caller caller, ApiKeyId id) {
        caller.require(Role.ADMIN, "revoke API keys");
        if (!apiKeys.revoke(caller.organizationId(), id)) {
            throw new IllegalArgumentException("No such API key");
        }
    }

    public List<SigningKeyService.SigningKeyInfo> signingKeys(Caller caller) {
        return signingKeys.list(caller.organizationId());
    }

    public SigningKeyService.CreatedSigningKey createSigningKey(Caller caller) {
        caller.require(Role.ADMIN, "create signing keys");
        return signingKeys.create(caller.organizationId());
    }

    public void revokeSigningKey(Caller caller, String id) {
        caller.require(Role.ADMIN, "revoke signing keys");
        if (!signingKeys.revoke(caller.organizationId(), id)) {
            throw new IllegalArgumentException("No such signing key");
        }
    }
}
