package io.vidcastx.live;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.vidcastx.accounts.Role;
import io.vidcastx.billing.UsageService;
import io.vidcastx.core.crypto.SecretTokens;
import io.vidcastx.core.events.EventRecorder;
import io.vidcastx.security.Caller;
import io.vidcastx.videos.PlaybackIdInfo;
import io.vidcastx.videos.PlaybackIds;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Live streams for the API and the dashboard: a Viewer reads, a Member or above creates and changes
 * them. Keys are 24 random bytes (URL-safe base64), stored as a SHA-256 hash for the ingest and sealed
 * for showing again.
 */
@Service
public class LiveStreamService {

    /** Mux's default reconnect window. */
    public static final int DEFAULT_RECONNECT_WINDOW_SECONDS = 60;

    /** Mux's limit on the reconnect window. */
    public static final int MAX_RECONNECT_WINDOW_SECONDS = 1800;

    private final LiveStreamRepository streams;
    private final LiveStreamKeyCipher cipher;
    private final EventRecorder events;
    private final UsageService usage;

    LiveStreamService(LiveStreamRepository streams, LiveStreamKeyCipher cipher, EventRecorder events, UsageService usage) {
        this.streams = streams;
        this.cipher = cipher;
        this.events = events;
        this.usage = usage;
    }

    /**
     * @param playbackPolicies one playback ID is created with each policy
     * @param recordingPolicy policy of the recordings' assets, or null to keep no recordings
     * @throws io.vidcastx.billing.QuotaExceededException when a hard limit of the plan is used up
     */
    @Transactional
    public LiveStream create(Caller caller, List<String> playbackPolicies, @Nullable String recordingPolicy,
                             int reconnectWindowSeconds) {
        caller.require(Role.MEMBER, "create live streams");
        // A used-up hard limit refuses new streams (402), as it refuses uploads; existing ones keep working.
        usage.requireWithinHardLimits(caller.organizationId(), "start live streams");
        playbackPolicies.forEach(LiveStreamService::checkPolicy);
        checkPolicy(recordingPolicy);
        if (reconnectWindowSeconds < 0 || reconnectWindowSeconds > MAX_RECONNECT_WINDOW_SECONDS) {
            throw new IllegalArgumentException("reconnect_window must be between 0 and " + MAX_RECONNECT_WINDOW_SECONDS + " seconds");
        }
        var id = UUID.randomUUID();
        String key = SecretTokens.random(24);
        streams.insert(id, caller.organizationId(), SecretTokens.sha256Hex(key), cipher.seal(id, caller.organizationId(), key),
                recordingPolicy, reconnectWindowSeconds);
        for (String policy : playbackPolicies) {
            streams.addPlaybackId(caller.organizationId(), id, PlaybackIds.next(), policy);
        }
        var created = streams.find(caller.organizationId(), id).orElseThrow();
        record(caller, "video.live_stream.created", created);
        return created;
    }

    @Transactional(readOnly = true)
    public List<LiveStream> page(Caller caller, int offset, int limit) {
        return streams.page(caller.organizationId(), offset, limit);
    }

    @Transactional(readOnly = true)
    public Optional<LiveStream> get(Caller caller, UUID id) {
        return streams.find(caller.organizationId(), id);
    }

    /** The stream key itself: for the owner's encoder settings and Mux's {@code stream_key} field. */
    @Transactional(readOnly = true)
    public String revealKey(Caller caller, UUID id) {
        caller.require(Role.MEMBER, "see stream keys");
        String sealed = streams.keyCiphertext(caller.organizationId(), id).orElseThrow(() -> new IllegalArgumentException("No such live stream"));
        return cipher.open(id, caller.organizationId(), sealed);
    }

    /** A new key; encoders using the old one are refused from their next connection. */
    @Transactional
    public LiveStream resetKey(Caller caller, UUID id) {
        caller.require(Role.MEMBER, "reset stream keys");
        String key = SecretTokens.random(24);
        if (!streams.replaceKey(caller.organizationId(), id, SecretTokens.sha256Hex(key), cipher.seal(id, caller.organizationId(), key))) {
            throw new IllegalArgumentException("No such live stream");
        }
        return found(caller, id);
    }

    @Transactional
    public LiveStream setEnabled(Caller caller, UUID id, boolean enabled) {
        caller.require(Role.MEMBER, enabled ? "enable live streams" : "disable live streams");
        if (!streams.setEnabled(caller.organizationId(), id, enabled)) {
            throw new IllegalArgumentException("No such live stream");
        }
        return found(caller, id);
    }

    /**
     * Mux's "complete": the session ends now instead of after the reconnect window (an encoder still
     * connected is not cut off; its session ends once it leaves).
     */
    @Transactional
    public LiveStream complete(Caller caller, UUID id) {
        caller.require(Role.MEMBER, "complete live streams");
        found(caller, id);
        streams.closeReconnectWindow(caller.organizationId(), id);
        return found(caller, id);
    }

    @Transactional
    public void delete(Caller caller, UUID id) {
        caller.require(Role.MEMBER, "delete live streams");
        var stream = found(caller, id);
        streams.delete(caller.organizationId(), id);
        record(caller, "video.live_stream.deleted", stream);
    }

    @Transactional
    public PlaybackIdInfo addPlaybackId(Caller caller, UUID id, String policy) {
        caller.require(Role.MEMBER, "create playback IDs");
        checkPolicy(policy);
        found(caller, id);
        var info = new PlaybackIdInfo(PlaybackIds.next(), policy);
        streams.addPlaybackId(caller.organizationId(), id, info.id(), info.policy());
        return info;
    }

    @Transactional
    public void removePlaybackId(Caller caller, UUID id, String playbackId) {
        caller.require(Role.MEMBER, "delete playback IDs");
        if (!streams.removePlaybackId(caller.organizationId(), id, playbackId)) {
            throw new IllegalArgumentException("No such playback ID");
        }
    }

    private LiveStream found(Caller caller, UUID id) {
        return streams.find(caller.organizationId(), id).orElseThrow(() -> new IllegalArgumentException("No such live stream"));
    }

    private void record(Caller caller, String type, LiveStream stream) {
        var data = new LinkedHashMap<String, Object>();
        data.put("id", stream.id().toString());
        data.put("status", stream.status());
        data.put("reconnect_window", stream.reconnectWindowSeconds());
        data.put("playback_ids", stream.playbackIds().stream().map(p -> Map.of("id", p.id(), "policy", p.policy())).toList());
        events.record(caller.organizationId(), type, "live", stream.id().toString(), data);
    }

    private static void checkPolicy(@Nullable String policy) {
        if (policy != null && !policy.equals("public") && !policy.equals("signed")) {
            throw new IllegalArgumentException("A playback policy must be \"public\" or \"signed\"");
        }
    }
}
