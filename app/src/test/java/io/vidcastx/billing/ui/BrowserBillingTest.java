package io.vidcastx.billing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.vidcastx.AppTestSupport;
import io.vidcastx.billing.BillingTestAccess;
import io.vidcastx.testing.NodeScripts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** The Billing page in Chromium with usage near a limit (screenshot in target/screenshots). */
class BrowserBillingTest extends AppTestSupport {

    @LocalServerPort
    int port;

    @Test
    void usage_near_a_limit_reads_and_looks_right_in_chromium() throws Exception {
        NodeScripts.assumeChromium();
        ensureOwner();
        var billing = new BillingTestAccess(context);
        try {
            billing.use(ownersOrganization(), "encoding_minutes", 52.5); // 88% of Free's 60
            billing.use(ownersOrganization(), "storage_gb_hours", 1200);
            billing.use(ownersOrganization(), "ai_minutes", 61);
            Path shots = Files.createDirectories(Path.of("target", "screenshots"));

            var result = NodeScripts.run("browser-billing.cjs", List.of("http://localhost:" + port, OWNER_EMAIL,
                    OWNER_PASSWORD, shots.toString()), 180);

            assertThat(result.exitCode()).as(result.stderr() + result.stdout()).isZero();
            var report = JsonMapper.builder().build().readTree(result.stdout());
            assertThat(report.get("bars").get(0).asString()).contains("Encoding", "52.5 / 60 min (88%)", "Over 80% used");
            assertThat(report.get("bars").get(4).asString()).contains("Included amount used up");
            assertThat(report.get("notice").get(0).asString()).contains("Stripe billing is not configured");
            assertThat(report.get("home").asString()).contains("52.5 / 60 min", "88% of the Free plan");
            assertThat(report.get("errors")).as("console errors").isEmpty();
            assertThat(shots.resolve("billing-near-limit.png")).exists();
        } finally {
            billing.reset();
        }
    }
}
