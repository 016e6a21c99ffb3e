package io.vidcastx.core.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a media file's container and streams with ffprobe. */
public final class MediaProbe {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FfmpegBinaries binaries;
    private final MediaProcessRunner runner;

    public MediaProbe(FfmpegBinaries binaries, MediaProcessRunner runner) {
        this.binaries = binaries;
        this.runner = runner;
    }

    /**
     * @throws FfmpegException when ffprobe cannot read the file at all (not media, or corrupt)
     */
    public MediaInfo probe(Path file) {
        var lines = runner.run(binaries.ffprobe(), arguments(file), file.toAbsolutePath().getParent(),
                Duration.ofMinutes(2), null, () -> false);
        try {
            return parse(String.join("\n", lines), sizeOf(file));
        } catch (RuntimeException e) {
            throw new FfmpegException("ffprobe's answer could not be read", 0, List.of(e.getMessage()));
        }
    }

    /** ffprobe's arguments: JSON of the container and streams of a local file, which may open only local files. */
    static List<String> arguments(Path file) {
        var args = new ArrayList<>(List.of("-v", "error"));
        args.addAll(InputProtocols.only(InputProtocols.LOCAL_FILE));
        args.addAll(List.of("-print_format", "json", "-show_format", "-show_streams", file.toAbsolutePath().toString()));
        return args;
    }

    static MediaInfo parse(String json, long size) {
        JsonNode root = JSON.readTree(json);
        JsonNode format = root.path("format");
        Optional<MediaInfo.VideoStream> video = Optional.empty();
        Optional<MediaInfo.AudioStream> audio = Optional.empty();
        for (JsonNode stream : root.path("streams")) {
            String type = stream.path("codec_type").asString("");
            if (type.equals("video") && video.isEmpty() && !isAttachedPicture(stream)) {
                int width = stream.path("width").asInt(0);
                int height = stream.path("height").asInt(0);
                if (Math.abs(rotation(stream)) % 180 == 90) {
                    int swap = width;
                    width = height;
                    height = swap;
                }
                video = Optional.of(new MediaInfo.VideoStream(stream.path("codec_name").asString("unknown"), width, height,
                        frameRate(stream), stream.has("nb_frames") ? stream.path("nb_frames").asLong() : null));
            } else if (type.equals("audio") && audio.isEmpty()) {
                audio = Optional.of(new MediaInfo.AudioStream(stream.path("codec_name").asString("unknown"),
                        stream.path("channels").asInt(0), stream.path("sample_rate").asInt(0)));
            }
        }
        return new MediaInfo(format.path("format_name").asString(""), duration(format), size, video, audio);
    }

    private static boolean isAttachedPicture(JsonNode stream) {
        return stream.path("disposition").path("attached_pic").asInt(0) == 1;
    }

    private static int rotation(JsonNode stream) {
        for (JsonNode side : stream.path("side_data_list")) {
            if (side.has("rotation")) {
                return side.path("rotation").asInt(0);
            }
        }
        return stream.path("tags").path("rotate").asInt(0);
    }

    private static double frameRate(JsonNode stream) {
        double average = ratio(stream.path("avg_frame_rate").asString(""));
        return average > 0 ? average : ratio(stream.path("r_frame_rate").asString(""));
    }

    private static double ratio(String text) {
        int slash = text.indexOf('/');
        try {
            if (slash < 0) {
                return text.isEmpty() ? 0 : Double.parseDouble(text);
            }
            double denominator = Double.parseDouble(text.substring(slash + 1));
            return denominator == 0 ? 0 : Double.parseDouble(text.substring(0, slash)) / denominator;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static @Nullable Double duration(JsonNode format) {
        String text = format.path("duration").asString("");
        try {
            return text.isEmpty() ? null : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
