package io.vidcastx.core.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AES key for signing secrets: {@code vidcastx.webhooks.encryption-key} when set, otherwise a key
 * generated once into the data directory. Installations with app processes on several machines must
 * set the setting, or each machine would make its own key. The dashboard's signing keys are sealed with a
 * key derived from it (see {@code io.vidcastx.developers.DashboardKeyCipher}), so operators keep one secret.
 */
public final class WebhookEncryptionKey {

    private static final Logger log = LoggerFactory.getLogger(WebhookEncryptionKey.class);
    public static final String FILE = "keys/webhook-secrets.key";

    private WebhookEncryptionKey() {
    }

    public static byte[] load(@Nullable String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured, "vidcastx.webhooks.encryption-key");
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the webhook encryption key " + file
                    + "; set VIDCASTX_WEBHOOKS_ENCRYPTION_KEY instead", e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.getParent());
        // Written aside and moved into place, so a process racing this one never reads half a key.
        Path draft = Files.createTempFile(file.getParent(), "webhook-secrets", ".draft");
        try {
            try {
                Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: its default permissions apply.
            }
            Files.writeString(draft, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            // A hard link fails atomically when the name exists (a move would check, then overwrite), so two
            // processes starting together agree on the first key.
            Files.createLink(file, draft);
            log.info("Generated the webhook secret encryption key in {}; back it up with the database", file);
        } catch (FileAlreadyExistsException e) {
            // Another process on this machine made it first: use theirs.
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    private static byte[] decode(String base64, String source) {
        try {
            byte[] key = Base64.getDecoder().decode(base64.strip());
            if (key.length != 32) {
                throw new IllegalArgumentException(source + " must be base64 of 32 bytes (e.g. openssl rand -base64 32)");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " must be base64 of 32 bytes (e.g. openssl rand -base64 32)", e);
        }
    }
}
