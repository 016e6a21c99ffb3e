package io.vidcastx.core.queue;

/**
 * A named queue and the payload type its jobs carry. Payloads travel as JSON in the job's
 * PostgreSQL row; Redis only carries the job's id.
 */
public record QueueDefinition<T>(String name, Class<T> payloadType) {

    public QueueDefinition {
        if (!name.matches("[a-z][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("Queue names are lower-case words joined by '-': " + name);
        }
    }

    /** The Redis stream that carries this queue's dispatches. */
    String streamKey() {
        return "vidcastx:queue:" + name;
    }
}
