package io.vidcastx.workers.transcode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import io.vidcastx.core.media.InputProtocols;

/**
 * The FFmpeg argument lists the worker runs, built as plain lists (never a shell string) so they can
 * be unit-tested and never interpret user input.
 */
final class FfmpegCommands {

    static final String PLAYLIST = "index.m3u8";
    static final String SEGMENT_PATTERN = "segment_%03d.ts";

    private FfmpegCommands() {
    }

    /**
     * One pass over the source: decode once, split, scale and encode every rendition, and mux each
     * into its own HLS folder ({@code <name>/index.m3u8}); progress goes to stdout.
     */
    static List<String> ladder(String source, TranscodePlan plan, TranscodeProperties settings) {
        var args = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-progress", "pipe:1", "-stats_period", "0.5"));
        localInput(args, source);
        int count = plan.renditions().size();
        if (plan.isAudioOnly()) {
            args.addAll(List.of("-map", "0:a:0", "-vn"));
            audio(args, settings);
            hls(args, settings, "a:0,name:" + TranscodePlan.AUDIO_ONLY_NAME);
            return args;
        }
        var filter = new StringBuilder("[0:v:0]fps=").append(format(plan.frameRate()))
                .append(",setsar=1,split=").append(count);
        for (int i = 0; i < count; i++) {
            filter.append("[s").append(i).append(']');
        }
        for (int i = 0; i < count; i++) {
            var rendition = plan.renditions().get(i);
            filter.append(";[s").append(i).append("]scale=").append(rendition.width()).append(':')
                    .append(rendition.height()).append(":flags=bicubic[v").append(i).append(']');
        }
        args.addAll(List.of("-filter_complex", filter.toString()));
        for (int i = 0; i < count; i++) {
            args.addAll(List.of("-map", "[v" + i + "]"));
        }
        if (plan.audio()) {
            for (int i = 0; i < count; i++) {
                args.addAll(List.of("-map", "0:a:0"));
            }
        }
        String gop = String.valueOf(plan.gop());
        args.addAll(List.of("-c:v", "libx264", "-preset", settings.preset(), "-profile:v", "high",
                "-pix_fmt", "yuv420p", "-g", gop, "-keyint_min", gop, "-sc_threshold", "0",
                "-force_key_frames", "expr:gte(t,n_forced*" + settings.keyframeSeconds() + ")"));
        for (int i = 0; i < count; i++) {
            var rendition = plan.renditions().get(i);
            args.addAll(List.of("-b:v:" + i, rendition.videoKbps() + "k",
                    "-maxrate:v:" + i, rendition.maxrateKbps() + "k",
                    "-bufsize:v:" + i, rendition.bufsizeKbps() + "k",
                    "-level:v:" + i, rendition.level()));
        }
        if (plan.audio()) {
            audio(args, settings);
        }
        var streams = new StringJoiner(" ");
        for (int i = 0; i < count; i++) {
            streams.add("v:" + i + (plan.audio() ? ",a:" + i : "") + ",name:" + plan.renditions().get(i).name());
        }
        hls(args, settings, streams.toString());
        return args;
    }

    /** A poster frame: fast seek to {@code seconds}, one frame, at most 1280 wide. */
    static List<String> thumbnail(String source, double seconds, String output) {
        var args = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-ss", format(seconds)));
        localInput(args, source);
        args.addAll(List.of("-frames:v", "1", "-vf", "scale='min(1280,iw)':-2", "-q:v", "3", output));
        return args;
    }

    /** The top rendition's HLS segments, remuxed without re-encoding into a progressive MP4. */
    static List<String> mp4FromHls(String playlist, boolean audio, String output) {
        var args = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-loglevel", "error", "-y"));
        localInput(args, playlist);
        args.addAll(List.of("-c", "copy"));
        if (audio) {
            args.addAll(List.of("-bsf:a", "aac_adtstoasc"));
        }
        args.addAll(List.of("-movflags", "+faststart", output));
        return args;
    }

    /** The input, a local file that may open only local files (a playlist's segments). */
    private static void localInput(List<String> args, String source) {
        args.addAll(InputProtocols.only(InputProtocols.LOCAL_FILE));
        args.addAll(List.of("-i", source));
    }

    private static void audio(List<String> args, TranscodeProperties settings) {
        args.addAll(List.of("-c:a", "aac", "-b:a", settings.audioKbps() + "k", "-ac", "2", "-ar", "48000"));
    }

    private static void hls(List<String> args, TranscodeProperties settings, String streamMap) {
        args.addAll(List.of("-f", "hls", "-hls_time", String.valueOf(settings.segmentSeconds()),
                "-hls_playlist_type", "vod", "-hls_flags", "independent_segments",
                "-hls_segment_type", "mpegts", "-hls_segment_filename", "%v/" + SEGMENT_PATTERN,
                "-var_stream_map", streamMap, "%v/" + PLAYLIST));
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value).replaceAll("\\.?0+$", "");
    }
}
