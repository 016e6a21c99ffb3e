package io.vidcastx.billing;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import io.vidcastx.analytics.AnalyticsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery minutes from analytics watch time where an organization's players report views, else from
 * served segment bytes ({@link DeliveryMeter}). Bytes are counted as segments are served, so usage is
 * current; once an hour has settled (its views stopped reporting, {@code vidcastx.billing.delivery-settle-after}),
 * an organization with watch time in that hour is charged the watch time instead, and its byte
 * estimate of that hour is dropped in the same transaction. The hour is in the record's key: settling
 * again (a second node, a later run) changes nothing.
 */
@Component
class DeliverySettler {

    private static final Logger log = LoggerFactory.getLogger(DeliverySettler.class);
    /** How far back a run looks for hours not settled yet (runs missed while every node was down). */
    static final Duration LOOKBACK = Duration.ofHours(6);

    private final AnalyticsService analytics;
    private final BillingRepository billing;
    private final BillingProperties properties;
    private final TransactionTemplate transactions;

    DeliverySettler(AnalyticsService analytics, BillingRepository billing, BillingProperties properties,
                    TransactionTemplate transactions) {
        this.analytics = analytics;
        this.billing = billing;
        this.properties = properties;
        this.transactions = transactions;
    }

    @Scheduled(cron = "${vidcastx.billing.delivery-settle-cron:0 5 * * * *}", zone = "UTC")
    void hourly() {
        try {
            settle(OffsetDateTime.now(ZoneOffset.UTC));
        } catch (RuntimeException e) {
            log.warn("Delivery minutes could not be settled from watch time; the next run tries again", e);
        }
    }

    /** @return organization-hours newly charged by watch time */
    int settle(OffsetDateTime now) {
        // The latest hour that ended at least the settle delay ago, and the few before it.
        var latest = now.minus(properties.deliverySettleAfter()).minusHours(1).truncatedTo(ChronoUnit.HOURS);
        var watched = analytics.watchTimeByHour(latest.minus(LOOKBACK).plusHours(1).toInstant(),
                latest.plusHours(1).toInstant()).stream()
                .map(hour -> new BillingRepository.WatchedHour(hour.organizationId(), hour.hour().atOffset(ZoneOffset.UTC),
                        hour.watchTimeMs() / 60_000.0))
                .toList();
        Integer settled = transactions.execute(status -> billing.chargeWatchTime(watched));
        return settled == null ? 0 : settled;
    }
}
