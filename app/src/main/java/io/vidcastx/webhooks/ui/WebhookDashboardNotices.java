package io.vidcastx.webhooks.ui;

import java.util.List;

import io.vidcastx.base.ui.DashboardNotices;
import io.vidcastx.security.CallerResolver;
import io.vidcastx.webhooks.WebhookEndpoint;
import io.vidcastx.webhooks.WebhookService;
import org.springframework.stereotype.Component;

/** Tells the whole organization, on every page, about endpoints Vidcastx disabled. */
@Component
class WebhookDashboardNotices implements DashboardNotices {

    private final WebhookService webhooks;
    private final CallerResolver callers;

    WebhookDashboardNotices(WebhookService webhooks, CallerResolver callers) {
        this.webhooks = webhooks;
        this.callers = callers;
    }

    @Override
    public List<Notice> current() {
        return callers.current()
                .map(caller -> webhooks.automaticallyDisabled(caller).stream().map(WebhookDashboardNotices::notice).toList())
                .orElse(List.of());
    }

    static String why(WebhookEndpoint endpoint) {
        return switch (endpoint.disabledReason()) {
            case GONE -> "it answered 410 Gone";
            case FAILING -> "every delivery to it failed for days";
            case MANUAL -> "turned off by hand";
            case null -> "";
        };
    }

    private static Notice notice(WebhookEndpoint endpoint) {
        return new Notice("Webhook endpoint " + endpoint.url() + " was disabled: " + why(endpoint) + ". Check it and enable it again.",
                "developers/webhooks/endpoint/" + endpoint.id());
    }
}
