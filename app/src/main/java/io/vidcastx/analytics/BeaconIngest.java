package io.vidcastx.analytics;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.vidcastx.db.ids.OrganizationId;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Takes the events of one beacon batch (already checked by {@link BeaconEndpoint}), turns them into
 * view updates with the place and device resolved here, and buffers them in memory; a flusher writes
 * each buffer with one multi-row insert per table. A crash loses at most the open buffer (one flush
 * interval of beacons, 1 s by default); the SDK does not resend them.
 */
@Service
class BeaconIngest {

    private static final Logger log = LoggerFactory.getLogger(BeaconIngest.class);
    /** Events after which a view no longer plays: it leaves Now Watching at once. */
    private static final Set<String> STOPPING = Set.of("pause", "viewend", "ended", "error");
    /** Events of a view that is playing (or trying to): it is in Now Watching. Load-time events (playerready, viewinit) are not. */
    private static final Set<String> WATCHING = Set.of("viewstart", "play", "playing", "hb", "rebufferstart", "rebufferend");
    /**
     * Events that only come after the viewer asked to play: mux-embed emits viewstart on the first play,
     * and Mux Data counts a view from there. Before it the SDK already sends the view's id (playerready,
     * viewinit), so without this a page that merely loaded a player would count as a view.
     */
    private static final Set<String> STARTED = Set.of("viewstart", "play", "playing", "hb", "pause", "seeking", "seeked",
            "rebufferstart", "rebufferend", "ended");

