/** Mux Data's API shape under {@code /data/v1}: metrics overall, breakdown and timeseries, and video views. */
@NullMarked
package io.vidcastx.analytics.api;

import org.jspecify.annotations.NullMarked;
