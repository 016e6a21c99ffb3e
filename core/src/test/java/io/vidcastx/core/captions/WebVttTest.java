package io.vidcastx.core.captions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class WebVttTest {

    @Test
    void written_files_carry_the_timestamp_map_and_escape_markup() {
        String vtt = WebVtt.write(List.of(new Cue(0, 1_500, "Fish & <chips>"), new Cue(3_723_004, 3_725_000, "two\nlines")),
                126_000);

        assertThat(vtt).isEqualTo("""
                WEBVTT
                X-TIMESTAMP-MAP=MPEGTS:126000,LOCAL:00:00:00.000

                1
                00:00:00.000 --> 00:00:01.500
                Fish &amp; &lt;chips&gt;

                2
                01:02:03.004 --> 01:02:05.000
                two
                lines

                """);
        assertThat(WebVtt.parse(vtt)).containsExactly(new Cue(0, 1_500, "Fish & <chips>"),
                new Cue(3_723_004, 3_725_000, "two\nlines"));
    }

    @Test
    void parsing_takes_what_real_files_contain() {
        var cues = WebVtt.parse("\uFEFFWEBVTT - made by hand\r\nKind: captions\r\n\r\nSTYLE\r\n::cue { color: red }\r\n\r\n"
                + "NOTE a comment\r\nover two lines\r\n\r\nintro-1\r\n00:01.250 --> 00:02.000 line:0 position:20%\r\n"
                + "<v.loud Ada>Hi</v> <i>there</i>\r\n\r\n00:00:02.000 --> 00:00:03.000\r\n<c.yellow></c>\r\n\r\n"
                + "00:00:03.000 --> 00:00:04.5\r\nbye&nbsp;now\r\n");

        assertThat(cues).containsExactly(new Cue(1_250, 2_000, "Hi there"), new Cue(3_000, 4_500, "bye\u00a0now"));
    }

    @Test
    void problems_name_their_line() {
        assertThatThrownBy(() -> WebVtt.parse("1\n00:00:01,000 --> 00:00:02,000\nHello\n"))
                .hasMessage("The file does not start with \"WEBVTT\", so it is not a WebVTT file (it looks like SRT: "
                        + "convert it to WebVTT first).");
        assertThatThrownBy(() -> WebVtt.parse("WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nHello\n"))
                .hasMessageStartingWith("Line 3: \"00:00:01,000 --> 00:00:02,000\" is not a WebVTT cue timing");
        assertThatThrownBy(() -> WebVtt.parse("WEBVTT\n\n00:00:03.000 --> 00:00:02.000\nBackwards\n"))
                .hasMessage("Line 3: A cue ends (00:00:02.000) before it starts (00:00:03.000).");
        assertThatThrownBy(() -> WebVtt.parse("WEBVTT\n\nhello\nworld\n"))
                .hasMessageStartingWith("Line 3: expected a cue timing");
        assertThatThrownBy(() -> WebVtt.parse("WEBVTT\n\n")).hasMessage("The file has no cues.");
        assertThatThrownBy(() -> WebVtt.parse("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA\n00:00:02.000 --> 00:00:03.000\nB\n"))
                .hasMessageStartingWith("Line 5: a cue timing inside the text of the cue at line 3");
    }

    @Test
    void srt_uses_commas_and_numbers() {
        assertThat(Srt.write(List.of(new Cue(61_001, 62_000, "Hello")))).isEqualTo("1\n00:01:01,001 --> 00:01:02,000\nHello\n\n");
    }

    @Test
    void times_typed_by_people_are_read() {
        assertThat(Timestamps.parse("1:02.5")).hasValue(62_500);
        assertThat(Timestamps.parse("01:00:00.000")).hasValue(3_600_000);
        assertThat(Timestamps.parse(" 00:07 ")).hasValue(7_000);
        assertThat(Timestamps.parse("7s")).isEmpty();
        assertThat(Timestamps.parse("00:61.000")).isEmpty();
    }

    @Test
    void tags_are_dropped_as_the_webvtt_tag_grammar_reads_them() {
        assertThat(WebVtt.withoutTags("<v Ada>Hi</v> <i>there</i>")).isEqualTo("Hi there");
        assertThat(WebVtt.withoutTags("1 < 2 and 3 > 2")).isEqualTo("1  2");
        assertThat(WebVtt.withoutTags("1 < 2\n<b>bold</b> >")).isEqualTo("1 < 2\nbold >");
        assertThat(WebVtt.withoutTags("<<<b>>x")).isEqualTo(">x");
        assertThat(WebVtt.withoutTags("<<< no tag")).isEqualTo("<<< no tag");
    }

    @Test
    void lines_full_of_angle_brackets_parse_in_linear_time() {
        String line = "<".repeat(WebVtt.MAX_LINE_LENGTH - 1);
        String file = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n" + (line + "\n").repeat(100);

        var cues = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> WebVtt.parse(file));

        assertThat(cues).singleElement().satisfies(cue -> assertThat(cue.text()).startsWith("<<<"));
    }

    @Test
    void an_absurdly_long_line_is_refused_with_its_number() {
        String file = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nfine\n" + "x".repeat(WebVtt.MAX_LINE_LENGTH + 1) + "\n";

        assertThatThrownBy(() -> WebVtt.parse(file)).isInstanceOf(CaptionFormatException.class)
                .hasMessage("Line 5 has 10001 characters; a caption line may have at most 10000.");
    }

    @Test
    void control_characters_other_than_line_breaks_and_tabs_are_dropped_from_cues() {
        assertThat(new Cue(0, 1_000, "a\u0000b\u0007c\td\r\ne\u0085f\rg").text()).isEqualTo("abc\td\nef\ng");
        assertThatThrownBy(() -> new Cue(0, 1_000, "\u0000\u0001")).hasMessage("A cue at 00:00:00.000 has no text");
        assertThat(WebVtt.parse("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nnul\u0000 byte\n"))
                .containsExactly(new Cue(1_000, 2_000, "nul byte"));
    }
}
