package io.vidcastx.billing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.vidcastx.db.jooq.Tables.BILLING_ACCOUNTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.QueryParameters;
import io.vidcastx.AppTestSupport;
import io.vidcastx.accounts.Role;
import io.vidcastx.billing.BillingTestAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Settings › Billing for each role, with and without Stripe. */
class BillingViewTest extends AppTestSupport {

    private BillingTestAccess billingTest;

    @org.junit.jupiter.api.BeforeEach
    void billingAccess() {
        billingTest = new BillingTestAccess(context);
        ensureOwner(); // another test class may have reset the accounts
    }

    @AfterEach
    void resetBilling() {
        billingTest.reset();
        dsl.deleteFrom(BILLING_ACCOUNTS).where(BILLING_ACCOUNTS.ORGANIZATION_ID.eq(ownersOrganization())).execute();
    }

    private BillingView open(String... query) {
        startUi();
        UI.getCurrent().navigate("settings/billing", query.length == 0 ? QueryParameters.empty()
                : QueryParameters.simple(java.util.Map.of(query[0], query[1])));
        return _get(BillingView.class);
    }

    private static String text(BillingView view) {
        return view.getElement().getTextRecursively();
    }

    private static List<String> buttons(BillingView view) {
        return _find(view, Button.class).stream().filter(Button::isVisible).map(Button::getText).toList();
    }

    @Test
    void without_stripe_the_page_says_so_and_still_shows_usage_bars_and_limits() {
        signInAsOwner();
        var view = open();

        assertThat(text(view)).contains("Stripe billing is not configured", "Plan: Free");
        assertThat(_find(view.bars, UsageBar.class)).hasSize(5);
        assertThat(text(view)).contains("/ 60 min", "(hard limit)");
        assertThat(buttons(view)).noneMatch(b -> b.startsWith("Upgrade") || b.equals("Manage payment methods"));
    }

    @Test
    void an_owner_with_stripe_gets_upgrade_buttons_payment_and_invoices() {
        billingTest.useStripeStub();
        billingTest.subscribe(ownersOrganization(), "pro");
        signInAsOwner();
        var view = open();

        assertThat(text(view)).doesNotContain("not configured").contains("Plan: Pro", "Payment status: active");
        assertThat(buttons(view)).contains("Downgrade to Free", "Upgrade to Business", "Manage payment methods");
        assertThat(view.invoices.getGenericDataView().getItems().map(i -> i.number()).toList())
                .containsExactly("VCX-0003", "VCX-0002");
        assertThat(view.nextInvoices.isVisible()).isTrue();

        _click(view.nextInvoices);
        assertThat(view.invoices.getGenericDataView().getItems().map(i -> i.number()).toList()).containsExactly("VCX-0001");
        assertThat(view.nextInvoices.isVisible()).as("the last page").isFalse();
    }

    @Test
    void an_admin_sees_plans_and_invoices_but_changes_nothing() {
        billingTest.useStripeStub();
        billingTest.subscribe(ownersOrganization(), "pro");
        signInWithRole(Role.ADMIN);
        var view = open();

        assertThat(_find(view.planCards, com.vaadin.flow.component.html.Div.class)).isNotEmpty();
        assertThat(buttons(view)).noneMatch(b -> b.startsWith("Upgrade") || b.startsWith("Downgrade")
                || b.equals("Manage payment methods"));
        assertThat(view.invoices.isAttached()).isTrue();
    }

    @Test
    void members_and_viewers_see_only_the_usage_bars() {
        billingTest.useStripeStub();
        for (var role : List.of(Role.MEMBER, Role.VIEWER)) {
            signInWithRole(role);
            var view = open();
            assertThat(_find(view.bars, UsageBar.class)).hasSize(5);
            assertThat(view.planCards.isAttached()).as(role.name()).isFalse();
            assertThat(view.invoices.isAttached()).isFalse();
            assertThat(text(view)).doesNotContain("Payment status");
            com.github.mvysny.kaributesting.v10.MockVaadin.tearDown();
        }
    }

    @Test
    void the_past_due_banner_shows_after_a_failed_payment() {
        billingTest.useStripeStub();
        billingTest.subscribe(ownersOrganization(), "pro");
        billingTest.pastDue(ownersOrganization());
        signInAsOwner();

        assertThat(text(open())).contains("Your last payment failed");
    }

