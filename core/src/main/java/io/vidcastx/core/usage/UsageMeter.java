package io.vidcastx.core.usage;

import static io.vidcastx.db.jooq.Tables.USAGE_RECORDS;

import java.util.Collection;

import io.vidcastx.db.ids.OrganizationId;
import org.jooq.DSLContext;

/**
 * Records metered usage. Every record names the fact it measures ({@code sourceKey}); the same fact
 * recorded again (a job delivered twice, a sampler re-run after a crash) is ignored by the table's
 * unique key, so callers need no bookkeeping of their own. Call it inside the transaction that makes
 * the change being metered, so usage exists exactly when the change does.
 */
public class UsageMeter {

    /** Encoding weight of one rendition by its height: a 1080p rung costs twice a 480p one. */
    private static final double AUDIO_ONLY_WEIGHT = 0.1;

    private final DSLContext dsl;

    public UsageMeter(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** @return true when this is the first record of the fact, false when it was recorded before */
    public boolean record(OrganizationId organizationId, UsageMetric metric, String sourceKey, double quantity) {
        if (quantity < 0 || Double.isNaN(quantity) || Double.isInfinite(quantity)) {
            throw new IllegalArgumentException("Usage must be a finite, non-negative amount: " + quantity);
        }
        return dsl.insertInto(USAGE_RECORDS)
                .set(USAGE_RECORDS.ORGANIZATION_ID, organizationId)
                .set(USAGE_RECORDS.METRIC, metric.dbValue())
                .set(USAGE_RECORDS.SOURCE_KEY, sourceKey)
                .set(USAGE_RECORDS.QUANTITY, quantity)
                .onConflictDoNothing()
                .execute() == 1;
    }

    /**
     * Encoding minutes of a finished transcode: the source's minutes times the summed weight of the
     * renditions made (by height; 0 for an audio-only rendition's height).
     */
    public static double encodingMinutes(double durationSeconds, Collection<Integer> renditionHeights) {
        double weight = 0;
        for (int height : renditionHeights) {
            weight += renditionWeight(height);
        }
        return Math.max(0, durationSeconds) / 60.0 * weight;
    }

    static double renditionWeight(int height) {
        if (height <= 0) {
            return AUDIO_ONLY_WEIGHT;
        }
        if (height >= 1440) {
            return 2.0;
        }
        if (height >= 1080) {
            return 1.0;
        }
        if (height >= 720) {
            return 0.75;
        }
        return 0.5;
    }
}
