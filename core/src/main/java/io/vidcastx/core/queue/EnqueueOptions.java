package io.vidcastx.core.queue;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How to enqueue a job.
 *
 * @param delay       run no sooner than this from now (zero: at once)
 * @param maxAttempts attempts before the job is marked failed; null takes {@code vidcastx.queue.max-attempts}
 */
public record EnqueueOptions(Duration delay, @Nullable Integer maxAttempts) {

    public static final EnqueueOptions DEFAULT = new EnqueueOptions(Duration.ZERO, null);

    public EnqueueOptions {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        if (maxAttempts != null && maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public static EnqueueOptions delayed(Duration delay) {
        return new EnqueueOptions(delay, null);
    }

    public EnqueueOptions withMaxAttempts(int attempts) {
        return new EnqueueOptions(delay, attempts);
    }
}
