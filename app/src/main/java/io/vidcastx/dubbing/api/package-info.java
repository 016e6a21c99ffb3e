/** Mux's asset tracks API for dubbed audio: {@code /video/v1/assets/{id}/tracks}. */
@NullMarked
package io.vidcastx.dubbing.api;

import org.jspecify.annotations.NullMarked;
