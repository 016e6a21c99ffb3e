package io.vidcastx.billing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.stripe.exception.StripeException;
import com.stripe.model.Subscription;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceCreatePreviewParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import io.vidcastx.accounts.Role;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Plans and payment through Stripe: the customer of each organization (created on first need),
 * Checkout for a first subscription, the Billing Portal for payment methods, previewed plan changes
 * and the invoices list. Only an Owner changes plans or payment; an Admin may read invoices.
 */
@Service
public class BillingService {

    private final StripeConnection stripe;
    private final BillingRepository billing;
    private final UsageService usage;
    private final BillingProperties properties;
    private final Clock clock;
    private final Map<String, CachedPage> invoiceCache = new ConcurrentHashMap<>();

    private record CachedPage(InvoiceRow.Page page, Instant expires) {
    }

    BillingService(StripeConnection stripe, BillingRepository billing, UsageService usage, BillingProperties properties) {
        this.stripe = stripe;
        this.billing = billing;
        this.usage = usage;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** Whether a Stripe secret key is configured; without it the page shows usage and limits only. */
    public boolean stripeConfigured() {
        return stripe.configured();
    }

    /** @return the organization's Stripe customer, created the first time it is needed */
    String customer(OrganizationId organizationId) throws StripeException {
        var existing = billing.account(organizationId).map(BillingAccount::stripeCustomerId).orElse(null);
        if (existing != null) {
            return existing;
        }
        var customer = stripe.client().v1().customers().create(CustomerCreateParams.builder()
                        .putMetadata("organization_id", organizationId.toString()).build(),
                // Two owners clicking at once create one customer, not two.
                RequestOptions.builder().setIdempotencyKey("customer-" + organizationId).build());
        return billing.linkCustomer(organizationId, customer.getId());
    }

    /**
     * A Stripe Checkout page that subscribes the organization to {@code planId}; it returns to
     * {@code billingPageUrl} with {@code ?checkout=success} or {@code ?checkout=cancelled}.
     */
    public String checkoutUrl(Caller caller, String planId, String billingPageUrl) throws StripeException {
        caller.require(Role.OWNER, "change the plan");
        var plan = soldPlan(planId);
        var organization = caller.organizationId().toString();
        var session = stripe.client().v1().checkout().sessions().create(SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setCustomer(customer(caller.organizationId()))
                .setClientReferenceId(organization)
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice(plan.priceId()).setQuantity(1L).build())
                .putMetadata("organization_id", organization)
                .putMetadata("plan", planId)
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                        .putMetadata("organization_id", organization).putMetadata("plan", planId).build())
                .setSuccessUrl(billingPageUrl + "?checkout=success")
                .setCancelUrl(billingPageUrl + "?checkout=cancelled")
                .build());
        return session.getUrl();
    }

    /** The Stripe Billing Portal (payment methods, billing details), returning to the Billing page. */
    public String portalUrl(Caller caller, String billingPageUrl) throws StripeException {
        caller.require(Role.OWNER, "manage payment");
        var session = stripe.client().v1().billingPortal().sessions().create(
                com.stripe.param.billingportal.SessionCreateParams.builder()
                        .setCustomer(customer(caller.organizationId()))
                        .setReturnUrl(billingPageUrl + "?portal=returned").build());
        return session.getUrl();
    }

    /**
     * What a change to {@code planId} would cost (Stripe's invoice preview with proration) and what must
     * go first when current usage exceeds the new plan's included amounts.
     */
    public PlanChange previewChange(Caller caller, String planId) throws StripeException {
        caller.require(Role.OWNER, "change the plan");
        var target = usage.plan(planId);
        var blockers = blockers(caller.organizationId(), planId, target);
        var account = billing.account(caller.organizationId()).orElse(null);
        if (account == null || account.stripeSubscriptionId() == null || !target.sold()) {
            return new PlanChange(planId, null, null, blockers);
        }
        var item = subscriptionItem(account.stripeSubscriptionId());
        var invoice = stripe.client().v1().invoices().createPreview(InvoiceCreatePreviewParams.builder()
                .setCustomer(account.stripeCustomerId())
                .setSubscription(account.stripeSubscriptionId())
                .setSubscriptionDetails(InvoiceCreatePreviewParams.SubscriptionDetails.builder()
                        .addItem(InvoiceCreatePreviewParams.SubscriptionDetails.Item.builder()
                                .setId(item).setPrice(target.priceId()).build())
                        .setProrationBehavior(InvoiceCreatePreviewParams.SubscriptionDetails.ProrationBehavior.CREATE_PRORATIONS)
                        .build())
                .build());
        return new PlanChange(planId, invoice.getAmountDue(), invoice.getCurrency(), blockers);
    }

    /**
     * Moves an existing subscription to {@code planId} with proration; moving to a plan that is not sold
     * (Free) cancels the subscription. The webhook confirms the change; the plan is also set here so the
     * page shows it at once.
     *
     * @throws IllegalStateException when usage is above the new plan's limits (the preview says what must go)
     */
    public void changePlan(Caller caller, String planId) throws StripeException {
        var preview = previewChange(caller, planId);
        if (!preview.allowed()) {
            throw new IllegalStateException(String.join(" ", preview.blockers()));
        }
        var account = billing.account(caller.organizationId()).orElse(null);
        if (account == null || account.stripeSubscriptionId() == null) {
            throw new IllegalStateException("There is no subscription to change yet: subscribe through Checkout first");
        }
        var target = usage.plan(planId);
        if (!target.sold()) {
            stripe.client().v1().subscriptions().cancel(account.stripeSubscriptionId());
            billing.changePlan(caller.organizationId(), planId, null, "canceled");
            return;
        }
        var item = subscriptionItem(account.stripeSubscriptionId());
        var updated = stripe.client().v1().subscriptions().update(account.stripeSubscriptionId(),
                SubscriptionUpdateParams.builder()
                        .addItem(SubscriptionUpdateParams.Item.builder().setId(item).setPrice(target.priceId()).build())
                        .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.CREATE_PRORATIONS)
                        .putMetadata("plan", planId)
                        .build());
        billing.changePlan(caller.organizationId(), planId, updated.getId(), updated.getStatus());
    }

    private String subscriptionItem(String subscriptionId) throws StripeException {
        Subscription subscription = stripe.client().v1().subscriptions().retrieve(subscriptionId);
        return subscription.getItems().getData().getFirst().getId();
    }

    /** Usage this period above the new plan's included amounts, as what must go first. */
    List<String> blockers(OrganizationId organizationId, String planId, BillingProperties.Plan target) {
        var current = usage.summary(organizationId);
        var blockers = new ArrayList<String>();
        for (var metric : current.metrics()) {
            Double included = target.included().get(metric.metric());
            if (included != null && !included.isInfinite() && target.hardLimits().contains(metric.metric())
                    && metric.used() > included) {
                blockers.add(String.format(Locale.ROOT, "%s: %s %s used this period, the %s plan includes %s. %s",
                        metric.metric().label(), UsageService.amount(metric.used()), metric.metric().unit(),
                        UsageService.title(planId, target), UsageService.amount(included), whatMustGo(metric.metric())));
            }
        }
        return blockers;
    }

    private static String whatMustGo(io.vidcastx.core.usage.UsageMetric metric) {
        return switch (metric) {
            case STORAGE_GB_HOURS -> "Delete videos to bring storage under the new plan's amount first.";
            default -> "Wait for the next period, or keep the current plan until then.";
        };
    }

    /** Invoices of the organization, newest first, 10 a page; cached briefly (Stripe rate limits). */
    public InvoiceRow.Page invoices(Caller caller, @Nullable String startingAfter) throws StripeException {
        caller.require(Role.ADMIN, "see invoices");
        var account = billing.account(caller.organizationId()).orElse(null);
        if (account == null || account.stripeCustomerId() == null) {
            return new InvoiceRow.Page(List.of(), null);
        }
        String cacheKey = account.stripeCustomerId() + "/" + startingAfter;
        var cached = invoiceCache.get(cacheKey);
        if (cached != null && cached.expires().isAfter(clock.instant())) {
            return cached.page();
        }
        var params = InvoiceListParams.builder().setCustomer(account.stripeCustomerId()).setLimit(10L);
        if (startingAfter != null) {
            params.setStartingAfter(startingAfter);
        }
        var list = stripe.client().v1().invoices().list(params.build());
        var rows = list.getData().stream().map(invoice -> new InvoiceRow(invoice.getId(), invoice.getNumber(),
                Instant.ofEpochSecond(invoice.getCreated()), invoice.getAmountDue() == null ? 0 : invoice.getAmountDue(),
                invoice.getCurrency() == null ? "usd" : invoice.getCurrency(), invoice.getStatus(),
                invoice.getHostedInvoiceUrl(), invoice.getInvoicePdf())).toList();
        var page = new InvoiceRow.Page(rows, Boolean.TRUE.equals(list.getHasMore()) && !rows.isEmpty()
                ? rows.getLast().id() : null);
        invoiceCache.put(cacheKey, new CachedPage(page, clock.instant().plus(properties.invoiceCacheTime())));
        return page;
    }

    private BillingProperties.Plan soldPlan(String planId) {
        var plan = usage.plan(planId);
        if (!plan.sold()) {
            throw new IllegalArgumentException("The " + UsageService.title(planId, plan)
                    + " plan has no Stripe price (set its price-id)");
        }
        return plan;
    }
}
