package io.vidcastx.billing.ui;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import com.stripe.exception.StripeException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import io.vidcastx.accounts.Role;
import io.vidcastx.billing.BillingProperties;
import io.vidcastx.billing.BillingService;
import io.vidcastx.billing.InvoiceRow;
import io.vidcastx.billing.PlanChange;
import io.vidcastx.billing.UsageService;
import io.vidcastx.billing.UsageSummary;
import io.vidcastx.security.Caller;
import io.vidcastx.security.CallerResolver;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;

/**
 * Settings › Billing: the plan and period, a usage bar per metric for everyone; plans, payment status
 * and invoices for Owners and Admins; plan changes and payment methods for the Owner only.
 */
@Route("settings/billing")
@PageTitle("Billing | Vidcastx")
@Menu(title = "Billing", order = 32, icon = "vaadin:credit-card")
@PermitAll
final class BillingView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);

    private final UsageService usage;
    private final BillingService billing;
    private final CallerResolver callers;
    final Span planLine = new Span();
    final Div notices = new Div();
    final Div bars = new Div();
    final FlexLayout planCards = new FlexLayout();
    final Grid<InvoiceRow> invoices = new Grid<>(InvoiceRow.class, false);
    final Button nextInvoices = new Button("Older invoices");
    final Button managePayment = new Button("Manage payment methods");
    private @Nullable String invoiceCursor;

    BillingView(UsageService usage, BillingService billing, CallerResolver callers) {
        this.usage = usage;
        this.billing = billing;
        this.callers = callers;
        setMaxWidth("64rem");
        var caller = callers.signedIn();
        var summary = usage.usage(caller);
        add(new H2("Billing"), notices);
        if (!billing.stripeConfigured()) {
            notices.add(notice("Stripe billing is not configured. Usage is metered and the limits below come from this "
                    + "server's configuration.", false));
        }
        if (summary.pastDue() && caller.may(Role.ADMIN)) {
            notices.add(notice(summary.downgradedForNonPayment()
                    ? "Payment is past due and the grace period has ended: the Free plan's limits apply until the "
                      + "open invoice is paid."
                    : "Your last payment failed. Update the payment method before the grace period ends, or the Free "
                      + "plan's limits will apply.", true));
        }
        planLine.setText("Plan: " + title(summary.planId(), summary.plan()) + " · Period: "
                + DAY.format(summary.period().start()) + " – " + DAY.format(summary.period().end().minusDays(1)));
        add(planLine);
        if (caller.may(Role.ADMIN)) {
            add(new Span("Payment status: " + paymentStatus(summary)));
        }
        add(new H3("Usage this period"), bars);
        bars.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)").set("width", "100%");
        summary.metrics().forEach(metric -> bars.add(new UsageBar(metric)));
        if (caller.may(Role.ADMIN)) {
            add(new H3("Plans"), planCards);
            planCards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            planCards.getStyle().set("gap", "var(--lumo-space-m)");
            showPlans(caller, summary);
            if (billing.stripeConfigured()) {
                addInvoices(caller);
            }
        }
    }

    private void addInvoices(Caller caller) {
        if (caller.may(Role.OWNER)) {
            managePayment.addClickListener(click -> openPortal());
            add(managePayment);
        }
        invoices.addColumn(row -> row.number() == null ? "Draft" : row.number()).setHeader("Number");
        invoices.addColumn(row -> DAY.format(row.date().atOffset(ZoneOffset.UTC))).setHeader("Date");
        invoices.addColumn(row -> String.format(Locale.ROOT, "%.2f %s", row.amountCents() / 100.0,
                row.currency().toUpperCase(Locale.ROOT))).setHeader("Amount");
        invoices.addColumn(row -> row.status() == null ? "" : row.status()).setHeader("Status");
        invoices.addComponentColumn(row -> {
            var links = new HorizontalLayout();
            if (row.hostedUrl() != null) {
                links.add(external(row.hostedUrl(), "View"));
            }
            if (row.pdfUrl() != null) {
                links.add(external(row.pdfUrl(), "PDF"));
            }
            return links;
        }).setHeader("Links");
        invoices.setAllRowsVisible(true);
        nextInvoices.addClickListener(click -> loadInvoices(invoiceCursor));
        add(new H3("Invoices"), invoices, nextInvoices);
        loadInvoices(null);
    }

    private void loadInvoices(@Nullable String cursor) {
        try {
            var page = billing.invoices(callers.signedIn(), cursor);
            invoices.setItems(page.invoices());
            invoiceCursor = page.nextCursor();
            nextInvoices.setVisible(invoiceCursor != null);
        } catch (StripeException e) {
            invoices.setItems();
            nextInvoices.setVisible(false);
            error("Invoices could not be loaded from Stripe: " + e.getMessage());
        }
    }

    private void showPlans(Caller caller, UsageSummary summary) {
        planCards.removeAll();
        var plans = usage.plans();
        var ids = plans.keySet().stream().toList();
        int current = ids.indexOf(summary.subscribedPlanId());
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            var plan = plans.get(id);
            var card = new Div();
            card.addClassName("vx-plan-card");
            card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)")
                    .set("padding", "var(--lumo-space-m)").set("min-width", "13rem").set("flex", "1");
            var heading = new H3(title(id, plan));
            heading.getStyle().set("margin-top", "0");
            card.add(heading);
            if (plan.price() != null) {
                card.add(new Paragraph(plan.price()));
            }
            for (Map.Entry<io.vidcastx.core.usage.UsageMetric, Double> included : plan.included().entrySet()) {
                card.add(new Div(new Span(UsageBar.amount(included.getValue()) + " " + included.getKey().unit() + " "
                        + (included.getKey().label().startsWith("AI") ? included.getKey().label()
                                : included.getKey().label().toLowerCase(Locale.ROOT))
                        + (plan.hardLimits().contains(included.getKey()) ? " (hard limit)" : ""))));
            }
            if (i == current) {
                var badge = new Span("Current plan");
                badge.getElement().getThemeList().add("badge success");
                card.add(badge);
            } else if (caller.may(Role.OWNER) && billing.stripeConfigured()) {
                boolean upgrade = i > current;
                var change = new Button((upgrade ? "Upgrade to " : "Downgrade to ") + title(id, plan));
                if (upgrade) {
                    change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                }
                change.addClickListener(click -> change(id, summary));
                card.add(change);
            }
            planCards.add(card);
        }
    }

    private void change(String planId, UsageSummary summary) {
        var caller = callers.signedIn();
        try {
            if (summary.account().stripeSubscriptionId() == null) {
                var url = billing.checkoutUrl(caller, planId, billingPageUrl());
                getUI().ifPresent(ui -> ui.getPage().setLocation(url));
                return;
            }
            PlanChange preview = billing.previewChange(caller, planId);
            var dialog = new ConfirmDialog();
            dialog.setHeader("Change to " + title(planId, usage.plans().get(planId)) + "?");
            if (!preview.allowed()) {
                dialog.setText("First: " + String.join(" ", preview.blockers()));
                dialog.setConfirmText("Close");
            } else {
                dialog.setText(preview.amountDueCents() == null ? "The subscription ends and the plan changes now."
                        : String.format(Locale.ROOT, "With proration, the next invoice comes to %.2f %s.",
                        preview.amountDueCents() / 100.0, String.valueOf(preview.currency()).toUpperCase(Locale.ROOT)));
                dialog.setCancelable(true);
                dialog.setConfirmText("Change plan");
                dialog.addConfirmListener(confirm -> {
                    try {
                        billing.changePlan(callers.signedIn(), planId);
                        Notification.show("Your plan is now " + title(planId, usage.plans().get(planId)))
                                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                        getUI().ifPresent(ui -> ui.getPage().reload());
                    } catch (StripeException | RuntimeException e) {
                        error("The plan could not be changed: " + e.getMessage());
                    }
                });
            }
            dialog.open();
        } catch (StripeException | RuntimeException e) {
            error("Stripe could not be reached: " + e.getMessage());
        }
    }

    private void openPortal() {
        try {
            var url = billing.portalUrl(callers.signedIn(), billingPageUrl());
            getUI().ifPresent(ui -> ui.getPage().setLocation(url));
        } catch (StripeException | RuntimeException e) {
            error("Stripe could not be reached: " + e.getMessage());
        }
    }

    /** Checkout and the Portal come back here with a query parameter saying how it went. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.getOrDefault("checkout", java.util.List.of()).contains("success")) {
            notices.add(notice("Thank you: your subscription is set up. The new plan applies as soon as Stripe confirms "
                    + "the payment.", false));
            Notification.show("Subscription set up").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } else if (parameters.getOrDefault("portal", java.util.List.of()).contains("returned")) {
            notices.add(notice("Your payment details were saved in Stripe.", false));
            Notification.show("Payment details updated").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
    }

    private static String billingPageUrl() {
        var request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath() + "/settings/billing";
    }

    private static String paymentStatus(UsageSummary summary) {
        return switch (summary.account().paymentStatus()) {
            case "none" -> "no subscription";
            case "past_due" -> "past due";
            default -> summary.account().paymentStatus().replace('_', ' ');
        };
    }

    private static String title(String id, BillingProperties.Plan plan) {
        return plan.title() != null ? plan.title() : id;
    }

    private static Component notice(String text, boolean alarming) {
        var notice = new Div(new Span(text));
        notice.addClassName(alarming ? "vx-past-due-banner" : "vx-billing-notice");
        notice.getElement().setAttribute("role", alarming ? "alert" : "status");
        notice.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("margin-bottom", "var(--lumo-space-s)")
                .set("background", alarming ? "var(--lumo-error-color-10pct)" : "var(--lumo-contrast-5pct)")
                .set("color", alarming ? "var(--lumo-error-text-color)" : "var(--lumo-body-text-color)");
        return notice;
    }

    private static Anchor external(String url, String text) {
        var anchor = new Anchor(url, text);
        anchor.setTarget("_blank");
        anchor.getElement().setAttribute("rel", "noopener");
        return anchor;
    }

    private void error(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
