package io.vidcastx.workers.live;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import io.vidcastx.workers.live.health.IngestLimitExceeded;
import io.vidcastx.workers.live.hls.FlvTags;
import io.vidcastx.workers.live.hls.LivePipeline;
import io.vidcastx.workers.live.hls.PipelineFullException;
import io.vidcastx.workers.live.hls.PipelineResult;
import io.vidcastx.workers.live.rtmp.Amf0;
import io.vidcastx.workers.live.rtmp.Amf0Reader;
import io.vidcastx.workers.live.rtmp.MediaSink;
import io.vidcastx.workers.live.rtmp.RtmpProtocolException;
import org.jspecify.annotations.Nullable;

/** A publishing session as the RTMP connection sees it: media in, FFmpeg behind it. */
final class ActiveSession implements MediaSink {

    private final LiveSession session;
    private final LivePipeline pipeline;
    private final BiConsumer<ActiveSession, SessionEnd> onEnd;
    private volatile @Nullable String limitExceeded;

    ActiveSession(LiveSession session, LivePipeline pipeline, BiConsumer<ActiveSession, SessionEnd> onEnd) {
        this.session = session;
        this.pipeline = pipeline;
        this.onEnd = onEnd;
    }

    LiveSession session() {
        return session;
    }

    @Override
    public void accept(int type, long timestamp, byte[] payload) {
        try {
            if (type == FlvTags.SCRIPT) {
                metadata(timestamp, payload);
            } else {
                if (type == FlvTags.VIDEO) {
                    session.meter().video(timestamp, payload);
                }
                pipeline.offer(type, timestamp, payload);
            }
        } catch (IngestLimitExceeded e) {
            limitExceeded = e.getMessage();
            throw e;
        } catch (PipelineFullException e) {
            throw new RtmpProtocolException(e.getMessage());
        } catch (UncheckedIOException e) {
            throw new RtmpProtocolException("FFmpeg could not be started: " + e.getCause().getMessage());
        }
    }

    private void metadata(long timestamp, byte[] payload) {
        List<@Nullable Object> values = new Amf0Reader(payload).readAll();
        Map<String, @Nullable Object> entries = values.size() > 1 && values.get(1) instanceof Amf0.EcmaArray array
                ? array.entries() : Map.of();
        boolean saysVideo = entries.containsKey("videocodecid") || entries.containsKey("width");
        boolean saysAudio = entries.containsKey("audiocodecid") || entries.containsKey("audiosamplerate");
        // metadata naming neither kind of stream says nothing about which streams will come
        Boolean video = saysVideo || saysAudio ? saysVideo : null;
        Boolean audio = saysVideo || saysAudio ? saysAudio : null;
        session.meter().metadata(number(entries.get("width")), number(entries.get("height")),
                entries.get("framerate") instanceof Double rate ? rate : 0, number(entries.get("videodatarate")));
        pipeline.metadata(video, audio, number(entries.get("height")), number(entries.get("videodatarate")),
                timestamp, payload);
    }

    @Override
    public void close(String reason) {
        PipelineResult result = pipeline.finish();
        onEnd.accept(this, new SessionEnd(reason, Instant.now(), result.started(), result.exitCode(), result.recording(),
                java.util.Optional.ofNullable(limitExceeded)));
    }

    void kill() {
        pipeline.kill();
    }

    private static int number(@Nullable Object value) {
        return value instanceof Double number && number > 0 && number < Integer.MAX_VALUE ? (int) Math.round(number) : 0;
    }
}
