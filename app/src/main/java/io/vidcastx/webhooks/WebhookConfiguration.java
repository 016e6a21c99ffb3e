package io.vidcastx.webhooks;

import io.vidcastx.core.crypto.WebhookEncryptionKey;
import io.vidcastx.core.embedded.EmbeddedServers;
import io.vidcastx.core.queue.JobQueue;
import io.vidcastx.core.queue.JobWorkers;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** The delivery side of webhooks: the SSRF-guarded HTTP client, the secret cipher and the queue consumer. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

    @Bean
    AddressPolicy webhookAddressPolicy(WebhookProperties settings) {
        return new AddressPolicy(settings.allowPrivateNetworks(), settings.allowedNetworks());
    }

    @Bean
    WebhookUrlPolicy webhookUrlPolicy(WebhookProperties settings, AddressPolicy addresses) {
        return new WebhookUrlPolicy(settings.httpHosts(), addresses);
    }

    @Bean
    WebhookTransport webhookTransport(WebhookProperties settings, AddressPolicy addresses, WebhookUrlPolicy urls) {
        return new WebhookTransport(addresses, urls, settings.timeout());
    }

    @Bean
    WebhookSecretCipher webhookSecretCipher(WebhookProperties settings, EmbeddedServers embedded) {
        return new WebhookSecretCipher(WebhookEncryptionKey.load(settings.encryptionKey(), embedded.dataDir()));
    }

    @Bean
    WebhookDeliverer webhookDeliverer(WebhookRepository repository, WebhookSecretCipher cipher,
                                      WebhookTransport transport, JobQueue queue, TransactionTemplate transactions,
                                      WebhookProperties settings) {
        return new WebhookDeliverer(repository, cipher, transport, queue, transactions, settings);
    }

    @Bean
    WebhookConsumer webhookConsumer(JobWorkers workers, WebhookDeliverer deliverer, WebhookProperties settings) {
        return new WebhookConsumer(workers, deliverer, settings.concurrency());
    }
}
