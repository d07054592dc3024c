package io.hivemind.bench.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

  @Test
  void liveSettingsAreLearnerStreamsOwn() {
    Properties props =
        StreamsSettings.live("app", "127.0.0.1:1", Path.of("/tmp/x"), "exactly_once_v2", Map.of());
    assertThat(props)
        .containsEntry("commit.interval.ms", "50")
        .containsEntry("processing.guarantee", "exactly_once_v2")
        .containsEntry("num.standby.replicas", "1")
        .containsEntry("main.consumer.internal.leave.group.on.close", "true")
        .containsEntry("consumer.session.timeout.ms", "10000")
        .containsEntry("state.dir", "/tmp/x");
  }

  @Test
  void overridesComeInOrderAndWin() {
    Map<String, String> overrides =
        StreamsSettings.parseOverrides("num.stream.threads=2, producer.linger.ms=5");
    assertThat(overrides)
        .containsExactly(
            Map.entry("num.stream.threads", "2"), Map.entry("producer.linger.ms", "5"));
    Properties props =
        StreamsSettings.live(
            "app", "h:1", Path.of("/tmp"), "at_least_once", Map.of("commit.interval.ms", "1000"));
    assertThat(props).containsEntry("commit.interval.ms", "1000");
  }

  @Test
  void badOverridesAreExplained() {
    assertThatThrownBy(() -> StreamsSettings.parseOverrides("threads"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key=value");
    assertThatThrownBy(() -> StreamsSettings.parseOverrides("application.id=x"))
        .hasMessageContaining("may not set application.id");
    assertThatThrownBy(
            () ->
                StreamsSettings.validate(
                    StreamsSettings.live(
                        "a",
                        "h:1",
                        Path.of("/tmp"),
                        "at_least_once",
                        Map.of("num.stream.threads", "many"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("num.stream.threads");
  }

  @Test
  void overridesOfTheOptionsLeaveTheLiveValuesOut() {
    assertThat(StreamsSettings.overrides(1, StreamsSettings.LIVE_COMMIT_INTERVAL_MS, null, ""))
        .isEmpty();
    assertThat(StreamsSettings.overrides(2, 100, 0L, "producer.linger.ms=5"))
        .containsExactly(
            Map.entry("num.stream.threads", "2"),
            Map.entry("commit.interval.ms", "100"),
            Map.entry("statestore.cache.max.bytes", "0"),
            Map.entry("producer.linger.ms", "5"));
  }
}
