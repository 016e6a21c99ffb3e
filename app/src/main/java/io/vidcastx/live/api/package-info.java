/** Mux's live-streams API, {@code /video/v1/live-streams}. */
@NullMarked
package io.vidcastx.live.api;

import org.jspecify.annotations.NullMarked;
