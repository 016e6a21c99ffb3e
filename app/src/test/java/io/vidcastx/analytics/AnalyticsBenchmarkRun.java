package io.vidcastx.analytics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs {@link AnalyticsBenchmark} inside Surefire for {@code bench/analytics/run.sh}: Surefire already
 * knows the module's test classpath, which offline build machines cannot otherwise get (the
 * dependency plugin's own dependencies are not in their cache). Not a test: its name is outside
 * Surefire's patterns, and it runs only when named and asked for ({@code -Dvidcastx.bench=analytics}).
 */
class AnalyticsBenchmarkRun {

    @Test
    @EnabledIfSystemProperty(named = "vidcastx.bench", matches = "analytics")
    void run() throws Exception {
        AnalyticsBenchmark.main(new String[] {System.getProperty("vidcastx.bench.batches", "1000")});
    }
}
