package io.vidcastx.webhooks.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static io.vidcastx.db.jooq.Tables.WEBHOOK_ENDPOINTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import io.vidcastx.AppTestSupport;
import io.vidcastx.accounts.Role;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.security.Caller;
import io.vidcastx.security.CallerResolver;
import io.vidcastx.testing.TestData;
import io.vidcastx.webhooks.WebhookEndpoint;
import io.vidcastx.webhooks.WebhookReceiver;
import io.vidcastx.webhooks.WebhookReceiver.Reply;
import io.vidcastx.webhooks.WebhookService;
import io.vidcastx.webhooks.WebhookService.EndpointSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

class WebhooksViewTest extends AppTestSupport {

    @Autowired
    WebhookService webhooks;
    @Autowired
    CallerResolver callers;

    private Caller owner;

    @BeforeEach
    void noEndpoints() {
        ensureOwner();
        dsl.deleteFrom(WEBHOOK_ENDPOINTS).execute();
        OrganizationId organization = ownersOrganization();
        owner = new Caller(organization, null, null, Role.OWNER);
    }

    private WebhooksView openList() {
        startUi();
        UI.getCurrent().navigate("developers/webhooks");
        return _get(WebhooksView.class);
    }

    private WebhookEndpointView openEndpoint(WebhookEndpoint endpoint) {
        UI.getCurrent().navigate("developers/webhooks/endpoint/" + endpoint.id());
        return _get(WebhookEndpointView.class);
    }

