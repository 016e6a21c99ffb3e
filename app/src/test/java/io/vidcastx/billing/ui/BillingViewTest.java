package io.vidcastx.billing.ui;

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
