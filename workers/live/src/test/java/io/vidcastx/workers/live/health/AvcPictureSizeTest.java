package io.vidcastx.workers.live.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.FfmpegProperties;
import io.vidcastx.workers.live.hls.FfmpegLauncher;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Picture sizes read from sequence headers that the bundled FFmpeg's x264 writes into FLV, as encoders send them. */
class AvcPictureSizeTest {

    private static final FfmpegBinaries FFMPEG = new FfmpegBinaries(new FfmpegProperties(null, null));

    @TempDir
    Path dir;

    /** The first video tag body of an FLV file made by FFmpeg with these options. */
    private byte[] sequenceHeader(String size, String... options) throws Exception {
        Path flv = dir.resolve(size.replace(':', '_') + options.length + ".flv");
        var args = new java.util.ArrayList<>(List.of("-nostdin", "-loglevel", "error", "-y", "-f", "lavfi",
                "-i", "testsrc2=size=" + size + ":rate=25:duration=0.2", "-c:v", "libx264", "-preset", "ultrafast"));
        args.addAll(List.of(options));
        args.add(flv.toString());
        var process = new FfmpegLauncher(FFMPEG::ffmpeg).builder(args).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        byte[] file = Files.readAllBytes(flv);
        int offset = 13; // header and PreviousTagSize0
        while (offset + 11 < file.length) {
            int type = file[offset] & 0x1F;
            int length = ((file[offset + 1] & 0xFF) << 16) | ((file[offset + 2] & 0xFF) << 8) | (file[offset + 3] & 0xFF);
            if (type == 9) {
                return Arrays.copyOfRange(file, offset + 11, offset + 11 + length);
            }
            offset += 11 + length + 4;
        }
        throw new AssertionError("no video tag");
    }

    @ParameterizedTest
    @CsvSource({"1280x720", "320x180", "1920x1080", "720x1280", "426x240"})
    void the_size_comes_from_the_sps_with_cropping(String size) throws Exception {
        String[] wh = size.split("x");
        var parsed = AvcPictureSize.fromSequenceHeader(sequenceHeader(size)).orElseThrow();
        assertThat(parsed).isEqualTo(new AvcPictureSize.Size(Integer.parseInt(wh[0]), Integer.parseInt(wh[1])));
    }

    @Test
    void high_profiles_with_scaling_matrices_and_444_chroma_are_read() throws Exception {
        assertThat(AvcPictureSize.fromSequenceHeader(sequenceHeader("640x360", "-pix_fmt", "yuv444p",
                "-x264-params", "cqm=jvt"))).contains(new AvcPictureSize.Size(640, 360));
        assertThat(AvcPictureSize.fromSequenceHeader(sequenceHeader("640x360", "-flags", "+ildct+ilme",
                "-x264-params", "interlaced=1"))).contains(new AvcPictureSize.Size(640, 360));
    }

    @Test
    void enhanced_rtmp_sequence_start_is_read_too() throws Exception {
        byte[] legacy = sequenceHeader("854x480");
        byte[] enhanced = new byte[legacy.length];
        enhanced[0] = (byte) 0x90; // IsExHeader, key frame, PacketTypeSequenceStart
        enhanced[1] = 'a';
        enhanced[2] = 'v';
        enhanced[3] = 'c';
        enhanced[4] = '1';
        System.arraycopy(legacy, 5, enhanced, 5, legacy.length - 5);
        assertThat(AvcPictureSize.fromSequenceHeader(enhanced)).contains(new AvcPictureSize.Size(854, 480));
    }

    @Test
    void frames_truncated_headers_and_other_codecs_give_no_size() throws Exception {
        byte[] header = sequenceHeader("320x180");
        assertThat(AvcPictureSize.fromSequenceHeader(Arrays.copyOf(header, 14))).isEmpty();
        assertThat(AvcPictureSize.fromSequenceHeader(new byte[] {0x17, 1, 0, 0, 0, 0, 0, 0, 1})).isEmpty();
        assertThat(AvcPictureSize.fromSequenceHeader(new byte[] {0x12, 0, 0, 0, 0})).isEmpty();
        assertThat(AvcPictureSize.fromSequenceHeader(new byte[0])).isEmpty();
        byte[] garbage = header.clone();
        Arrays.fill(garbage, 13, garbage.length, (byte) 0); // an Exp-Golomb code that never ends
        assertThat(AvcPictureSize.fromSequenceHeader(garbage)).isEmpty();
    }
}
