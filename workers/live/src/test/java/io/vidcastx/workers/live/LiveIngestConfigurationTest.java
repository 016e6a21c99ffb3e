package io.vidcastx.workers.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.file.Path;

import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.workers.live.hls.LiveRung;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

class LiveIngestConfigurationTest {

    @Test
    void the_node_listens_with_settings_bound_from_properties(@TempDir Path dir) {
        new ApplicationContextRunner()
                .withUserConfiguration(LiveIngestConfiguration.class)
                .withBean(FfmpegBinaries.class, () -> LiveTestNode.BINARIES)
                .withBean(PublishAuthorizer.class, () -> attempt -> PublishDecision.refuse("no streams here"))
                .withPropertyValues("vidcastx.live.rtmp-port=0", "vidcastx.live.bind-address=127.0.0.1",
                        "vidcastx.live.ladder[0].name=360p", "vidcastx.live.ladder[0].height=360",
                        "vidcastx.live.ladder[0].video-kbps=800", "vidcastx.live.work-dir=" + dir)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    LiveProperties properties = context.getBean(LiveProperties.class);
                    assertThat(properties.rungs()).containsExactly(new LiveRung("360p", 360, 800));
                    assertThat(properties.maxMessageSize()).isEqualTo(DataSize.ofMegabytes(4));
                    assertThat(properties.segmentSeconds()).isEqualTo(2);
                    try (var client = new RtmpTestClient(context.getBean(LiveIngestNode.class).rtmpPort())) {
                        client.connectTo("app");
                        assertThat(client.publish("any-key")).isEqualTo("NetStream.Publish.BadName");
                    }
                });
    }

    @Test
    void without_a_ladder_setting_the_default_is_source_plus_480p() {
        new ApplicationContextRunner()
                .withUserConfiguration(LiveIngestConfiguration.class)
                .withBean(FfmpegBinaries.class, () -> LiveTestNode.BINARIES)
                .withBean(PublishAuthorizer.class, () -> attempt -> PublishDecision.refuse("no streams here"))
                .withPropertyValues("vidcastx.live.rtmp-port=0", "vidcastx.live.bind-address=127.0.0.1")
                .run(context -> {
                    LiveProperties properties = context.getBean(LiveProperties.class);
                    assertThat(properties.rungs()).containsExactly(new LiveRung("480p", 480, 1400));
                    assertThat(properties.rtmpPort()).isZero();
                });
    }
}
