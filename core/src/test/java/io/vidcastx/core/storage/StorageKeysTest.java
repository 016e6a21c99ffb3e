package io.vidcastx.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vidcastx.db.ids.VideoId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StorageKeysTest {

    @Test
    void builds_the_documented_layout() {
        var id = VideoId.parse("6f1e8a9c-0d2b-4c5e-9f7a-1b2c3d4e5f60");
        assertThat(StorageKeys.rawSource(id)).isEqualTo("raw/6f1e8a9c-0d2b-4c5e-9f7a-1b2c3d4e5f60/source");
        assertThat(StorageKeys.hlsMaster(id)).isEqualTo("hls/6f1e8a9c-0d2b-4c5e-9f7a-1b2c3d4e5f60/master.m3u8");
        assertThat(StorageKeys.hlsFile(id, "720p/segment_001.ts"))
                .isEqualTo("hls/6f1e8a9c-0d2b-4c5e-9f7a-1b2c3d4e5f60/720p/segment_001.ts");
        assertThat(StorageKeys.captions(id, "pt-BR")).isEqualTo("captions/6f1e8a9c-0d2b-4c5e-9f7a-1b2c3d4e5f60/pt-BR.vtt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "hls/../raw/x", "hls/./x", "a//b", "..", "a\\b", "a\u0000b",
            "a\nb", "a\u007fb", "x/\u2028"})
    void rejects_keys_that_could_escape_or_confuse(String key) {
        assertThatThrownBy(() -> StorageKeys.validate(key)).isInstanceOf(InvalidStorageKeyException.class);
    }

    @Test
    void rejects_keys_over_1024_bytes() {
        assertThatThrownBy(() -> StorageKeys.validate("é".repeat(513)))
                .isInstanceOf(InvalidStorageKeyException.class)
                .hasMessageContaining("longer than 1024 bytes");
    }

    @Test
    void accepts_ordinary_keys_and_folder_prefixes() {
        assertThat(StorageKeys.validate("thumbs/abc/thumb 2s.jpg")).isEqualTo("thumbs/abc/thumb 2s.jpg");
        assertThat(StorageKeys.validatePrefix("hls/abc/")).isEqualTo("hls/abc/");
        assertThatThrownBy(() -> StorageKeys.validatePrefix("hls/abc")).hasMessageContaining("must end with '/'");
    }

    @Test
    void rejects_relative_paths_and_languages_that_escape_their_folder() {
        var id = VideoId.random();
        assertThatThrownBy(() -> StorageKeys.hlsFile(id, "../../raw/x/source")).isInstanceOf(InvalidStorageKeyException.class);
        assertThatThrownBy(() -> StorageKeys.captions(id, "../en")).isInstanceOf(InvalidStorageKeyException.class);
    }
}
