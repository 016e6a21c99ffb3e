package io.vidcastx.analytics;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;

/** For tests in other packages: writes the buffered beacons now instead of after the flush interval. */
public final class AnalyticsTestAccess {

    /** A desktop Chrome on Linux, as a real (not headless) browser sends it. */
    public static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

    private AnalyticsTestAccess() {
    }

    public static void flush(ApplicationContext context) {
        context.getBean(BeaconIngest.class).flush();
    }

    /** Points the running app's IP lookups at another MMDB file ({@code null}: back to the configured one). */
    public static void useGeoDatabase(ApplicationContext context, @Nullable String path) {
        context.getBean(GeoLocator.class).use(path != null ? path : context.getBean(AnalyticsProperties.class).geoipDatabase());
    }
}
