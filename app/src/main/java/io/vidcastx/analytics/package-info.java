/**
 * Analytics: views reported by players in Mux Data's beacon format (the unmodified mux-embed SDK),
 * enriched at ingest, stored per view in day partitions, rolled up per hour and day, and read by the
 * dashboard and the {@code /data/v1} API (ADR 0021, 0022).
 */
@NullMarked
package io.vidcastx.analytics;

import org.jspecify.annotations.NullMarked;
