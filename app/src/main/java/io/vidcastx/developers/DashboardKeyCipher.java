package io.vidcastx.developers;

import java.util.UUID;

import io.vidcastx.core.crypto.SealedSecrets;
import io.vidcastx.core.embedded.EmbeddedServers;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.core.crypto.WebhookEncryptionKey;
import io.vidcastx.webhooks.WebhookProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Seals the dashboard signing keys' private halves at rest (core's {@link SealedSecrets}, with a key of
 * their own derived from {@code vidcastx.webhooks.encryption-key}). The key id and organization are
 * authenticated data: a sealed key copied onto another row or organization does not open.
 */
@Component
class DashboardKeyCipher {

    private final SealedSecrets secrets;

    @Autowired
    DashboardKeyCipher(WebhookProperties settings, EmbeddedServers embedded) {
        this(WebhookEncryptionKey.load(settings.encryptionKey(), embedded.dataDir()));
    }

    DashboardKeyCipher(byte[] masterKey) {
        this.secrets = new SealedSecrets(masterKey, "vidcastx dashboard signing keys v1");
    }

    String seal(UUID keyId, OrganizationId organization, byte[] privateKey) {
        return secrets.seal(keyId + "/" + organization, privateKey);
    }

    /** @throws IllegalStateException when the text was not sealed by this key for this key id and organization */
    byte[] open(UUID keyId, OrganizationId organization, String sealedText) {
        return secrets.open(keyId + "/" + organization, sealedText);
    }
}
