package io.vidcastx.workers.live;

/**
 * Checks a stream key at {@code publish}: an enabled live stream's key is accepted with its id,
 * anything else is refused. The ingest node itself refuses a second publisher on a stream that is
 * already live and publishers beyond its own limit, before or after asking.
 *
 * <p>Called on the publisher's connection thread (a virtual thread), so it may block on a database.
 */
@FunctionalInterface
public interface PublishAuthorizer {

    PublishDecision authorize(PublishAttempt attempt);
}
