package io.vidcastx.workers.live.hls;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * FFmpeg's arguments for one live session (pure: no I/O): FLV on stdin, live HLS per rung in
 * {@code <rung>/index.m3u8} with a master playlist, and a copy of the source as the recording.
 *
 * <p>The source rung is copied when the input is H.264/AAC (no decode for the top rung at all);
 * lower rungs are encoded with key frames forced on segment boundaries so that every rung cuts its
 * segments at the same instants.
 */
public final class LiveHlsCommand {

    public static final String MASTER_PLAYLIST = "master.m3u8";
    public static final String SOURCE_RUNG = "source";

    private LiveHlsCommand() {
    }

    /** The rungs this source gets, source first: lower rungs only below a known source height. */
    public static List<String> rungNames(SourceInfo source, LiveHlsSettings settings) {
        var names = new ArrayList<String>();
        names.add(source.video() ? SOURCE_RUNG : "audio");
        encodedRungs(source, settings).forEach(rung -> names.add(rung.name()));
        return names;
    }

    /** The recording's file name: fragmented MP4 when the source is copyable into it, else FLV. */
    public static String recordingFile(SourceInfo source) {
        return source.copyable() ? "recording.mp4" : "recording.flv";
    }

    public static List<String> arguments(SourceInfo source, LiveHlsSettings settings) {
        var args = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-loglevel", "warning",
                "-protocol_whitelist", "pipe,file", "-f", "flv", "-i", "pipe:0"));
        List<LiveRung> encoded = encodedRungs(source, settings);
        int variants = source.video() ? 1 + encoded.size() : 1;
        if (source.video()) {
            for (int i = 0; i < variants; i++) {
                args.addAll(List.of("-map", "0:v:0"));
            }
        }
        if (source.audio()) {
            for (int i = 0; i < variants; i++) {
                args.addAll(List.of("-map", "0:a:0"));
            }
        }
        if (source.video()) {
            if (source.h264()) {
                args.addAll(List.of("-c:v:0", "copy"));
            } else {
                x264(args, 0, settings, source.videoKbps() > 0 ? Math.min(source.videoKbps(), settings.sourceKbps())
                        : settings.sourceKbps());
            }
            for (int i = 0; i < encoded.size(); i++) {
                LiveRung rung = encoded.get(i);
                // min(): never upscale when the encoder did not say how tall its picture is
                args.addAll(List.of("-filter:v:" + (i + 1), "scale=-2:'min(" + rung.height() + ",ih)'"));
                x264(args, i + 1, settings, rung.videoKbps());
            }
        }
        if (source.audio()) {
            if (source.aac()) {
                args.addAll(List.of("-c:a", "copy"));
            } else {
                args.addAll(List.of("-c:a", "aac", "-b:a", settings.audioKbps() + "k", "-ac", "2"));
            }
        }
        args.addAll(List.of("-f", "hls",
                "-hls_time", String.valueOf(settings.segmentSeconds()),
                "-hls_list_size", String.valueOf(settings.windowSegments()),
                "-hls_flags", "delete_segments+independent_segments+temp_file",
                "-hls_segment_type", "mpegts",
                "-hls_segment_filename", "%v/segment_%05d.ts",
                "-master_pl_name", MASTER_PLAYLIST,
                "-var_stream_map", streamMap(source, rungNames(source, settings)),
                "%v/index.m3u8"));
        // the recording: every source stream as it came, no decode
        if (source.video()) {
            args.addAll(List.of("-map", "0:v:0"));
        }
        if (source.audio()) {
            args.addAll(List.of("-map", "0:a:0"));
        }
        args.addAll(List.of("-c", "copy"));
        if (source.copyable()) {
            // fragmented: what was written stays playable if FFmpeg or the node dies mid-stream
            args.addAll(List.of("-f", "mp4", "-movflags", "+frag_keyframe+empty_moov+default_base_moof"));
        } else {
            args.addAll(List.of("-f", "flv"));
        }
        args.add(recordingFile(source));
        return args;
    }

    private static List<LiveRung> encodedRungs(SourceInfo source, LiveHlsSettings settings) {
        if (!source.video()) {
            return List.of();
        }
        return settings.ladder().stream()
                .filter(rung -> source.height() == 0 || rung.height() < source.height())
                .sorted(Comparator.comparingInt(LiveRung::height).reversed())
                .toList();
    }

    private static void x264(List<String> args, int index, LiveHlsSettings settings, int kbps) {
        String v = ":v:" + index;
        args.addAll(List.of("-c" + v, "libx264", "-preset" + v, settings.preset(), "-tune" + v, "zerolatency",
                "-profile" + v, "main", "-pix_fmt" + v, "yuv420p",
                "-b" + v, kbps + "k", "-maxrate" + v, (kbps * 11 / 10) + "k", "-bufsize" + v, (kbps * 2) + "k",
                "-force_key_frames" + v, String.format(Locale.ROOT, "expr:gte(t,n_forced*%d)", settings.segmentSeconds()),
                "-sc_threshold" + v, "0"));
    }

    private static String streamMap(SourceInfo source, List<String> names) {
        var map = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                map.append(' ');
            }
            if (source.video()) {
                map.append("v:").append(i);
                if (source.audio()) {
                    map.append(",a:").append(i);
                }
            } else {
                map.append("a:").append(i);
            }
            map.append(",name:").append(names.get(i));
        }
        return map.toString();
    }
}
