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

    private final @Nullable Reader reader;

    GeoLocator(AnalyticsProperties properties) {
        this.reader = open(properties.geoipDatabase());
    }

    record Place(String country, @Nullable String region, @Nullable String city) {
    }

    Place locate(InetAddress address) {
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
