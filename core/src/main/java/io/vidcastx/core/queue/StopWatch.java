package io.vidcastx.core.queue;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Tells long work (an FFmpeg run, a transcription) to stop when its job is taken from this worker,
 * or when what it works on is gone (a deleted video). The second question costs a query, so it is
 * asked at most once per {@code interval}; once gone, always gone.
 */
public final class StopWatch implements BooleanSupplier {

    private final JobContext context;
    private final BooleanSupplier gone;
    private final long intervalNanos;
    private long nextCheck = System.nanoTime();
    private boolean stopped;

    public StopWatch(JobContext context, BooleanSupplier gone, Duration interval) {
        this.context = context;
        this.gone = gone;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public boolean getAsBoolean() {
        if (context.isCancelled() || stopped) {
            return true;
        }
        if (System.nanoTime() - nextCheck >= 0) {
            nextCheck = System.nanoTime() + intervalNanos;
            stopped = gone.getAsBoolean();
        }
        return stopped;
    }
}
