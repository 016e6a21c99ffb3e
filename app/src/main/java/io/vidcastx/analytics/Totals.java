package io.vidcastx.analytics;

/**
 * Sums over rollup rows, and the metrics derived from them (Mux Data's definitions where it has one).
 * Unique viewers are the one figure that does not add up across buckets: the repository counts them
 * distinct over the raw views of the whole range (ADR 0026), so a viewer who returns counts once.
 */
public record Totals(long views, long uniqueViewers, long watchTimeMs, long playingTimeMs, long startupTimeMsSum,
                     long startedViews, long rebufferMs, long failedViews, long exitsBeforeStart) {

    public static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Mean time from play request to first frame, ms; 0 with no started view. */
    public double startupTimeMs() {
        return startedViews == 0 ? 0 : (double) startupTimeMsSum / startedViews;
    }

    /** Share of watch time spent rebuffering (0..1). */
    public double rebufferRatio() {
        return watchTimeMs == 0 ? 0 : Math.min(1, (double) rebufferMs / watchTimeMs);
    }

    /** Share of views that ended in a playback error (0..1). */
    public double failureRatio() {
        return views == 0 ? 0 : (double) failedViews / views;
    }

    /**
     * The experience score (0..1): 1 for views that all start within 2 s, never rebuffer and never
     * fail. Failures take away their share; every 1 % of time rebuffering takes away 5 %; startup
     * beyond 2 s scales the score down by 2 s / startup (4 s halves it).
     */
    public double experienceScore() {
        if (views == 0) {
            return 0;
        }
        double startup = startupTimeMs() <= 2000 ? 1 : 2000 / startupTimeMs();
        return (1 - failureRatio()) * Math.max(0, 1 - 5 * rebufferRatio()) * startup;
    }
}
