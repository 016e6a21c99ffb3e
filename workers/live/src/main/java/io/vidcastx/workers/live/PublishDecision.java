package io.vidcastx.workers.live;

/** A {@link PublishAuthorizer}'s answer. */
public sealed interface PublishDecision {

    /**
     * @param streamId the live stream's id: safe to log and to use in paths (letters, digits, '-'
     *                 and '_', at most 64), never derived from the key
     */
    record Accepted(String streamId) implements PublishDecision {

        public Accepted {
            if (!streamId.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new IllegalArgumentException("A stream id must be 1-64 letters, digits, '-' or '_'");
            }
        }
    }

    /** @param reason why (for the node's log; the publisher only learns that the key was refused) */
    record Refused(String reason) implements PublishDecision {
    }

    static PublishDecision accept(String streamId) {
        return new Accepted(streamId);
    }

    static PublishDecision refuse(String reason) {
        return new Refused(reason);
    }
}
