package io.vidcastx.workers.live.streams;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live streams on an ingest node ({@code vidcastx.live.streams.*}).
 *
 * @param maxPerOrganization live streams of one organization publishing at once, over all nodes
 * @param lease              how long a session stays "connected" without its node renewing it; a node
 *                           that dies leaves the stream idle after this plus the reconnect window
 * @param sweepInterval      how often every node renews its leases and ends expired sessions
 */
@ConfigurationProperties("vidcastx.live.streams")
public record LiveStreamsProperties(
        @DefaultValue("5") int maxPerOrganization,
        @DefaultValue("15s") Duration lease,
        @DefaultValue("5s") Duration sweepInterval) {
}
