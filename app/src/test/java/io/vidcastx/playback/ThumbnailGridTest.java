package io.vidcastx.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.vidcastx.core.storage.StoredObject;
import org.junit.jupiter.api.Test;

class ThumbnailGridTest {

    @Test
    void sizes_snap_up_to_the_next_grid_size_and_stop_at_the_largest() {
        assertThat(ThumbnailGrid.size(1)).isEqualTo(80);
        assertThat(ThumbnailGrid.size(640)).isEqualTo(640);
        assertThat(ThumbnailGrid.size(641)).isEqualTo(960);
        assertThat(ThumbnailGrid.size(2000)).isEqualTo(1920);
    }

    @Test
    void times_snap_to_whole_seconds_and_to_a_hundred_positions_on_long_videos() {
        assertThat(ThumbnailGrid.time(2.4, 6)).isEqualTo(2.0);
        assertThat(ThumbnailGrid.time(5.9, 6.5)).isEqualTo(6.0);
        assertThat(ThumbnailGrid.time(5.9, 5.5)).isEqualTo(5.0);
        assertThat(ThumbnailGrid.step(3600)).isEqualTo(36);
        assertThat(ThumbnailGrid.time(100, 3600)).isEqualTo(108.0);
        long distinct = java.util.stream.IntStream.range(0, 10_000).mapToDouble(i -> ThumbnailGrid.time(i * 0.36, 3600))
                .distinct().count();
        assertThat(distinct).isLessThanOrEqualTo(ThumbnailGrid.TIME_POSITIONS + 1);
    }

    @Test
    void eviction_removes_the_oldest_until_both_bounds_hold_and_never_the_newest() {
        var now = Instant.now();
        var cached = List.of(object("c", 100, now.minusSeconds(10)), object("a", 100, now.minusSeconds(30)),
                object("new", 100, now.minusSeconds(40)), object("b", 100, now.minusSeconds(20)));

        assertThat(ThumbnailGrid.evictions(cached, 2, Long.MAX_VALUE, "new")).extracting(StoredObject::key)
                .containsExactly("a", "b");
        assertThat(ThumbnailGrid.evictions(cached, 10, 250, "new")).extracting(StoredObject::key)
                .containsExactly("a", "b");
        assertThat(ThumbnailGrid.evictions(cached, 10, 1000, "new")).isEmpty();
    }

    private static StoredObject object(String key, long size, Instant modified) {
        return new StoredObject(key, size, null, null, modified);
    }
}
