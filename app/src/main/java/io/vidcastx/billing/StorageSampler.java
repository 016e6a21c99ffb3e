package io.vidcastx.billing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Samples storage once an hour: each organization is charged one GB-hour per GB its videos hold
 * (sources, renditions, MP4s, captions) at the sample. Every app node runs the schedule; a
 * PostgreSQL advisory lock lets one of them sample, and the hour in the record's key makes a
 * repeated sample of the same hour (a restart, a second node after the first finished) add nothing.
 * Deleted videos have no row, so they stop counting at the next sample.
 */
@Component
class StorageSampler {

    private static final Logger log = LoggerFactory.getLogger(StorageSampler.class);
    /** An arbitrary, fixed advisory-lock key for "storage sampling" ('VCXSTORE'). */
    static final long LOCK_KEY = 0x5643585354524545L;

    private final BillingRepository billing;
    private final UsageService usage;
    private final TransactionTemplate transactions;

    StorageSampler(BillingRepository billing, UsageService usage, TransactionTemplate transactions) {
        this.billing = billing;
        this.usage = usage;
        this.transactions = transactions;
    }

    @Scheduled(cron = "${vidcastx.billing.storage-sample-cron:0 1 * * * *}", zone = "UTC")
    void hourly() {
        try {
            int sampled = sample(OffsetDateTime.now(ZoneOffset.UTC));
            if (sampled >= 0) {
                usage.checkAllThresholds();
            }
        } catch (RuntimeException e) {
            log.warn("Storage sampling failed; the next hour samples again", e);
        }
    }

    /**
     * Records the storage of the hour containing {@code at}.
     *
     * @return organizations charged (0 when the hour was sampled before), or -1 when another node is sampling
     */
    int sample(OffsetDateTime at) {
        var hour = at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
        Integer sampled = transactions.execute(status -> billing.sampleStorage("storage:" + hour, 1.0, LOCK_KEY));
        return sampled == null ? -1 : sampled;
    }
}
