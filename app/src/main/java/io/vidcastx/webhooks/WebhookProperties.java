package io.vidcastx.webhooks;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhooks ({@code vidcastx.webhooks.*}).
 *
 * @param retrySchedule        delays before each retry; the first attempt is made at once. The default
 *                             is the Standard Webhooks schedule (ten attempts over about three days)
 * @param timeout              longest a receiver may take to answer one request
 * @param disableAfter         an endpoint whose attempts have all failed for this long is disabled
 * @param allowPrivateNetworks deliver to private, loopback and link-local addresses too (development)
 * @param allowedNetworks      CIDR ranges reachable even when private networks are not, e.g. an
 *                             internal receiver's subnet ({@code 10.1.2.0/24})
 * @param httpHosts            hosts that may use plain {@code http://}; every other URL must be https
 * @param previousSecretGrace  after a secret rotation, how long deliveries are signed with the old
 *                             secret too
 * @param concurrency          deliveries one app process sends at a time
 * @param encryptionKey        base64 of the 32-byte AES key that encrypts signing secrets at rest; when
 *                             unset, one is generated into {@code <data dir>/keys/webhook-secrets.key}
 */
@ConfigurationProperties("vidcastx.webhooks")
public record WebhookProperties(
        @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "14h", "20h", "24h"}) List<Duration> retrySchedule,
        @DefaultValue("15s") Duration timeout,
        @DefaultValue("5d") Duration disableAfter,
        @DefaultValue("false") boolean allowPrivateNetworks,
        @DefaultValue List<String> allowedNetworks,
        @DefaultValue List<String> httpHosts,
        @DefaultValue("24h") Duration previousSecretGrace,
        @DefaultValue("4") int concurrency,
        @Nullable String encryptionKey) {

    public WebhookProperties {
        retrySchedule = List.copyOf(retrySchedule);
        allowedNetworks = List.copyOf(allowedNetworks);
        httpHosts = httpHosts.stream().map(host -> host.strip().toLowerCase(java.util.Locale.ROOT)).toList();
        if (retrySchedule.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("vidcastx.webhooks.retry-schedule must not contain negative delays");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("vidcastx.webhooks.timeout must be positive");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("vidcastx.webhooks.concurrency must be at least 1");
        }
    }

    /** Attempts one round of deliveries makes before giving up: the first, then one per retry delay. */
    public int attemptsPerRound() {
        return retrySchedule.size() + 1;
    }
}
