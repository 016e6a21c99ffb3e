package io.vidcastx.webhooks.ui;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import io.vidcastx.db.ids.WebhookDeliveryId;
import io.vidcastx.db.ids.WebhookEndpointId;
import io.vidcastx.security.Caller;
import io.vidcastx.webhooks.DeliveryStatus;
import io.vidcastx.webhooks.WebhookAttempt;
import io.vidcastx.webhooks.WebhookService;

/**
 * An endpoint's recent delivery attempts, newest first and loaded page by page: event, response
 * (status code or error), latency, the start of the response body and the next retry; Admins can
 * resend a finished delivery.
 */
final class DeliveryLog extends Grid<WebhookAttempt> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM, HH:mm:ss", Locale.ENGLISH);

    /**
     * @param reader who reads, resolved at every page fetch: empty once they are no longer a member of
     *               the endpoint's organization, and then the log shows nothing
     */
    DeliveryLog(WebhookService webhooks, Supplier<Optional<Caller>> reader, WebhookEndpointId endpoint, boolean mayResend,
                Consumer<WebhookDeliveryId> resend) {
        super(WebhookAttempt.class, false);
        addColumn(attempt -> when(attempt.attemptedAt())).setKey("time").setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        addColumn(WebhookAttempt::eventType).setKey("event").setHeader("Event").setAutoWidth(true);
        addColumn(WebhookAttempt::attempt).setKey("attempt").setHeader("Attempt").setAutoWidth(true).setFlexGrow(0);
        addColumn(DeliveryLog::response).setKey("response").setHeader("Response").setAutoWidth(true);
        addColumn(attempt -> attempt.latencyMillis() + " ms").setKey("latency").setHeader("Latency").setAutoWidth(true).setFlexGrow(0);
        addColumn(attempt -> attempt.responseExcerpt() == null ? "" : attempt.responseExcerpt())
                .setKey("excerpt").setHeader("Response body").setFlexGrow(2).setTooltipGenerator(attempt ->
                        attempt.responseExcerpt() == null ? "" : attempt.responseExcerpt());
        addColumn(attempt -> attempt.nextRetryAt() == null ? "" : when(attempt.nextRetryAt()))
                .setKey("next").setHeader("Next retry").setAutoWidth(true).setFlexGrow(0);
        if (mayResend) {
            addComponentColumn(attempt -> resendButton(attempt, resend)).setKey("resend").setAutoWidth(true).setFlexGrow(0);
        }
        addThemeVariants(GridVariant.LUMO_COMPACT);
        setEmptyStateText("Nothing sent yet. Use \"Send test event\" to try the endpoint.");
        setItems(query -> reader.get().map(caller -> webhooks.attempts(caller, endpoint, query.getOffset(), query.getLimit()))
                        .orElse(List.of()).stream(),
                query -> reader.get().map(caller -> webhooks.countAttempts(caller, endpoint)).orElse(0));
    }

    static String response(WebhookAttempt attempt) {
        if (attempt.statusCode() != null) {
            return attempt.error() == null ? "HTTP " + attempt.statusCode() : attempt.error();
        }
        return attempt.error() == null ? "" : attempt.error();
    }

    private static Component resendButton(WebhookAttempt attempt, Consumer<WebhookDeliveryId> resend) {
        // On the latest attempt of a finished delivery only: one button per delivery, none while it is being tried
        // (a delivery cut short because its endpoint was disabled finishes without a new attempt row).
        if (attempt.deliveryStatus() == DeliveryStatus.PENDING || !attempt.latest()) {
            return new Span();
        }
        var button = new Button("Resend", click -> resend.accept(attempt.deliveryId()));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return button;
    }

    private static String when(OffsetDateTime time) {
        return WHEN.format(time.atZoneSameInstant(ZoneId.systemDefault()));
    }
}