    @Test
    void after_the_grace_period_the_banner_says_the_free_limits_apply_and_the_bars_measure_against_them() {
        billingTest.useStripeStub();
        billingTest.subscribe(ownersOrganization(), "pro");
        billingTest.pastDueSince(ownersOrganization(), java.time.OffsetDateTime.now().minusDays(8)); // grace: 7 days
        signInAsOwner();
        var view = open();

        assertThat(text(view)).contains("the grace period has ended: the Free plan's limits apply", "Plan: Free",
                "Payment status: past due").doesNotContain("Your last payment failed");
        assertThat(_find(view.bars, UsageBar.class).getFirst().getElement().getTextRecursively()).contains("/ 60 min");
        assertThat(_find(view.notices, com.vaadin.flow.component.html.Div.class).stream()
                .filter(notice -> notice.hasClassName("vx-past-due-banner"))
                .map(notice -> notice.getElement().getAttribute("role"))).containsExactly("alert");
    }

    /** Where the page sent the browser (Page.setLocation runs window.open(url, '_self')). */
    private static List<String> locationsOpened() {
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .filter(js -> js.getInvocation().getExpression().contains("window.open"))
                .map(js -> String.valueOf(js.getInvocation().getParameters().getFirst())).toList();
    }

    /** Follows a return URL Stripe was given back to this page, query included. */
    private BillingView returnTo(String url) {
        var uri = java.net.URI.create(url);
        assertThat(uri.getPath()).endsWith("/settings/billing");
        com.github.mvysny.kaributesting.v10.MockVaadin.tearDown();
        return open(uri.getQuery().split("=")[0], uri.getQuery().split("=")[1]);
    }

    @Test
    void upgrading_goes_to_the_checkout_page_stripe_made_and_the_way_back_shows_a_success_notice() {
        billingTest.useStripeStub();
        signInAsOwner();
        var view = open();
        locationsOpened();

        _click(_get(view, Button.class, spec -> spec.withText("Upgrade to Pro")));

        assertThat(locationsOpened()).containsExactly("https://checkout.stripe.com/c/pay/cs_test_a1");
        assertThat(billingTest.lastStripeForm("POST", "/v1/checkout/sessions", "line_items[0][price]")).isEqualTo("price_test_pro");
        String success = billingTest.lastStripeForm("POST", "/v1/checkout/sessions", "success_url");
        assertThat(success).endsWith("/settings/billing?checkout=success");
        var back = returnTo(success);
        assertThat(_find(back.notices, com.vaadin.flow.component.html.Div.class).stream()
                .map(d -> d.getElement().getTextRecursively()))
                .anyMatch(notice -> notice.contains("Thank you: your subscription is set up"));
        assertThat(text(returnTo(billingTest.lastStripeForm("POST", "/v1/checkout/sessions", "cancel_url"))))
                .doesNotContain("Thank you");
    }

    @Test
    void manage_payment_goes_to_the_portal_stripe_made_and_the_way_back_says_the_details_were_saved() {
        billingTest.useStripeStub();
        billingTest.subscribe(ownersOrganization(), "pro");
        signInAsOwner();
        var view = open();
        locationsOpened();

        _click(view.managePayment);

        assertThat(locationsOpened()).containsExactly("https://billing.stripe.com/p/session/test_1");
        String back = billingTest.lastStripeForm("POST", "/v1/billing_portal/sessions", "return_url");
        assertThat(text(returnTo(back))).contains("Your payment details were saved in Stripe.");
    }

    @Test
    void a_downgrade_below_current_usage_opens_a_preview_saying_what_must_go_first() {
        billingTest.useStripeStub();
        billingTest.subscribe(ownersOrganization(), "pro");
        billingTest.use(ownersOrganization(), "storage_gb_hours", 9000); // Free: 7,200 GB-h, a hard limit
        signInAsOwner();
        var view = open();

        _click(_get(view, Button.class, spec -> spec.withText("Downgrade to Free")));

        var dialog = _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class);
        assertThat(dialog.getElement().getProperty("message")).startsWith("First: Storage: 9000 GB-h used this period")
                .contains("Delete videos");
        assertThat(dialog.getElement().getProperty("confirmText")).isEqualTo("Close");
    }

    @Test
    void returning_from_checkout_shows_a_success_notice() {
        billingTest.useStripeStub();
        signInAsOwner();

        assertThat(text(open("checkout", "success"))).contains("your subscription is set up");
    }

    @Test
    void bars_turn_amber_at_80_percent_and_red_at_100_percent() {
        signInAsOwner();
        billingTest.use(ownersOrganization(), "encoding_minutes", 50);
        billingTest.use(ownersOrganization(), "ai_minutes", 70);
        var bars = _find(open().bars, UsageBar.class);

        var encoding = bars.getFirst();
        assertThat(encoding.state.getText()).isEqualTo("Over 80% used");
        var ai = bars.getLast();
        assertThat(ai.state.getText()).isEqualTo("Included amount used up");
        assertThat(ai.bar.getThemeNames()).contains("error");
    }
}
