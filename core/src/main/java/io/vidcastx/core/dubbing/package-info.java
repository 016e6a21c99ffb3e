/**
 * Dubbed audio tracks shared by the AI worker (which makes them) and the app (which asks for and
 * lists them): the track rows, the HLS audio group of the master playlist (ADR 0023), and the
 * track's Mux-shaped JSON.
 */
@NullMarked
package io.vidcastx.core.dubbing;

import org.jspecify.annotations.NullMarked;
