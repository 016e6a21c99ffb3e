package io.vidcastx.billing;

import java.util.concurrent.atomic.AtomicReference;

import com.stripe.StripeClient;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The Stripe client, or none when no secret key is configured (billing without Stripe). Tests point
 * it at a local server speaking Stripe's wire format through {@link #use}, without a second context.
 */
@Component
class StripeConnection {

    record Settings(@Nullable String secretKey, @Nullable String webhookSecret, @Nullable String apiBase) {

        boolean configured() {
            return secretKey != null && !secretKey.isBlank();
        }
    }

    private final Settings configuredSettings;
    private final AtomicReference<Settings> settings = new AtomicReference<>();
    private final AtomicReference<@Nullable StripeClient> client = new AtomicReference<>();

    StripeConnection(BillingProperties properties) {
        var stripe = properties.stripe();
        this.configuredSettings = new Settings(stripe.secretKey(), stripe.webhookSecret(), stripe.apiBase());
        use(configuredSettings);
    }

    /** Switches to other settings (tests); {@link #reset()} goes back to the configured ones. */
    void use(Settings next) {
        settings.set(next);
        client.set(next.configured() ? build(next) : null);
    }

    void reset() {
        use(configuredSettings);
    }

    private static StripeClient build(Settings settings) {
        var builder = StripeClient.builder().setApiKey(settings.secretKey())
                // Network errors and 409/429/5xx are retried by the client with the same idempotency key.
                .setMaxNetworkRetries(2).setConnectTimeout(5_000).setReadTimeout(20_000);
        if (settings.apiBase() != null && !settings.apiBase().isBlank()) {
            builder.setApiBase(settings.apiBase()).setMeterEventsBase(settings.apiBase());
        }
        return builder.build();
    }

    boolean configured() {
        return client.get() != null;
    }

    /** @throws StripeNotConfiguredException without a secret key */
    StripeClient client() {
        var current = client.get();
        if (current == null) {
            throw new StripeNotConfiguredException();
        }
        return current;
    }

    @Nullable String webhookSecret() {
        return settings.get().webhookSecret();
    }

    static class StripeNotConfiguredException extends IllegalStateException {
        StripeNotConfiguredException() {
            super("Stripe billing is not configured (set VIDCASTX_STRIPE_SECRET_KEY)");
        }
    }
}
