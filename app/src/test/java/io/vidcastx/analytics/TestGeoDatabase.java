package io.vidcastx.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small MMDB written by the test itself with Perl's MaxMind::DB::Writer (Debian's
 * {@code libmaxmind-db-writer-perl}), so that geography tests know exactly which address maps where.
 * Tests that need it skip, saying so, where that module is not installed.
 */
public final class TestGeoDatabase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The city-level fixture most tests use: ip-location-db's layout (as {@code dbip-city-mmdb}) for
     * 8.8.8.0/24, 1.1.1.0/24 (Singapore, which the world map has no shape for) and an IPv6
     * network, MaxMind's layout for 81.2.69.0/24. New Zealand, not the bundled
     * data's United States, so a test can tell which file answered.
     */
    public static final Map<String, Object> CITIES = Map.of(
            "8.8.8.0/24", Map.of("country_code", "NZ", "state1", "Wellington Region", "city", "Wellington"),
            "2a00:1450:4001::/48", Map.of("country_code", "JP", "state1", "Tokyo", "city", "Chiyoda"),
            "1.1.1.0/24", Map.of("country_code", "SG", "city", "Singapore"),
            "81.2.69.0/24", Map.of("country", Map.of("iso_code", "GB"),
                    "subdivisions", java.util.List.of(Map.of("names", Map.of("en", "England"))),
                    "city", Map.of("names", Map.of("en", "London"))));

    private TestGeoDatabase() {
    }

    /** Skips the calling test, with the reason, when Perl's MaxMind::DB::Writer is missing. */
    public static void assumeWriter() {
        Assumptions.assumeTrue(writerInstalled(), "Skipped: Perl's MaxMind::DB::Writer is missing, so no test MMDB can be"
                + " written (apt-get install libmaxmind-db-writer-perl)");
    }

    /** Writes {@code networks} (CIDR to record) as an MMDB file at {@code file}. */
    public static Path write(Path file, Map<String, Object> networks) throws IOException, InterruptedException {
        assumeWriter();
        Path script = file.resolveSibling("write-mmdb.pl");
        try (InputStream in = TestGeoDatabase.class.getResourceAsStream("/geoip/write-mmdb.pl")) {
            Files.write(script, in.readAllBytes());
        }
        var process = new ProcessBuilder("perl", script.toString(), file.toString()).redirectErrorStream(true).start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(JSON.writeValueAsString(networks).getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("write-mmdb.pl failed: " + output);
        }
        return file;
    }

    private static boolean writerInstalled() {
        try {
            var process = new ProcessBuilder("perl", "-MMaxMind::DB::Writer::Tree", "-e", "1").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
