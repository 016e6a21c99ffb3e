package io.vidcastx.analytics;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import com.maxmind.db.Reader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Client address to place, from an MMDB file: the configured one ({@code VIDCASTX_GEOIP_DATABASE},
 * e.g. a city-level DB-IP file) or the country-level database bundled in the build
 * (geo-whois-asn-country, CC BY 4.0, NRO). Reads both the ip-location-db layout
 * ({@code country_code}, {@code state1}, {@code city}) and MaxMind's ({@code country.iso_code}, ...).
 */
@Component
class GeoLocator {

    private static final Logger log = LoggerFactory.getLogger(GeoLocator.class);
    static final String BUNDLED = "/vidcastx-geoip/country.mmdb";

    /** Where nothing is known (private addresses, no database): a country code no map uses. */
    static final Place UNKNOWN = new Place("ZZ", null, null);

    static final String BUNDLED_CREDIT = "Country data: geo-whois-asn-country by the Number Resource Organization (NRO), CC BY 4.0.";
    static final String DBIP_CREDIT = "IP Geolocation by DB-IP (db-ip.com), CC BY 4.0.";

    private volatile @Nullable Reader reader;
    private volatile String credit;

    GeoLocator(AnalyticsProperties properties) {
        this.reader = open(properties.geoipDatabase());
        this.credit = credit(properties.geoipDatabase());
    }

    record Place(String country, @Nullable String region, @Nullable String city) {
    }

    /**
     * Switches the running process to another MMDB file ({@code null}: the bundled one). Tests point the
     * shared application at a file they wrote, as {@link NowWatching#window(java.time.Duration)} shortens
     * its window. The previous reader is left to the garbage collector rather than closed, so a lookup
     * racing with the switch still reads a valid file.
     */
    void use(@Nullable String path) {
        this.reader = open(path);
        this.credit = credit(path);
    }

    /**
     * The attribution the data's licence asks for, shown under the map: NRO for the bundled file,
     * DB-IP for its files (recognised by name), otherwise the operator's file named as such.
     */
    String credit() {
        return credit;
    }

    Place locate(InetAddress address) {
        var reader = this.reader;
        if (reader == null || address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()) {
            return UNKNOWN;
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> record = reader.get(address, Map.class);
            if (record == null) {
                return UNKNOWN;
            }
            String country = text(record.get("country_code"));
            if (country == null && record.get("country") instanceof Map<?, ?> maxmind) {
                country = text(maxmind.get("iso_code"));
            }
            String region = text(record.get("state1"));
            if (region == null && record.get("subdivisions") instanceof List<?> list && !list.isEmpty()
                    && list.getFirst() instanceof Map<?, ?> first) {
                region = englishName(first);
            }
            Object city = record.get("city");
            String cityName = city instanceof Map<?, ?> names ? englishName(names) : text(city);
            return country == null || !country.matches("[A-Z]{2}") ? UNKNOWN : new Place(country, region, cityName);
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    private static String credit(@Nullable String path) {
        if (path == null || path.isBlank()) {
            return BUNDLED_CREDIT;
        }
        String name = new File(path).getName();
        return name.toLowerCase(java.util.Locale.ROOT).contains("dbip") ? DBIP_CREDIT
                : "Places from the IP database " + name + " (see its licence for the credit it asks for).";
    }

    private static @Nullable String englishName(Map<?, ?> map) {
        return map.get("names") instanceof Map<?, ?> names ? text(names.get("en")) : null;
    }

    private static @Nullable String text(@Nullable Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    private static @Nullable Reader open(@Nullable String path) {
        try {
            if (path != null && !path.isBlank()) {
                return new Reader(new File(path));
            }
            try (InputStream bundled = GeoLocator.class.getResourceAsStream(BUNDLED)) {
                if (bundled == null) {
                    log.warn("No IP database in the build ({}): views get no country", BUNDLED);
                    return null;
                }
                return new Reader(bundled);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the IP database " + path + ": " + e.getMessage(), e);
        }
    }
}
