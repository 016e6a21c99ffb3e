/** Health probes and metrics: what an orchestrator and a Prometheus server ask the app. */
@NullMarked
package io.vidcastx.monitoring;

import org.jspecify.annotations.NullMarked;