    private final AnalyticsRepository repository;
    private final NowWatching nowWatching;
    private final AnalyticsProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final AtomicLong bots = new AtomicLong();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
            .name("analytics-flush").daemon().factory());
    private final byte[] salt = new byte[32];
    private volatile LocalDate saltDay = LocalDate.MIN;

    private Map<String, ViewUpdate> views = new LinkedHashMap<>();
    private List<ViewEvent> events = new ArrayList<>();
    private volatile LocalDate partitionsReadyUntil = LocalDate.MIN;

    BeaconIngest(AnalyticsRepository repository, NowWatching nowWatching, AnalyticsProperties properties) {
        this.repository = repository;
        this.nowWatching = nowWatching;
        this.properties = properties;
        long every = properties.flushInterval().toMillis();
        flusher.scheduleWithFixedDelay(this::flushQuietly, every, every, TimeUnit.MILLISECONDS);
        flusher.scheduleWithFixedDelay(this::dropExpiredQuietly, 1, 60, TimeUnit.MINUTES);
    }

    /** Bots dropped since start (by user agent). */
    long botsDropped() {
        return bots.get();
    }

    void countBot() {
        bots.incrementAndGet();
    }

    /**
     * @param client the client's address: used for the place and the daily viewer hash here, never stored
     */
    void accept(OrganizationId organization, List<JsonNode> batch, InetAddress client, @Nullable String userAgent,
                DeviceDetector.Device device, GeoLocator.Place place) {
        Instant now = clock.instant();
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        String dailyViewer = dailyViewerHash(today, client, userAgent);
        var updates = new ArrayList<ViewUpdate>();
        var newEvents = new ArrayList<ViewEvent>();
        // Where each view of the batch ends up (true: watching, false: stopped), told to Redis once per
        // view: a batch is mostly one view's heartbeats, and Redis needs only the last word.
        var watching = new LinkedHashMap<String, Boolean>();
        var videoOf = new java.util.HashMap<String, String>();
        for (var event : batch) {
            String viewId = text(event, "xid");
            String name = text(event, "e");
            if (viewId == null || name == null) {
                continue;
            }
            String videoRef = textOr(event, "vid", "");
            String viewer = textOr(event, "mvrid", dailyViewer);
            Long startup = number(event, "xtitofifr");
            String errorCode = text(event, "percd");
            long watchMs = orZero(number(event, "xwati"));
            long playingMs = orZero(number(event, "xtlctpbti"));
            // The counters only run after viewstart, so a view with any of them has started.
            boolean started = STARTED.contains(name) || startup != null || watchMs > 0 || playingMs > 0;
            updates.add(new ViewUpdate(today, viewId, organization, videoRef, text(event, "vtt"), viewer, place.country(),
                    place.region(), place.city(), device.deviceClass(), device.os(), device.browser(), device.browserVersion(),
                    now, now, watchMs, playingMs, startup,
                    orZero(number(event, "xredu")), (int) orZero(number(event, "xreco")),
                    errorCode == null && !"error".equals(name) ? null : errorCode == null ? "error" : errorCode,
                    text(event, "perme"), "viewend".equals(name) || "ended".equals(name), started));
            newEvents.add(new ViewEvent(today, viewId, organization, name.length() > 40 ? name.substring(0, 40) : name, now,
                    number(event, "pphti")));
            if (STOPPING.contains(name) || WATCHING.contains(name)) {
                watching.put(viewId, WATCHING.contains(name));
                videoOf.put(viewId, videoRef);
            }
        }
        watching.forEach((viewId, playing) -> {
            if (playing) {
                nowWatching.heartbeat(organization, videoOf.get(viewId), viewId);
            } else {
                nowWatching.stopped(organization, videoOf.get(viewId), viewId);
            }
        });
        synchronized (this) {
            for (var update : updates) {
                views.merge(update.organization().value() + "/" + update.viewId(), update, ViewUpdate::merge);
            }
            events.addAll(newEvents);
        }
    }

    /** Writes what is buffered now (the flusher calls it every interval; tests call it to not wait). */
    void flush() {
        List<ViewUpdate> toWrite;
        List<ViewEvent> eventsToWrite;
        synchronized (this) {
            if (views.isEmpty() && events.isEmpty()) {
                return;
            }
            toWrite = new ArrayList<>(views.values());
            eventsToWrite = events;
            views = new LinkedHashMap<>();
            events = new ArrayList<>();
        }
        LocalDate today = clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
        if (partitionsReadyUntil.isBefore(today.plusDays(1))) {
            repository.ensurePartitions(today.minusDays(1), today.plusDays(2));
            partitionsReadyUntil = today.plusDays(2);
        }
        repository.write(toWrite, eventsToWrite);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Could not write a batch of analytics beacons: {}", e.getMessage());
        }
    }

    private void dropExpiredQuietly() {
        try {
            LocalDate today = clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
            int dropped = repository.dropPartitionsBefore(today.minusDays(properties.retentionDays()));
            if (dropped > 0) {
                log.info("Dropped {} analytics day partitions past the {}-day retention", dropped, properties.retentionDays());
            }
        } catch (RuntimeException e) {
            log.warn("Could not drop old analytics partitions: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        flusher.shutdown();
        flushQuietly();
    }

    /**
     * Plausible's scheme: a hash of a salt that changes every day (kept in memory only), the address and
     * the user agent. The same viewer is the same id within a day and cannot be followed across days.
     */
    private String dailyViewerHash(LocalDate today, InetAddress client, @Nullable String userAgent) {
        synchronized (salt) {
            if (!today.equals(saltDay)) {
                new SecureRandom().nextBytes(salt);
                saltDay = today;
            }
            try {
                var digest = MessageDigest.getInstance("SHA-256");
                digest.update(salt);
                digest.update(client.getAddress());
                digest.update((userAgent == null ? "" : userAgent).getBytes(StandardCharsets.UTF_8));
                return "d" + HexFormat.of().formatHex(digest.digest(), 0, 16);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static @Nullable String text(JsonNode event, String key) {
        var value = event.get(key);
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        String text = value.asString();
        return text.isBlank() ? null : text.length() > 200 ? text.substring(0, 200) : text;
    }

    private static String textOr(JsonNode event, String key, String fallback) {
        var value = text(event, key);
        return value == null ? fallback : value;
    }

    private static @Nullable Long number(JsonNode event, String key) {
        var value = event.get(key);
        return value != null && value.isNumber() ? Math.max(0, value.asLong()) : null;
    }

    private static long orZero(@Nullable Long value) {
        return value == null ? 0 : value;
    }
}
