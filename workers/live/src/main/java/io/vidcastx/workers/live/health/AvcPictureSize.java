package io.vidcastx.workers.live.health;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * The picture size an H.264 stream really has, read from the sequence parameter set in the RTMP
 * video sequence header (ITU-T H.264 7.3.2.1.1), so a limit on resolution does not depend on the
 * encoder's {@code onMetaData}, which it may leave out or get wrong. Handles the legacy FLV
 * {@code AVCVIDEOPACKET} and enhanced RTMP's {@code avc1} SequenceStart. Malformed input gives empty.
 */
public final class AvcPictureSize {

    private AvcPictureSize() {
    }

    /** Width and height in pixels. */
    public record Size(int width, int height) {
        /** The shorter side, what "1080p" names for landscape and portrait pictures alike. */
        public int lines() {
            return Math.min(width, height);
        }
    }

    /** The size in a video tag body when it is an H.264 sequence header; empty for any other tag. */
    public static Optional<Size> fromSequenceHeader(byte[] body) {
        int record;
        if (body.length < 5) {
            return Optional.empty();
        }
        if ((body[0] & 0x80) != 0) {
            boolean avc1 = body[1] == 'a' && body[2] == 'v' && body[3] == 'c' && body[4] == '1';
            if (!avc1 || (body[0] & 0x0F) != 0) { // PacketTypeSequenceStart
                return Optional.empty();
            }
            record = 5;
        } else {
            if ((body[0] & 0x0F) != 7 || body[1] != 0) { // AVC, AVCPacketType 0
                return Optional.empty();
            }
            record = 5;
        }
        try {
            return Optional.of(fromDecoderConfiguration(body, record));
        } catch (RuntimeException e) {
            return Optional.empty(); // truncated or nonsensical: no size rather than a wrong one
        }
    }

    /** AVCDecoderConfigurationRecord (ISO/IEC 14496-15 5.3.3.1): the first SPS. */
    private static Size fromDecoderConfiguration(byte[] body, int offset) {
        int spsCount = body[offset + 5] & 0x1F;
        if (spsCount == 0) {
            throw new IllegalArgumentException("no SPS");
        }
        int length = ((body[offset + 6] & 0xFF) << 8) | (body[offset + 7] & 0xFF);
        int start = offset + 8;
        if (start + length > body.length || length < 4) {
            throw new IllegalArgumentException("truncated SPS");
        }
        return fromSps(unescape(body, start + 1, start + length)); // skip the NAL header byte
    }

    /** Removes emulation prevention bytes (00 00 03 → 00 00). */
    private static byte[] unescape(byte[] data, int from, int to) {
        var out = new ByteArrayOutputStream(to - from);
        int zeros = 0;
        for (int i = from; i < to; i++) {
            int b = data[i] & 0xFF;
            if (zeros >= 2 && b == 3) {
                zeros = 0;
                continue;
            }
            zeros = b == 0 ? zeros + 1 : 0;
            out.write(b);
        }
        return out.toByteArray();
    }

    static Size fromSps(byte[] rbsp) {
        var bits = new BitReader(rbsp);
        int profile = bits.bits(8);
        bits.bits(16); // constraint flags, reserved, level_idc
        bits.ue(); // seq_parameter_set_id
        int chromaFormat = 1;
        boolean separateColourPlanes = false;
        if (profile == 100 || profile == 110 || profile == 122 || profile == 244 || profile == 44 || profile == 83
                || profile == 86 || profile == 118 || profile == 128 || profile == 138 || profile == 139
                || profile == 134 || profile == 135) {
            chromaFormat = bits.ue();
            if (chromaFormat == 3) {
                separateColourPlanes = bits.bit();
            }
            bits.ue(); // bit_depth_luma_minus8
            bits.ue(); // bit_depth_chroma_minus8
            bits.bit(); // qpprime_y_zero_transform_bypass_flag
            if (bits.bit()) { // seq_scaling_matrix_present_flag
                int lists = chromaFormat != 3 ? 8 : 12;
                for (int i = 0; i < lists; i++) {
                    if (bits.bit()) {
                        skipScalingList(bits, i < 6 ? 16 : 64);
                    }
                }
            }
        }
        bits.ue(); // log2_max_frame_num_minus4
        int pocType = bits.ue();
        if (pocType == 0) {
            bits.ue();
        } else if (pocType == 1) {
            bits.bit();
            bits.se();
            bits.se();
            int cycle = bits.ue();
            if (cycle > 255) {
                throw new IllegalArgumentException("num_ref_frames_in_pic_order_cnt_cycle out of range");
            }
            for (int i = 0; i < cycle; i++) {
                bits.se();
            }
        }
        bits.ue(); // max_num_ref_frames
        bits.bit(); // gaps_in_frame_num_value_allowed_flag
        int widthInMbs = bits.ue() + 1;
        int heightInMapUnits = bits.ue() + 1;
        boolean frameMbsOnly = bits.bit();
        if (!frameMbsOnly) {
            bits.bit(); // mb_adaptive_frame_field_flag
        }
        bits.bit(); // direct_8x8_inference_flag
        int width = widthInMbs * 16;
        int height = (frameMbsOnly ? 1 : 2) * heightInMapUnits * 16;
        if (bits.bit()) { // frame_cropping_flag
            int arrayType = separateColourPlanes ? 0 : chromaFormat;
            int cropX = arrayType == 0 ? 1 : (arrayType == 3 ? 1 : 2);
            int cropY = (arrayType == 0 ? 1 : (arrayType == 1 ? 2 : 1)) * (frameMbsOnly ? 1 : 2);
            int left = bits.ue();
            int right = bits.ue();
            int top = bits.ue();
            int bottom = bits.ue();
            width -= cropX * (left + right);
            height -= cropY * (top + bottom);
        }
        if (width <= 0 || height <= 0 || width > 16384 || height > 16384) {
            throw new IllegalArgumentException("implausible picture size " + width + "x" + height);
        }
        return new Size(width, height);
    }

    private static void skipScalingList(BitReader bits, int size) {
        int last = 8;
        int next = 8;
        for (int j = 0; j < size; j++) {
            if (next != 0) {
                next = (last + bits.se() + 256) % 256;
            }
            last = next == 0 ? last : next;
        }
    }

    /** Big-endian bits with Exp-Golomb codes; reading past the end throws. */
    private static final class BitReader {
        private final byte[] data;
        private int position;

        BitReader(byte[] data) {
            this.data = data;
        }

        boolean bit() {
            if (position >= data.length * 8) {
                throw new IllegalArgumentException("SPS ends early");
            }
            int value = (data[position >>> 3] >> (7 - (position & 7))) & 1;
            position++;
            return value == 1;
        }

        int bits(int count) {
            int value = 0;
            for (int i = 0; i < count; i++) {
                value = (value << 1) | (bit() ? 1 : 0);
            }
            return value;
        }

        int ue() {
            int zeros = 0;
            while (!bit()) {
                if (++zeros > 31) {
                    throw new IllegalArgumentException("Exp-Golomb code too long");
                }
            }
            return (int) ((1L << zeros) - 1 + (zeros == 0 ? 0 : bits(zeros)));
        }

        int se() {
            int code = ue();
            return (code & 1) == 1 ? (code + 1) / 2 : -(code / 2);
        }
    }
}
