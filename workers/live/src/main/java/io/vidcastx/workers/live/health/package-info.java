/**
 * What the ingest sees of a publisher's stream (bit rate, frame rate, picture size, frames missing
 * from its timeline) and the per-stream limits checked against it.
 */
@NullMarked
package io.vidcastx.workers.live.health;

import org.jspecify.annotations.NullMarked;
