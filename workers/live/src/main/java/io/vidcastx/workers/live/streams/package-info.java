/**
 * The ingest node's side of live streams in the database: the {@code PublishAuthorizer} that checks keys
 * and limits, the live sessions with their leases and reconnect window, the events with Mux's names, and
 * the recordings handed to the transcode pipeline (ADR 0018).
 */
@NullMarked
package io.vidcastx.workers.live.streams;

import org.jspecify.annotations.NullMarked;
