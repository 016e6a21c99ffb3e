package io.vidcastx.webhooks;

import io.vidcastx.core.crypto.WebhookEncryptionKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookEncryptionKeyTest {

    @TempDir
    Path data;

    @Test
    void the_generated_key_is_private_to_its_owner_and_the_same_at_the_next_start() throws Exception {
        byte[] first = WebhookEncryptionKey.load(null, data);
        byte[] again = WebhookEncryptionKey.load(null, data);

        assertThat(first).hasSize(32).isEqualTo(again);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(WebhookEncryptionKey.FILE))))
                .isEqualTo("rw-------");
        try (var drafts = Files.list(data.resolve("keys"))) {
            assertThat(drafts).as("no draft left behind").hasSize(1);
        }
    }

    @Test
    void processes_starting_together_agree_on_one_key() throws Exception {
        int racers = 8;
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(racers)) {
            var keys = new java.util.ArrayList<Future<byte[]>>();
            for (int i = 0; i < racers; i++) {
                keys.add(pool.submit(() -> {
                    start.await();
                    return WebhookEncryptionKey.load(null, data);
                }));
            }
            start.countDown();
            byte[] first = keys.getFirst().get();
            for (var key : keys) {
                assertThat(key.get()).isEqualTo(first);
            }
        }
    }

    @Test
    void a_configured_key_must_be_32_bytes_of_base64() {
        assertThatThrownBy(() -> WebhookEncryptionKey.load("not base64!", data)).hasMessageContaining("encryption-key");
    }
}
