package io.vidcastx.billing.api;

import java.util.List;
import java.util.Map;

import io.vidcastx.billing.StripeWebhooks;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/stripe}: Stripe's events, with no session or CSRF token (see the security
 * configuration). The body is taken as the exact string Stripe signed.
 */
@RestController
class StripeWebhookController {

    private final StripeWebhooks webhooks;

    StripeWebhookController(StripeWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping(path = "/webhooks/stripe", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> receive(@RequestBody String payload,
                                @RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) {
        var outcome = webhooks.receive(payload, signature);
        return Map.of("received", true, "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
    }

    @ExceptionHandler(StripeWebhooks.InvalidStripeWebhookException.class)
    ResponseEntity<Map<String, Object>> refuse(StripeWebhooks.InvalidStripeWebhookException e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", Map.of("type", "invalid_signature", "messages", List.of(e.getMessage()))));
    }
}
