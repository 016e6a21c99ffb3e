package io.vidcastx.workers.live.rtmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class Amf0Test {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void scalars_encode_to_the_bytes_of_the_specification() {
        assertThat(HEX.formatHex(Amf0Writer.encode(1.0))).isEqualTo("003ff0000000000000");
        assertThat(HEX.formatHex(Amf0Writer.encode(true, false))).isEqualTo("01010100");
        assertThat(HEX.formatHex(Amf0Writer.encode("app"))).isEqualTo("020003617070");
        assertThat(HEX.formatHex(Amf0Writer.encode((Object) null))).isEqualTo("05");
        assertThat(HEX.formatHex(Amf0Writer.encode(Amf0.UNDEFINED))).isEqualTo("06");
    }

    @Test
    void an_object_is_its_properties_then_an_empty_name_and_the_end_marker() {
        assertThat(HEX.formatHex(Amf0Writer.encode(Amf0.object("a", 1.0))))
                .isEqualTo("03" + "0001" + "61" + "003ff0000000000000" + "0000" + "09");
    }

    @Test
    void ffmpegs_connect_command_decodes() {
        // what FFmpeg 8 sends for rtmp://127.0.0.1:1935/app/KEY (command object trimmed to three fields)
        byte[] bytes = HEX.parseHex("020007636f6e6e656374" + "003ff0000000000000" + "03"
                + "0003617070" + "0200036170" + "70"
                + "0004747970650200" + "0a6e6f6e70726976617465"
                + "0005746355726c020019" + "72746d703a2f2f3132372e302e302e313a313933352f617070"
                + "000009");

        List<@Nullable Object> values = new Amf0Reader(bytes).readAll();

        assertThat(values).containsExactly("connect", 1.0,
                Map.of("app", "app", "type", "nonprivate", "tcUrl", "rtmp://127.0.0.1:1935/app"));
    }

    @Test
    void onmetadata_as_an_ecma_array_round_trips_in_order() {
        var metadata = new Amf0.EcmaArray(Amf0.object("duration", 0.0, "width", 320.0, "height", 240.0,
                "videocodecid", 7.0, "encoder", "Lavf62"));
        byte[] bytes = Amf0Writer.encode("@setDataFrame", "onMetaData", metadata);

        assertThat(HEX.formatHex(bytes, 0, 35)).contains("08" + "00000005"); // marker then count
        List<@Nullable Object> values = new Amf0Reader(bytes).readAll();
        assertThat(values).hasSize(3);
        assertThat(((Amf0.EcmaArray) values.get(2)).entries().keySet())
                .containsExactly("duration", "width", "height", "videocodecid", "encoder");
    }

    @Test
    void strict_arrays_dates_and_long_strings_round_trip() {
        String longText = "x".repeat(70_000);
        var date = new Amf0.Date(1.7e12, (short) 0);
        byte[] bytes = Amf0Writer.encode(List.of(1.0, "two", true), date, longText);

        assertThat(bytes[0]).isEqualTo((byte) 0x0A);
        assertThat(new Amf0Reader(bytes).readAll()).containsExactly(List.of(1.0, "two", true), date, longText);
        int longStringAt = bytes.length - 70_000 - 5;
        assertThat(bytes[longStringAt]).isEqualTo((byte) 0x0C);
    }

    @Test
    void a_string_longer_than_its_message_is_refused() {
        byte[] bytes = HEX.parseHex("02ffff6162");

        assertThatThrownBy(() -> new Amf0Reader(bytes).read()).isInstanceOf(AmfException.class).hasMessageContaining("truncated");
    }

    @Test
    void a_strict_array_claiming_more_elements_than_bytes_is_refused_before_allocating() {
        byte[] bytes = HEX.parseHex("0a7fffffff05");

        assertThatThrownBy(() -> new Amf0Reader(bytes).read()).isInstanceOf(AmfException.class)
                .hasMessageContaining("runs past the end");
    }

    @Test
    void deep_nesting_is_refused() {
        byte[] bytes = new byte[200];
        Arrays.fill(bytes, (byte) 0x0A); // strict arrays inside strict arrays ...
        for (int i = 0; i < 40; i++) {
            bytes[i * 5] = 0x0A;
            bytes[i * 5 + 1] = 0;
            bytes[i * 5 + 2] = 0;
            bytes[i * 5 + 3] = 0;
            bytes[i * 5 + 4] = 1;
        }

        assertThatThrownBy(() -> new Amf0Reader(bytes).read()).isInstanceOf(AmfException.class).hasMessageContaining("nested");
    }

    @Test
    void amf3_and_reference_markers_are_refused() {
        assertThatThrownBy(() -> new Amf0Reader(new byte[] {0x11, 0}).read()).hasMessageContaining("0x11");
        assertThatThrownBy(() -> new Amf0Reader(new byte[] {0x07, 0, 0}).read()).hasMessageContaining("0x7");
    }
}
