/**
 * Live streams (issue 14, ADR 0018): an organization's streams with their sealed stream keys, playback
 * IDs and recordings, as Mux's live-streams API and the dashboard see them. Publishing itself is the
 * live worker's ({@code workers/live}).
 */
@NullMarked
package io.vidcastx.live;

import org.jspecify.annotations.NullMarked;