    @Test
    void an_owner_adds_an_endpoint_with_the_events_it_chose() {
        signInAsOwner();
        var view = openList();

        _click(view.addEndpoint);
        var dialog = _get(EndpointDialog.class);
        _setValue(dialog.url, "https://hooks.example.com/vidcastx");
        _setValue(dialog.description, "Production backend");
        _setValue(dialog.events, Set.of("video.asset.ready", "video.upload.asset_created"));
        _click(dialog.saveButton);

        var endpointView = _get(WebhookEndpointView.class);
        assertThat(endpointView.url.getText()).isEqualTo("https://hooks.example.com/vidcastx");
        var stored = webhooks.endpoints(owner);
        assertThat(stored).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.description()).isEqualTo("Production backend");
            assertThat(endpoint.eventTypes()).containsExactly("video.asset.ready", "video.upload.asset_created");
            assertThat(endpoint.enabled()).isTrue();
        });
        // The secret is stored encrypted, never as itself.
        _click(endpointView.revealSecret);
        String secret = endpointView.secret.getValue();
        assertThat(secret).startsWith("whsec_");
        assertThat(dsl.selectFrom(WEBHOOK_ENDPOINTS).fetchSingle().intoList()).noneMatch(value -> value != null
                && value.toString().contains(secret.substring(6)));

        UI.getCurrent().navigate("developers/webhooks");
        var list = _get(WebhooksView.class);
        assertThat(GridKt._size(list.endpoints)).isEqualTo(1);
        assertThat(WebhooksView.events(GridKt._get(list.endpoints, 0))).isEqualTo("video.asset.ready, video.upload.asset_created");
    }

    @Test
    void an_invalid_endpoint_is_explained_on_its_field_and_not_saved() {
        signInAsOwner();
        var view = openList();

        _click(view.addEndpoint);
        var dialog = _get(EndpointDialog.class);
        _setValue(dialog.url, "http://hooks.example.com/vidcastx");
        _setValue(dialog.events, Set.of("video.asset.ready"));
        _click(dialog.saveButton);
        assertThat(dialog.url.isInvalid()).isTrue();
        assertThat(dialog.url.getErrorMessage()).contains("must use https://");

        _setValue(dialog.url, "https://hooks.example.com/vidcastx");
        _setValue(dialog.events, Set.of());
        _click(dialog.saveButton);
        assertThat(dialog.events.isInvalid()).isTrue();
        assertThat(dialog.events.getErrorMessage()).isEqualTo("Choose at least one event");

        _setValue(dialog.allEvents, true);
        assertThat(dialog.events.getValue()).hasSize(io.vidcastx.webhooks.WebhookEventTypes.ALL.size());
        assertThat(webhooks.endpoints(owner)).isEmpty();
    }

    @Test
    void the_log_shows_each_attempt_and_a_finished_delivery_can_be_resent() throws Exception {
        try (var receiver = new WebhookReceiver(Reply.status(500), Reply.status(200))) {
            var endpoint = webhooks.create(owner, new EndpointSettings(receiver.url("/log"), "", Set.of("video.asset.ready")));
            signInAsOwner();
            startUi();
            var view = openEndpoint(endpoint);

            _click(view.sendTest);
            await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.countAttempts(owner, endpoint.id()) == 2);
            _click(view.refreshLog);

            var log = view.log;
            assertThat(GridKt._size(log)).isEqualTo(2);
            var latest = GridKt._get(log, 0);
            var first = GridKt._get(log, 1);
            assertThat(latest.eventType()).isEqualTo("webhook.test");
            assertThat(DeliveryLog.response(latest)).isEqualTo("HTTP 200");
            assertThat(latest.nextRetryAt()).isNull();
            assertThat(DeliveryLog.response(first)).isEqualTo("HTTP 500");
            assertThat(first.responseExcerpt()).isEqualTo("status 500");
            assertThat(first.nextRetryAt()).isNotNull();
            assertThat(first.latencyMillis()).isGreaterThanOrEqualTo(0);
            assertThat(GridKt._getFormatted(log, 1, "next")).isNotEmpty();

            _click((Button) GridKt._getCellComponent(log, 0, "resend"));
            await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.countAttempts(owner, endpoint.id()) == 3);
            _click(view.refreshLog);
            assertThat(GridKt._size(log)).isEqualTo(3);
            assertThat(receiver.received()).hasSize(3).extracting(r -> r.header("webhook-id"))
                    .containsOnly(receiver.received().getFirst().header("webhook-id"));
        }
    }

    @Test
    void a_member_sees_endpoints_and_their_log_but_changes_nothing() {
        var endpoint = webhooks.create(owner, new EndpointSettings("https://hooks.example.com/a", "", Set.of("video.asset.ready")));
        signInWithRole(Role.MEMBER);
        var view = openList();

        assertThat(GridKt._size(view.endpoints)).isEqualTo(1);
        assertThat(view.addEndpoint.isVisible()).isFalse();
        var endpointView = openEndpoint(endpoint);
        assertThat(endpointView.edit.getParent().orElseThrow().isVisible()).isFalse();
        assertThat(endpointView.log.getColumnByKey("resend")).isNull();
        var member = callers.current().orElseThrow();
        assertThatThrownBy(() -> webhooks.create(member, new EndpointSettings("https://x.example.com", "", Set.of("video.asset.ready"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> webhooks.signingSecret(member, endpoint.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> webhooks.setEnabled(member, endpoint.id(), false)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_dashboard_tells_the_organization_about_an_endpoint_vidcastx_disabled() {
        var endpoint = webhooks.create(owner, new EndpointSettings("https://hooks.example.com/gone", "", Set.of("video.asset.ready")));
        dsl.update(WEBHOOK_ENDPOINTS).set(WEBHOOK_ENDPOINTS.ENABLED, false).set(WEBHOOK_ENDPOINTS.DISABLED_REASON, "gone")
                .set(WEBHOOK_ENDPOINTS.DISABLED_AT, java.time.OffsetDateTime.now()).execute();
        signInWithRole(Role.VIEWER);
        startUi();

        UI.getCurrent().navigate("videos");
        var notice = _get(Anchor.class, spec -> spec.withClasses("dashboard-notice"));
        assertThat(notice.getText()).contains("https://hooks.example.com/gone").contains("410 Gone");
        assertThat(notice.getHref()).isEqualTo("developers/webhooks/endpoint/" + endpoint.id());

        webhooks.setEnabled(owner, endpoint.id(), true);
        UI.getCurrent().navigate("");
        assertThat(_find(Anchor.class, spec -> spec.withClasses("dashboard-notice"))).isEmpty();
    }

    @Test
    void a_member_removed_after_opening_an_endpoint_gets_no_more_of_its_delivery_log() throws Exception {
        try (var receiver = new WebhookReceiver(Reply.status(200))) {
            var endpoint = webhooks.create(owner, new EndpointSettings(receiver.url("/gone"), "", Set.of("video.asset.ready")));
            webhooks.sendTestEvent(owner, endpoint.id());
            await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.countAttempts(owner, endpoint.id()) == 1);
            signInWithRole(Role.VIEWER);
            startUi();
            var view = openEndpoint(endpoint);
            assertThat(GridKt._size(view.log)).isEqualTo(1);

            var restore = TestData.removeMembership(dsl, "viewer@example.com");
            try {
                webhooks.sendTestEvent(owner, endpoint.id());
                await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.countAttempts(owner, endpoint.id()) == 2);
                view.log.getDataProvider().refreshAll();

                assertThat(GridKt._size(view.log)).isZero();
            } finally {
                restore.run();
            }
        }
    }
}
