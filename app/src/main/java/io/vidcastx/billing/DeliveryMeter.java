package io.vidcastx.billing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivery minutes from served HLS segment bytes: bytes × 8 / the rendition's average bitrate. Counting
 * is in memory per (video, rendition) so a segment request costs no database write; once a minute the
 * counts become usage records (one per organization, keyed by this node and the flush), so at most the
 * last minute of one node is lost if it dies. Where an organization's players report views to analytics,
 * {@link DeliverySettler} replaces each settled hour of this estimate with the hour's watch time.
 */
@Component
public class DeliveryMeter {

    private static final Logger log = LoggerFactory.getLogger(DeliveryMeter.class);
    /** Used when a rendition's bitrate is unknown (old rows): a 720p-like 2.5 Mbit/s. */
    static final long FALLBACK_BITS_PER_SECOND = 2_500_000;

    private record Served(OrganizationId organizationId, VideoId videoId, String rendition) {
    }

    private final Map<Served, LongAdder> pending = new ConcurrentHashMap<>();
    private final BillingRepository billing;
    private final UsageService usage;
    private final String node = UUID.randomUUID().toString();

    DeliveryMeter(BillingRepository billing, UsageService usage) {
        this.billing = billing;
        this.usage = usage;
    }

    public void segmentServed(OrganizationId organizationId, VideoId videoId, String rendition, long bytes) {
        if (bytes > 0) {
            pending.computeIfAbsent(new Served(organizationId, videoId, rendition), key -> new LongAdder()).add(bytes);
        }
    }

    @Scheduled(fixedDelayString = "${vidcastx.billing.delivery-flush-interval:1m}", initialDelayString = "1m")
    void scheduledFlush() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Delivery minutes could not be recorded; they are counted again at the next flush", e);
        }
    }

    /** @return organizations recorded */
    int flush() {
        var minutes = new java.util.HashMap<OrganizationId, Double>();
        for (var served : pending.keySet()) {
            var counter = pending.remove(served);
            if (counter == null) {
                continue;
            }
            long bytes = counter.sum();
            try {
                long bps = billing.renditionBitrate(served.videoId(), served.rendition()).orElse(FALLBACK_BITS_PER_SECOND);
                minutes.merge(served.organizationId(), bytes * 8.0 / Math.max(1, bps) / 60.0, Double::sum);
            } catch (RuntimeException e) {
                segmentServed(served.organizationId(), served.videoId(), served.rendition(), bytes); // next time
                throw e;
            }
        }
        String flushKey = node + ":" + Instant.now();
        minutes.forEach((organization, amount) -> {
            try {
                usage.recordDeliveryMinutes(organization, flushKey, amount);
            } catch (org.springframework.dao.DataIntegrityViolationException e) {
                // The organization was deleted after its segments were served: there is no one left to bill,
                // and one such organization must not stop the others' minutes from being recorded.
                log.debug("Delivery minutes of deleted organization {} dropped", organization);
            }
        });
        return minutes.size();
    }
}
