package io.vidcastx.workers.ai;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * FFmpeg argument lists for dubbing (pure, so they are unit-tested): fitting a clip to its cue,
 * and the AAC rendition cut where the video's segments are cut and stamped on the video's MPEG-TS
 * clock, so hls.js and Safari line the two up segment by segment.
 */
final class DubPackaging {

    private DubPackaging() {
    }

    static List<String> atempo(Path input, Path output, int sampleRate, double tempo) {
        String rate = Integer.toString(sampleRate);
        return List.of("-nostdin", "-y", "-loglevel", "error", "-f", "s16le", "-ar", rate, "-ac", "1", "-i",
                input.toString(), "-filter:a", String.format(Locale.ROOT, "atempo=%.4f", tempo), "-f", "s16le",
                "-ar", rate, "-ac", "1", output.toString());
    }

    /**
     * @param speech         16-bit mono PCM at {@code sampleRate}, from the video's first frame
     * @param background     the original sound to keep, ducked under the speech; null for speech alone
     * @param offsetSeconds  the video's first MPEG-TS timestamp, in seconds
     * @param pictureDelay   how much later than the sound the first video frame starts (its segments count from it)
     * @param segmentSeconds the video's segment durations: the audio is cut at the same times
     */
    static List<String> rendition(Path speech, int sampleRate, @Nullable Path background, double offsetSeconds,
                                  double pictureDelay, double durationSeconds, List<Double> segmentSeconds, Path segmentPattern) {
        return rendition(List.of("-f", "s16le", "-ar", Integer.toString(sampleRate), "-ac", "1", "-i", speech.toString()),
                background, offsetSeconds, pictureDelay, durationSeconds, segmentSeconds, segmentPattern);
    }

    /** As the PCM one, from a finished sound file in any format FFmpeg reads (an ElevenLabs dub). */
    static List<String> rendition(Path speechFile, double offsetSeconds, double pictureDelay, double durationSeconds,
                                  List<Double> segmentSeconds, Path segmentPattern) {
        return rendition(List.of("-i", speechFile.toString()), null, offsetSeconds, pictureDelay, durationSeconds,
                segmentSeconds, segmentPattern);
    }

    /**
     * The rendition's segments joined into one M4A for the video page's preview and download: the
     * AAC is copied, not encoded again.
     */
    static List<String> download(List<Path> segments, Path output) {
        return List.of("-nostdin", "-y", "-loglevel", "error", "-i", "concat:" + segments.stream().map(Path::toString)
                        .collect(Collectors.joining("|")), "-map", "0:a:0", "-c:a", "copy", "-movflags", "+faststart",
                output.toString());
    }

    private static List<String> rendition(List<String> speechInput, @Nullable Path background, double offsetSeconds,
                                          double pictureDelay, double durationSeconds, List<Double> segmentSeconds,
                                          Path segmentPattern) {
        String offset = String.format(Locale.ROOT, "%.6f", offsetSeconds);
        var args = new ArrayList<>(List.of("-nostdin", "-y", "-loglevel", "error"));
        args.addAll(speechInput);
        String end = String.format(Locale.ROOT, "apad,atrim=duration=%.6f", durationSeconds);
        String voice = "[0:a]aformat=sample_rates=48000:channel_layouts=stereo";
        if (background == null) {
            args.addAll(List.of("-filter_complex", voice + "," + end + "[out]"));
        } else {
            args.addAll(List.of("-i", background.toString()));
            // The original sound is pushed down while the dub speaks (sidechain), and mixed under it.
            args.addAll(List.of("-filter_complex", voice + ",apad,asplit=2[key][speech];"
                    + "[1:a:0]aformat=sample_rates=48000:channel_layouts=stereo[original];"
                    + "[original][key]sidechaincompress=threshold=0.02:ratio=12:attack=20:release=400[ducked];"
                    + "[ducked][speech]amix=inputs=2:duration=first:normalize=0," + end + "[out]"));
        }
        var cuts = new ArrayList<Double>();
        double at = pictureDelay;
        for (int i = 0; i < segmentSeconds.size() - 1; i++) {
            at += segmentSeconds.get(i);
            cuts.add(at);
        }
        args.addAll(List.of("-map", "[out]", "-c:a", "aac", "-b:a", "128k", "-ar", "48000", "-ac", "2",
                // On the output: an input offset is lost in a filter graph; segment times stay relative.
                "-output_ts_offset", offset, "-muxdelay", "0", "-muxpreload", "0", "-f", "segment", "-segment_format", "mpegts",
                "-reset_timestamps", "0"));
        if (!cuts.isEmpty()) {
            args.addAll(List.of("-segment_times", cuts.stream().map(t -> String.format(Locale.ROOT, "%.6f", t))
                    .collect(Collectors.joining(","))));
        } else {
            args.addAll(List.of("-segment_time", "100000"));
        }
        args.add(segmentPattern.toString());
        return args;
    }
}
