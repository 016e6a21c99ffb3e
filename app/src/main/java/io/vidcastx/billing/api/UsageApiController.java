package io.vidcastx.billing.api;

import java.util.LinkedHashMap;
import java.util.Map;

import io.vidcastx.billing.UsageService;
import io.vidcastx.billing.UsageSummary;
import io.vidcastx.security.CallerResolver;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /system/v1/usage}: the API key's organization's usage this period against its plan. */
@RestController
class UsageApiController {

    private final UsageService usage;
    private final CallerResolver callers;

    UsageApiController(UsageService usage, CallerResolver callers) {
        this.usage = usage;
        this.callers = callers;
    }

    @GetMapping(path = "/system/v1/usage", produces = "application/json")
    Map<String, Object> usage() {
        var summary = usage.usage(callers.signedIn());
        var data = new LinkedHashMap<String, Object>();
        data.put("plan", summary.planId());
        data.put("subscribed_plan", summary.subscribedPlanId());
        data.put("period_start", summary.period().start().toString());
        data.put("period_end", summary.period().end().toString());
        data.put("payment_status", summary.account().paymentStatus());
        data.put("metrics", summary.metrics().stream().map(UsageApiController::metric).toList());
        return Map.of("data", data);
    }

    private static Map<String, Object> metric(UsageSummary.MetricUsage usage) {
        var json = new LinkedHashMap<String, Object>();
        json.put("metric", usage.metric().dbValue());
        json.put("unit", usage.metric().unit());
        json.put("used", round(usage.used()));
        json.put("included", usage.included());
        json.put("limit", usage.included() == null ? "none" : usage.hard() ? "hard" : "soft");
        json.put("percent", round(usage.percent()));
        return json;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

}
