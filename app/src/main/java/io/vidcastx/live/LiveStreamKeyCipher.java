package io.vidcastx.live;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.vidcastx.core.crypto.SealedSecrets;
import io.vidcastx.core.embedded.EmbeddedServers;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.core.crypto.WebhookEncryptionKey;
import io.vidcastx.webhooks.WebhookProperties;
import org.springframework.stereotype.Component;

/**
 * Seals stream keys at rest, so the API and the dashboard can show them again (Mux returns
 * {@code stream_key} on every read). Publishing never opens them: the ingest looks keys up by hash.
 */
@Component
class LiveStreamKeyCipher {

    private final SealedSecrets secrets;

    LiveStreamKeyCipher(WebhookProperties settings, EmbeddedServers embedded) {
        this.secrets = new SealedSecrets(WebhookEncryptionKey.load(settings.encryptionKey(), embedded.dataDir()),
                "vidcastx live stream keys v1");
    }

    String seal(UUID streamId, OrganizationId organization, String key) {
        return secrets.seal(streamId + "/" + organization, key.getBytes(StandardCharsets.UTF_8));
    }

    String open(UUID streamId, OrganizationId organization, String sealed) {
        return new String(secrets.open(streamId + "/" + organization, sealed), StandardCharsets.UTF_8);
    }
}
