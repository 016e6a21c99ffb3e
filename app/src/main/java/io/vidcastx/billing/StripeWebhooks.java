package io.vidcastx.billing;

import java.util.Map;
import java.util.Optional;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import io.vidcastx.db.ids.OrganizationId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies Stripe's webhook events. The signature and its 5-minute tolerance are checked by
 * {@link Webhook#constructEvent}; each event id is applied once (Stripe delivers at least once, and a
 * captured request replayed later has an id already seen). The fields used are read from the raw
 * JSON, so an event of another API version than the library's still applies.
 */
@Service
public class StripeWebhooks {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);
    static final long TOLERANCE_SECONDS = 300;

    public enum Outcome { APPLIED, DUPLICATE, IGNORED }

    private final StripeConnection stripe;
    private final BillingRepository billing;
    private final BillingProperties properties;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    StripeWebhooks(StripeConnection stripe, BillingRepository billing, BillingProperties properties,
                   TransactionTemplate transactions, JsonMapper json) {
        this.stripe = stripe;
        this.billing = billing;
        this.properties = properties;
        this.transactions = transactions;
        this.json = json;
    }

    /** @throws InvalidStripeWebhookException for a missing or bad signature (nothing is changed) */
    public Outcome receive(String payload, @Nullable String signatureHeader) {
        String secret = stripe.webhookSecret();
        if (secret == null || secret.isBlank()) {
            throw new InvalidStripeWebhookException("Stripe webhooks are not configured (set VIDCASTX_STRIPE_WEBHOOK_SECRET)");
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new InvalidStripeWebhookException("Missing Stripe-Signature header");
        }
        com.stripe.model.Event event;
        try {
            event = Webhook.constructEvent(payload, signatureHeader, secret, TOLERANCE_SECONDS);
        } catch (SignatureVerificationException e) {
            throw new InvalidStripeWebhookException("Invalid Stripe signature: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new InvalidStripeWebhookException("The body is not a Stripe event");
        }
        JsonNode object = json.readTree(payload).path("data").path("object");
        return transactions.execute(status -> {
            if (!billing.rememberStripeEvent(event.getId(), event.getType())) {
                return Outcome.DUPLICATE;
            }
            return apply(event.getType(), object) ? Outcome.APPLIED : Outcome.IGNORED;
        });
    }

    private boolean apply(String type, JsonNode object) {
        switch (type) {
            case "checkout.session.completed" -> {
                var organization = organizationOf(object);
                if (organization.isEmpty()) {
                    return false;
                }
                String customer = text(object, "customer");
                if (customer != null) {
                    billing.linkCustomer(organization.get(), customer);
                }
                String plan = text(object.path("metadata"), "plan");
                if (plan != null && properties.plans().containsKey(plan)) {
                    billing.changePlan(organization.get(), plan, text(object, "subscription"), "active");
                }
                return true;
            }
            case "customer.subscription.created", "customer.subscription.updated" -> {
                var organization = customerOrganization(object);
                if (organization.isEmpty()) {
                    return false;
                }
                String status = Optional.ofNullable(text(object, "status")).orElse("active");
                String plan = switch (status) {
                    case "canceled", "incomplete_expired", "unpaid" -> properties.defaultPlan();
                    default -> planOfPrice(object).orElse(properties.defaultPlan());
                };
                billing.changePlan(organization.get(), plan, text(object, "id"), status);
                if ("active".equals(status)) {
                    billing.markPaid(organization.get());
                }
                return true;
            }
            case "customer.subscription.deleted" -> {
                var organization = customerOrganization(object);
                organization.ifPresent(id -> billing.changePlan(id, properties.defaultPlan(), null, "canceled"));
                return organization.isPresent();
            }
            case "invoice.paid" -> {
                var organization = customerOrganization(object);
                organization.ifPresent(billing::markPaid);
                return organization.isPresent();
            }
            case "invoice.payment_failed" -> {
                var organization = customerOrganization(object);
                organization.ifPresent(billing::markPastDue);
                return organization.isPresent();
            }
            case "customer.deleted" -> {
                var organization = Optional.ofNullable(text(object, "id")).flatMap(billing::organizationOfCustomer);
                organization.ifPresent(id -> billing.forgetCustomer(id, properties.defaultPlan()));
                return organization.isPresent();
            }
            default -> {
                log.debug("Stripe event {} is not used", type);
                return false;
            }
        }
    }

    /** Checkout sessions carry our organization id; anything else is found through its customer. */
    private Optional<OrganizationId> organizationOf(JsonNode object) {
        String reference = text(object, "client_reference_id");
        if (reference == null) {
            reference = text(object.path("metadata"), "organization_id");
        }
        if (reference != null) {
            try {
                var id = OrganizationId.parse(reference);
                // A session names an organization only through the customer we created for it.
                String customer = text(object, "customer");
                var linked = billing.account(id).map(BillingAccount::stripeCustomerId).orElse(null);
                if (customer != null && linked != null && !linked.equals(customer)) {
                    log.warn("Checkout session for {} names another customer; ignored", id);
                    return Optional.empty();
                }
                return Optional.of(id);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return customerOrganization(object);
    }

    private Optional<OrganizationId> customerOrganization(JsonNode object) {
        return Optional.ofNullable(text(object, "customer")).flatMap(billing::organizationOfCustomer);
    }

    private Optional<String> planOfPrice(JsonNode subscription) {
        for (JsonNode item : subscription.path("items").path("data")) {
            String price = text(item.path("price"), "id");
            for (Map.Entry<String, BillingProperties.Plan> plan : properties.plans().entrySet()) {
                if (plan.getValue().sold() && plan.getValue().priceId().equals(price)) {
                    return Optional.of(plan.getKey());
                }
            }
        }
        return Optional.empty();
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** A webhook request that is not a verified Stripe event: 400, and nothing changes. */
    public static class InvalidStripeWebhookException extends RuntimeException {
        InvalidStripeWebhookException(String message) {
            super(message);
        }
    }
}
