package io.vidcastx.analytics;

import java.util.Set;
import java.util.regex.Pattern;

import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * User agent to device class, OS and browser with Yauaa. Its analyzer takes about 3 s and 140 MB to
 * build, so there is one per process, built on the first beacon (never at start-up, so tests and
 * pages that report no views never pay for it), with a bounded cache of parsed agents.
 */
@Component
class DeviceDetector {

    /** Yauaa's device classes for crawlers and scripts: their beacons are dropped and counted. */
    private static final Set<String> ROBOTS = Set.of("Robot", "Robot Mobile", "Robot Imitator", "Hacker", "Spy");
    /** Obvious tools, caught before the analyzer is even built. */
    private static final Pattern OBVIOUS_BOT = Pattern.compile("(?i)bot\\b|crawl|spider|slurp|curl/|wget/|python-|java/|go-http");

    private volatile @Nullable UserAgentAnalyzer analyzer;

    record Device(String deviceClass, String os, String browser, @Nullable String browserVersion) {
    }

    /** Empty when the agent is a bot. */
    java.util.Optional<Device> detect(@Nullable String userAgent) {
        if (userAgent == null || userAgent.isBlank() || OBVIOUS_BOT.matcher(userAgent).find()) {
            return java.util.Optional.empty();
        }
        UserAgent parsed = analyzer().parse(userAgent.length() > 1024 ? userAgent.substring(0, 1024) : userAgent);
        String deviceClass = parsed.getValue(UserAgent.DEVICE_CLASS);
        if (ROBOTS.contains(deviceClass)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Device(known(deviceClass), known(parsed.getValue(UserAgent.OPERATING_SYSTEM_NAME)),
                known(parsed.getValue(UserAgent.AGENT_NAME)), parsed.getValue(UserAgent.AGENT_VERSION_MAJOR)));
    }

    private static String known(@Nullable String value) {
        return value == null || value.isBlank() || value.startsWith("??") ? "Unknown" : value;
    }

    private UserAgentAnalyzer analyzer() {
        var built = analyzer;
        if (built == null) {
            synchronized (this) {
                built = analyzer;
                if (built == null) {
                    built = UserAgentAnalyzer.newBuilder()
                            .withFields(UserAgent.DEVICE_CLASS, UserAgent.OPERATING_SYSTEM_NAME, UserAgent.AGENT_NAME,
                                    UserAgent.AGENT_VERSION_MAJOR)
                            .withCache(10_000)
                            .hideMatcherLoadStats()
                            .immediateInitialization()
                            .build();
                    analyzer = built;
                }
            }
        }
        return built;
    }
}
